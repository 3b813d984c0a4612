package cn.cadreflow.secondment.internal;

import java.time.LocalDate;
import java.util.Optional;

import cn.cadreflow.secondment.SecondmentSettings.TermLimits;
import cn.cadreflow.workflow.FormError;

/**
 * The term of a secondment within the limits of its kind (挂职锻炼 one to two years by default), and its one
 * extension. Plain: the limits come from {@code SecondmentSettings}.
 */
public final class TermRule {

    private TermRule() {
    }

    /** The last day of a term of {@code months} starting on {@code start}: a year from 1 March ends on 28 February. */
    public static LocalDate lastDay(LocalDate start, int months) {
        return start.plusMonths(months).minusDays(1);
    }

    /** Why the term from start to end does not fit the limits, on the end date field; empty when it does. */
    public static Optional<FormError> check(LocalDate start, LocalDate end, TermLimits limits) {
        if (end.isBefore(start)) {
            return Optional.of(FormError.of("endDate", "secondment.error.endBeforeStart"));
        }
        if (end.isBefore(lastDay(start, limits.minMonths())) || end.isAfter(lastDay(start, limits.maxMonths()))) {
            return Optional.of(FormError.of("endDate", "secondment.error.term", limits.minMonths(),
                    limits.maxMonths()));
        }
        return Optional.empty();
    }

    /**
     * Why the term may not be extended to {@code newEnd}: one extension only, later than the present end, by at most
     * the kind's extension months. Empty when it may.
     */
    public static Optional<FormError> checkExtension(LocalDate end, boolean alreadyExtended, LocalDate newEnd,
                                                     TermLimits limits) {
        if (alreadyExtended) {
            return Optional.of(FormError.of("decision", "secondment.error.extendedOnce"));
        }
        if (limits.extensionMonths() <= 0) {
            return Optional.of(FormError.of("decision", "secondment.error.noExtension"));
        }
        if (newEnd == null) {
            return Optional.of(FormError.of("newEndDate", "secondment.error.newEndRequired"));
        }
        if (!newEnd.isAfter(end) || newEnd.isAfter(end.plusMonths(limits.extensionMonths()))) {
            return Optional.of(FormError.of("newEndDate", "secondment.error.extension", end.toString(),
                    limits.extensionMonths()));
        }
        return Optional.empty();
    }
}
