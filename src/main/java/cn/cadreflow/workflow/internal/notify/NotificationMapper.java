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

    /** Of each of these users who has any: when their newest item came and how many are unread. */
    List<Stamp> stamps(@Param("recipients") java.util.Collection<String> recipients);

    /** What changes when a user is told something: their newest item's time, their unread count. */
    record Stamp(String recipient, Instant latest, long unread) {

        static final Stamp NONE = new Stamp(null, null, 0);

        boolean sameAs(Stamp other) {
            return java.util.Objects.equals(latest, other.latest) && unread == other.unread;
        }
    }

    Instant lastOf(@Param("recipient") String recipient, @Param("kind") Notification.Kind kind,
                   @Param("taskId") String taskId, @Param("actorName") String actorName);
}
