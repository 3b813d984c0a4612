package cn.cadreflow.workflow.internal.notify;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface NotificationMapper {

    void insert(@Param("n") Notification notification);

    /** Makes the recipient's item of the same task and kind this one (newest, unread); how many rows changed. */
    int refresh(@Param("n") Notification notification);

    List<Notification> latest(@Param("recipient") String recipient, @Param("limit") int limit);

    long countUnread(@Param("recipient") String recipient);

    void markRead(@Param("recipient") String recipient, @Param("id") Long id, @Param("at") Instant at);

    Instant lastOf(@Param("recipient") String recipient, @Param("kind") Notification.Kind kind,
                   @Param("taskId") String taskId, @Param("actorName") String actorName);
}
