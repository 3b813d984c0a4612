package cn.cadreflow.workflow.internal.query;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import cn.cadreflow.workflow.TaskFilter;

/** The wf_task read model: written by the engine's task projection, read by {@link TaskLists}. */
@Mapper
public interface TaskIndexMapper {

    void insert(@Param("t") TaskRow task);

    TaskRow find(@Param("taskId") String taskId);

    void update(@Param("taskId") String taskId, @Param("name") String name, @Param("assignee") String assignee,
                @Param("owner") String owner, @Param("dueAt") Instant dueAt);

    void finish(@Param("taskId") String taskId, @Param("state") String state, @Param("endedAt") Instant endedAt,
                @Param("completedBy") String completedBy);

    int addCandidate(@Param("taskId") String taskId, @Param("groupId") String groupId);

    void removeCandidate(@Param("taskId") String taskId, @Param("groupId") String groupId);

    void removeCandidates(@Param("taskId") String taskId);

    List<TaskRow> todo(@Param("user") String user, @Param("groups") Collection<String> groups,
                       @Param("claimableOnly") boolean claimableOnly, @Param("f") TaskFilter filter,
                       @Param("now") Instant now, @Param("soon") Instant soon,
                       @Param("offset") int offset, @Param("limit") int limit, @Param("window") int window);

    /** window 0: no per-branch limit, everything is counted. */
    long countTodo(@Param("user") String user, @Param("groups") Collection<String> groups,
                   @Param("claimableOnly") boolean claimableOnly, @Param("f") TaskFilter filter,
                   @Param("now") Instant now, @Param("soon") Instant soon, @Param("window") int window);

    List<TaskRow> done(@Param("user") String user, @Param("f") TaskFilter filter, @Param("now") Instant now,
                       @Param("soon") Instant soon, @Param("offset") int offset, @Param("limit") int limit);

    long countDone(@Param("user") String user, @Param("f") TaskFilter filter, @Param("now") Instant now,
                   @Param("soon") Instant soon);

    List<TaskRow> openOfInstance(@Param("processInstanceId") String processInstanceId);

    List<TaskRow> openOfInstances(@Param("processInstanceIds") Collection<String> processInstanceIds);

    /** Every task of these instances, open or not, newest first (what each instance is about, for 抄送). */
    List<TaskRow> ofInstances(@Param("processInstanceIds") Collection<String> processInstanceIds);

    List<String> candidatesOf(@Param("taskId") String taskId);
}
