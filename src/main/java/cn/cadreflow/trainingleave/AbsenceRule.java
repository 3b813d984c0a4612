package cn.cadreflow.trainingleave;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The attendance rules of a 脱产 course (干部教育培训工作条例 Art. 15): a cadre absent for more than 1/7 of the course's
 * 学时 is withdrawn (退学); exactly 1/7 is still allowed. A cadre who completes the course is credited the course's
 * 学时 less the hours absent. Plain arithmetic on exact decimals, no Spring.
 */
public final class AbsenceRule {

    private static final BigDecimal SEVEN = BigDecimal.valueOf(7);

    private AbsenceRule() {
    }

    /** Whether {@code absent} hours of a course of {@code courseHours} 学时 withdraw the cadre: absent × 7 > hours. */
    public static boolean withdraws(BigDecimal courseHours, BigDecimal absent) {
        return absent.multiply(SEVEN).compareTo(courseHours) > 0;
    }

    /** The most hours a cadre may be absent and stay on the course (1/7 of its 学时, shown to one decimal, down). */
    public static BigDecimal allowedAbsence(BigDecimal courseHours) {
        return courseHours.divide(SEVEN, 1, RoundingMode.DOWN);
    }

    /** The 学时 credited for a completed course: its hours less the hours absent, never below zero. */
    public static BigDecimal credited(BigDecimal courseHours, BigDecimal absent) {
        BigDecimal hours = courseHours.subtract(absent);
        return hours.signum() < 0 ? BigDecimal.ZERO : hours.stripTrailingZeros();
    }
}
