package cn.cadreflow.workflow;

import java.time.Instant;

/** One task as the task centre lists it (from the wf_task read model). */
public record TaskRow(String taskId, String parentTaskId, String processInstanceId, String processKey,
                      String stepKey, String name, String businessKey, String starter, Long unitId,
                      String cadreName, String assignee, String owner, String state, Instant createdAt,
                      Instant dueAt, Instant endedAt, String completedBy) {

    public boolean overdue(Instant now) {
        return dueAt != null && endedAt == null && dueAt.isBefore(now);
    }
}
