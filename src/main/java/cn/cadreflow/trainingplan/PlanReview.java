package cn.cadreflow.trainingplan;

import java.time.LocalDate;
import java.util.List;

import cn.cadreflow.trainingplan.CatalogueException.Problem;

/**
 * What HR reviews of a plan's current proposal: per unit and week how many are away (training and other
 * absences) and the staffing headroom left; per cadre the assignment, the 学时 planned against those required and,
 * when short, why; the independent checker's hard violations; why the input cannot be planned, when it cannot
 * (units and weeks named); the preferences met; the catalogue courses the plan cannot use. Weeks are ISO weeks of
 * the year (1-based); every text is a message key with its arguments.
 */
public record PlanReview(TrainingPlan plan, List<LocalDate> mondays, List<UnitWeeks> units, List<CadreRow> cadres,
                         List<CourseRef> courses, List<Problem> violations, List<Problem> obstacles,
                         int preferencesMet, int preferencesStated, List<String> unusableCourses) {

    /**
     * A unit's weeks: {@code away[w]} the most of its people away on a day of ISO week w+1, {@code headroom[w]} the
     * fewest more who could still be away on a day of it (negative: below its minimum).
     */
    public record UnitWeeks(long unitId, String name, int headcount, int minimumOnDuty, int[] away, int[] headroom) {
    }

    /** A course of the plan: its week (ISO) and whether it is an immersive week. */
    public record CourseRef(long id, String title, boolean immersive, int week, LocalDate start, LocalDate end,
                            int hours, int capacity) {
    }

    /** A cadre's assignment; {@code shortfall} null when the requirement is met. */
    public record CadreRow(long cadreId, String name, long unitId, String unitName, CourseRef immersive,
                           List<CourseRef> courses, int plannedHours, int requiredHours, Problem shortfall) {
    }

    public boolean publishable() {
        return violations.isEmpty() && !cadres.isEmpty();
    }
}
