package cn.cadreflow.workflow.internal.query;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.AutomapConstructor;

/** One task as the task centre lists it (from the wf_task read model). */
public record TaskRow(String taskId, String parentTaskId, String processInstanceId, String processKey,
                      String stepKey, String name, String businessKey, String starter, String subject, Long unitId,
                      String cadreName, String assignee, String owner, String state, Instant createdAt,
                      Instant dueAt, Instant endedAt, String completedBy, String summaryKey, String summaryArgs) {

    /** States of a row. */
    public static final String OPEN = "OPEN";
    public static final String DONE = "DONE";
    public static final String CANCELLED = "CANCELLED";
    /** A candidate user is indexed as this prefix and the user's id, beside candidate groups. */
    public static final String USER_PREFIX = "user:";

    /** Separates the arguments of a row's summary line in {@code summaryArgs}. */
    public static final String ARG_SEPARATOR = "\u001F";

    /** The constructor the mapper fills, column by column. */
    @AutomapConstructor
    public TaskRow {
    }

    /** A row without a summary line. */
    public TaskRow(String taskId, String parentTaskId, String processInstanceId, String processKey, String stepKey,
                   String name, String businessKey, String starter, String subject, Long unitId, String cadreName,
                   String assignee, String owner, String state, Instant createdAt, Instant dueAt, Instant endedAt,
                   String completedBy) {
        this(taskId, parentTaskId, processInstanceId, processKey, stepKey, name, businessKey, starter, subject, unitId,
                cadreName, assignee, owner, state, createdAt, dueAt, endedAt, completedBy, null, null);
    }

    /** The arguments of the summary line, in order; empty without one. */
    public List<String> summaryArgList() {
        return summaryArgs == null || summaryArgs.isEmpty() ? List.of()
                : List.of(summaryArgs.split(ARG_SEPARATOR, -1));
    }

    public boolean overdue(Instant now) {
        return dueAt != null && endedAt == null && dueAt.isBefore(now);
    }
}
