package cn.cadreflow.workflow;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * What a task list is narrowed to: a process, units, part of the cadre's name, a due state; and its order.
 * Empty values mean "any".
 */
public record TaskFilter(String processKey, Collection<Long> unitIds, String cadreName, Due due, Sort sort) {

    public static final TaskFilter NONE = new TaskFilter(null, List.of(), null, Due.ANY, Sort.NEWEST);

    public enum Due { ANY, OVERDUE, SOON, NONE }

    public enum Sort { NEWEST, OLDEST, DUE }

    public TaskFilter {
        unitIds = unitIds == null ? List.of() : List.copyOf(unitIds);
        due = due == null ? Due.ANY : due;
        sort = sort == null ? Sort.NEWEST : sort;
        cadreName = cadreName == null || cadreName.isBlank() ? null : cadreName.strip();
        processKey = processKey == null || processKey.isBlank() ? null : processKey;
    }

    /** Bounds used by the SQL for the due-state filter. */
    public Instant soonLimit(Instant now) {
        return now.plusSeconds(24 * 3600);
    }
}
