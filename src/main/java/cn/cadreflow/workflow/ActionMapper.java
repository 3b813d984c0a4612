package cn.cadreflow.workflow;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface ActionMapper {

    void insert(@Param("processInstanceId") String processInstanceId, @Param("taskId") String taskId,
                @Param("stepKey") String stepKey, @Param("stepName") String stepName, @Param("action") Action action,
                @Param("actor") String actor, @Param("actorName") String actorName,
                @Param("opinion") String opinion, @Param("at") Instant at);

    List<TimelineEntry> timeline(@Param("processInstanceId") String processInstanceId);

    int countByActor(@Param("processInstanceId") String processInstanceId, @Param("actor") String actor);
}
