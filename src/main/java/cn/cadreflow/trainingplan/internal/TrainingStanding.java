package cn.cadreflow.trainingplan.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.temporal.ChronoUnit;
import java.util.List;

import cn.cadreflow.training.TrainingRecord;
import cn.cadreflow.trainingplan.CatalogueCourse;
import cn.cadreflow.trainingplan.schedule.HoursRule;

/**
 * Where a cadre stands against the training requirement of a year, from the training ledger alone (plain code, no
 * Spring): the year's 学时 and training days, the 学时 that count (the year's for 乡科级 and below; for 县处级 and
 * above those of the window of {@code seniorWindowYears} years ending with the year, from {@code windowFrom}), what
 * the rank requires and whether it is met ({@link HoursRule#met}: whole 学时, as planning counts them).
 */
public record TrainingStanding(int year, boolean senior, BigDecimal hoursInYear, int daysInYear, int windowFrom,
                               BigDecimal hoursCounted, int requiredHours, int requiredDays, boolean met) {

    public static TrainingStanding of(HoursRule rule, String rankCode, int year, List<TrainingRecord> ledger) {
        boolean senior = HoursRule.senior(rankCode);
        int windowFrom = senior ? year - rule.seniorWindowYears() + 1 : year;
        BigDecimal inYear = BigDecimal.ZERO;
        BigDecimal earlier = BigDecimal.ZERO;
        int days = 0;
        for (TrainingRecord r : ledger) {
            BigDecimal hours = r.hours() == null ? BigDecimal.ZERO : r.hours();
            if (r.trainingYear() == year) {
                inYear = inYear.add(hours);
                days += r.startDate() == null || r.endDate() == null ? 0
                        : (int) ChronoUnit.DAYS.between(r.startDate(), r.endDate()) + 1;
            } else if (r.trainingYear() >= windowFrom && r.trainingYear() < year) {
                earlier = earlier.add(hours);
            }
        }
        boolean met = rule.met(rankCode, whole(inYear), days, whole(earlier));
        return new TrainingStanding(year, senior, inYear, days, windowFrom, senior ? inYear.add(earlier) : inYear,
                senior ? rule.seniorHours() : rule.juniorHours(), senior ? 0 : rule.juniorDays(), met);
    }

    /**
     * Whether the ledger shows the course taken: a line of it whose days meet the course's days (a cadre cannot be on
     * two courses at once, so the line is that course, however the credit names it).
     */
    public static boolean taken(CatalogueCourse course, List<TrainingRecord> ledger) {
        return ledger.stream().anyMatch(r -> r.startDate() != null && r.endDate() != null
                && !r.startDate().isAfter(course.endDate()) && !r.endDate().isBefore(course.startDate()));
    }

    private static int whole(BigDecimal hours) {
        return hours.setScale(0, RoundingMode.DOWN).intValue();
    }
}
