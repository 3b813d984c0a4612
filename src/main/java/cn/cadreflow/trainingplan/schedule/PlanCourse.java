package cn.cadreflow.trainingplan.schedule;

import java.util.Set;

/**
 * A course of the catalogue as the scheduler sees it: it runs in one week of the planning year (weeks count from
 * 0), from working day {@code firstDay} (0 = Monday) for {@code days} working days. An immersive course is a
 * 同吃同住同劳动 week in a linked village, community or enterprise; the others are classroom courses.
 * {@code capabilities} are the capability names it targets.
 */
public record PlanCourse(String id, String title, boolean immersive, int week, int firstDay, int days, int hours,
                         int capacity, Set<String> capabilities) {

    public PlanCourse {
        if (week < 0 || firstDay < 0 || days < 1 || firstDay + days > PlanProblem.DAYS_PER_WEEK) {
            throw new IllegalArgumentException("course " + id + " does not fit one working week");
        }
        if (hours < 0 || capacity < 0) {
            throw new IllegalArgumentException("course " + id + " has negative hours or capacity");
        }
        capabilities = Set.copyOf(capabilities);
    }

    /** The first working day of the year it occupies. */
    public int startDay() {
        return week * PlanProblem.DAYS_PER_WEEK + firstDay;
    }

    /** The working day after its last one. */
    public int endDay() {
        return startDay() + days;
    }

    public boolean overlaps(PlanCourse other) {
        return startDay() < other.endDay() && other.startDay() < endDay();
    }
}
