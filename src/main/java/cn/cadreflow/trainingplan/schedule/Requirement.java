package cn.cadreflow.trainingplan.schedule;

/**
 * What remains of a cadre's training requirement for the planning year: met by {@code hours} 学时, or (when
 * {@code days} is above 0) by {@code days} days of training. A requirement of 0 hours is met by nothing at all.
 */
public record Requirement(int hours, int days) {

    public static final Requirement NONE = new Requirement(0, 0);

    public Requirement {
        hours = Math.max(0, hours);
        days = Math.max(0, days);
    }

    public boolean metBy(int plannedHours, int plannedDays) {
        return plannedHours >= hours || (days > 0 && plannedDays >= days);
    }

    /** The 学时 still missing after the planned ones (0 when met). */
    public int shortfall(int plannedHours, int plannedDays) {
        return metBy(plannedHours, plannedDays) ? 0 : hours - plannedHours;
    }
}
