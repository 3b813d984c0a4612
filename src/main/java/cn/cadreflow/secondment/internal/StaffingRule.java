package cn.cadreflow.secondment.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 最低在岗人数: a grassroots unit keeps at least its minimum of cadres on duty on every day. A cadre away on an
 * approved leave or secondment is not on duty that day; a cadre away twice on one day counts once. Plain: the
 * caller reads the unit's headcount, minimum and absences; the check is a sweep over the days of the term.
 */
public final class StaffingRule {

    /** A cadre away from the unit from one day to another, both included. */
    public record Absence(long cadreId, LocalDate startDate, LocalDate endDate) {
    }

    /** The first day the unit would fall short: who would be on duty, and the minimum. */
    public record Shortfall(LocalDate day, int onDuty, int minimum) {
    }

    private StaffingRule() {
    }

    /**
     * The first day of the requested absence on which the unit, counting its {@code headcount} cadres less those
     * away (the requested absence included), would have fewer than {@code minimum} on duty; empty when every day
     * keeps the minimum.
     */
    public static Optional<Shortfall> firstShortfall(int headcount, int minimum, Collection<Absence> approved,
                                                     Absence requested) {
        LocalDate from = requested.startDate();
        LocalDate to = requested.endDate();
        if (minimum <= 0 || to.isBefore(from)) {
            return Optional.empty();
        }
        int days = (int) ChronoUnit.DAYS.between(from, to) + 1;
        Map<Long, List<Absence>> byCadre = new HashMap<>();
        for (Absence a : approved) {
            if (!a.endDate().isBefore(from) && !a.startDate().isAfter(to)) {
                byCadre.computeIfAbsent(a.cadreId(), k -> new ArrayList<>()).add(a);
            }
        }
        byCadre.computeIfAbsent(requested.cadreId(), k -> new ArrayList<>()).add(requested);
        int[] change = new int[days + 1];
        for (List<Absence> absences : byCadre.values()) {
            absences.sort(Comparator.comparing(Absence::startDate));
            int start = -1;
            int end = -2;
            for (Absence a : absences) {
                int s = Math.max(0, (int) ChronoUnit.DAYS.between(from, a.startDate()));
                int e = Math.min(days - 1, (int) ChronoUnit.DAYS.between(from, a.endDate()));
                if (s > end + 1) {
                    mark(change, start, end);
                    start = s;
                }
                end = Math.max(end, e);
            }
            mark(change, start, end);
        }
        int away = 0;
        for (int d = 0; d < days; d++) {
            away += change[d];
            if (headcount - away < minimum) {
                return Optional.of(new Shortfall(from.plusDays(d), headcount - away, minimum));
            }
        }
        return Optional.empty();
    }

    private static void mark(int[] change, int start, int end) {
        if (start >= 0 && end >= start) {
            change[start]++;
            change[end + 1]--;
        }
    }
}
