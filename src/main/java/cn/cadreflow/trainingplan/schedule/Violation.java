package cn.cadreflow.trainingplan.schedule;

/**
 * A hard constraint a plan breaks, as {@link PlanChecker} finds it. Fields that do not apply are null (ids) or -1
 * ({@code day}); {@code amount} is by how many people the unit or course is over (1 for the other kinds).
 */
public record Violation(Kind kind, String unitId, String cadreId, String courseId, int day, int amount) {

    public enum Kind {
        /** A unit has fewer people on duty than its minimum on the day. */
        STAFFING,
        /** More cadres than the course's capacity. */
        CAPACITY,
        /** A cadre is planned in two places on the same day. */
        DOUBLE_BOOKED,
        /** A course falls in a week the cadre cannot be away. */
        IMPOSSIBLE_WEEK,
        /** A cadre has no immersive week. */
        NO_IMMERSIVE_WEEK,
        /** A classroom course given as the immersive week, or an immersive course as a classroom one. */
        WRONG_COURSE_KIND,
        /** A course the catalogue does not have. */
        UNKNOWN_COURSE,
        /** An assignment for a cadre who is not being planned. */
        UNKNOWN_CADRE
    }

    /** The week of {@code day}, or -1. */
    public int week() {
        return day < 0 ? -1 : day / PlanProblem.DAYS_PER_WEEK;
    }
}
