package cn.cadreflow.trainingplan.schedule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What a plan gives: the cadres whose hours requirement it does not meet, each with the reason, and how many of
 * the stated preferences it meets (a cadre's preferred weeks count as one preference, met when the immersive
 * week falls in one of them; each preferred course counts as one, met when the cadre is in it).
 */
public record PlanReport(List<Shortfall> shortfalls, int preferencesMet, int preferencesStated) {

    /** Why a cadre's requirement is not met. */
    public enum Reason {
        /** Even alone, the cadre could not get the hours from the catalogue outside the impossible weeks. */
        CATALOGUE_TOO_SMALL,
        /** The courses that would give the hours are full or would take the unit below its minimum. */
        TAKEN_BY_STAFFING_OR_CAPACITY
    }

    public record Shortfall(String cadreId, int plannedHours, int requiredHours, int reachableHours, Reason reason) {
    }

    public double preferenceShare() {
        return preferencesStated == 0 ? 1.0 : (double) preferencesMet / preferencesStated;
    }

    public static PlanReport of(PlanProblem problem, Plan plan) {
        List<Shortfall> shortfalls = new ArrayList<>();
        int met = 0;
        int stated = 0;
        for (PlanCadre cadre : problem.cadres()) {
            Assignment assignment = plan.of(cadre.id());
            PlanCourse immersive = assignment.immersiveCourseId() == null ? null
                    : problem.course(assignment.immersiveCourseId());
            int hours = 0;
            int days = 0;
            List<PlanCourse> taken = new ArrayList<>();
            if (immersive != null) {
                taken.add(immersive);
            }
            for (String id : assignment.courseIds()) {
                if (problem.course(id) != null) {
                    taken.add(problem.course(id));
                }
            }
            for (PlanCourse course : taken) {
                hours += course.hours();
                days += course.days();
            }
            if (!cadre.requirement().metBy(hours, days)) {
                int reachable = reachableHours(problem, cadre);
                shortfalls.add(new Shortfall(cadre.id(), hours, cadre.requirement().hours(), reachable,
                        reachable < cadre.requirement().hours() ? Reason.CATALOGUE_TOO_SMALL
                                : Reason.TAKEN_BY_STAFFING_OR_CAPACITY));
            }
            if (!cadre.preferredWeeks().isEmpty()) {
                stated++;
                if (immersive != null && cadre.preferredWeeks().contains(immersive.week())) {
                    met++;
                }
            }
            stated += cadre.preferredCourses().size();
            met += (int) cadre.preferredCourses().stream().filter(assignment.courseIds()::contains).count();
        }
        return new PlanReport(List.copyOf(shortfalls), met, stated);
    }

    /**
     * The most 学时 the cadre could get with the whole catalogue to themselves: one immersive course and any
     * classroom courses, none overlapping and none in an impossible week (weighted interval scheduling).
     */
    static int reachableHours(PlanProblem problem, PlanCadre cadre) {
        List<PlanCourse> open = problem.courses().stream()
                .filter(c -> !cadre.impossibleWeeks().contains(c.week()) && c.capacity() > 0)
                .sorted(Comparator.comparingInt(PlanCourse::endDay)).toList();
        // best[i][k]: most hours from the first i courses, k = immersive courses used (0 or 1)
        int[][] best = new int[open.size() + 1][2];
        for (int i = 1; i <= open.size(); i++) {
            PlanCourse course = open.get(i - 1);
            int previous = i - 1;
            while (previous > 0 && open.get(previous - 1).endDay() > course.startDay()) {
                previous--;
            }
            for (int k = 0; k < 2; k++) {
                best[i][k] = best[i - 1][k];
                if (!course.immersive()) {
                    best[i][k] = Math.max(best[i][k], best[previous][k] + course.hours());
                } else if (k == 1) {
                    best[i][k] = Math.max(best[i][k], best[previous][0] + course.hours());
                }
            }
        }
        return Math.max(best[open.size()][0], best[open.size()][1]);
    }
}
