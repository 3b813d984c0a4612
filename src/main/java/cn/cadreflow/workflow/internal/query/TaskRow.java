package cn.cadreflow.workflow.internal.query;

import java.time.Instant;

/** One task as the task centre lists it (from the wf_task read model). */
public record TaskRow(String taskId, String parentTaskId, String processInstanceId, String processKey,
                      String stepKey, String name, String businessKey, String starter, String subject, Long unitId,
                      String cadreName, String assignee, String owner, String state, Instant createdAt,
                      Instant dueAt, Instant endedAt, String completedBy) {

    /** States of a row. */
    public static final String OPEN = "OPEN";
    public static final String DONE = "DONE";
    public static final String CANCELLED = "CANCELLED";
    /** A candidate user is indexed as this prefix and the user's id, beside candidate groups. */
    public static final String USER_PREFIX = "user:";

    public boolean overdue(Instant now) {
        return dueAt != null && endedAt == null && dueAt.isBefore(now);
    }
}
