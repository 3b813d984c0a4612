package cn.cadreflow.workflow.internal.trail;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import cn.cadreflow.workflow.Action;
import cn.cadreflow.workflow.TimelineEntry;

@Mapper
public interface ActionMapper {

    void insert(@Param("processInstanceId") String processInstanceId, @Param("taskId") String taskId,
                @Param("stepKey") String stepKey, @Param("stepName") String stepName, @Param("action") Action action,
                @Param("actor") String actor, @Param("actorName") String actorName,
                @Param("opinion") String opinion, @Param("target") String target,
                @Param("targetName") String targetName, @Param("at") Instant at);

    /** The SUBMIT rows of a bulk start, one statement for all its instances. */
    void insertStarts(@Param("processInstanceIds") List<String> processInstanceIds, @Param("stepKey") String stepKey,
                      @Param("stepName") String stepName, @Param("action") Action action, @Param("actor") String actor,
                      @Param("actorName") String actorName, @Param("at") Instant at);

    List<TimelineEntry> timeline(@Param("processInstanceId") String processInstanceId);

    int countByActor(@Param("processInstanceId") String processInstanceId, @Param("actor") String actor);

    Instant lastOf(@Param("processInstanceId") String processInstanceId, @Param("actor") String actor,
                   @Param("action") Action action);

    void insertCopy(@Param("processInstanceId") String processInstanceId, @Param("recipient") String recipient,
                    @Param("sender") String sender, @Param("at") Instant at);

    int countCopy(@Param("processInstanceId") String processInstanceId, @Param("recipient") String recipient);

    List<CopyRow> copies(@Param("recipient") String recipient, @Param("offset") int offset, @Param("limit") int limit);

    long countCopies(@Param("recipient") String recipient, @Param("unreadOnly") boolean unreadOnly);

    void markCopyRead(@Param("processInstanceId") String processInstanceId, @Param("recipient") String recipient,
                      @Param("at") Instant at);

    record CopyRow(String processInstanceId, String sender, Instant createdAt, Instant readAt) {
    }
}
