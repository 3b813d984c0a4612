package cn.cadreflow.workflow.internal.task;

import java.time.Instant;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** wf_task_draft: 暂存, one draft per task and user. */
@Mapper
public interface DraftMapper {

    int update(@Param("taskId") String taskId, @Param("username") String username, @Param("values") byte[] values,
               @Param("at") Instant at);

    void insert(@Param("taskId") String taskId, @Param("username") String username, @Param("values") byte[] values,
                @Param("at") Instant at);

    DraftRow find(@Param("taskId") String taskId, @Param("username") String username);

    /** A task completed or ended otherwise: its drafts, whoever saved them, go. */
    void deleteForTask(@Param("taskId") String taskId);

    record DraftRow(byte[] formValues, Instant savedAt) {
    }
}
