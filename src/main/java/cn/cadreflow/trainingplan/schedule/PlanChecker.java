package cn.cadreflow.trainingplan.schedule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds every hard constraint a plan breaks, independently of the solver and its score: staffing on every unit
 * and working day (other absences included), course capacity, nobody in two places, impossible weeks, one
 * immersive week each, course kinds and unknown ids. The hours requirement is not hard (it is met where possible)
 * and is measured by {@link PlanReport}.
 */
public final class PlanChecker {

    private PlanChecker() {
    }

    public static List<Violation> check(PlanProblem problem, Plan plan) {
        List<Violation> found = new ArrayList<>();
        Map<String, Integer> seats = new HashMap<>();
        Map<String, int[]> away = new HashMap<>();
        for (String cadreId : plan.assignments().keySet()) {
            if (problem.cadre(cadreId) == null) {
                found.add(new Violation(Violation.Kind.UNKNOWN_CADRE, null, cadreId, null, -1, 1));
            }
        }
        for (PlanCadre cadre : problem.cadres()) {
            List<PlanCourse> taken = courses(problem, cadre, plan.of(cadre.id()), found);
            int[] unitAway = away.computeIfAbsent(cadre.unitId(), u -> new int[problem.days()]);
            for (int i = 0; i < taken.size(); i++) {
                PlanCourse course = taken.get(i);
                seats.merge(course.id(), 1, Integer::sum);
                if (cadre.impossibleWeeks().contains(course.week())) {
                    found.add(new Violation(Violation.Kind.IMPOSSIBLE_WEEK, cadre.unitId(), cadre.id(), course.id(),
                            course.startDay(), 1));
                }
                for (int j = 0; j < i; j++) {
                    if (course.overlaps(taken.get(j))) {
                        found.add(new Violation(Violation.Kind.DOUBLE_BOOKED, cadre.unitId(), cadre.id(), course.id(),
                                Math.max(course.startDay(), taken.get(j).startDay()), 1));
                    }
                }
            }
            markAway(taken, unitAway);
        }
        seats.forEach((courseId, count) -> {
            PlanCourse course = problem.course(courseId);
            if (count > course.capacity()) {
                found.add(new Violation(Violation.Kind.CAPACITY, null, null, courseId, course.startDay(),
                        count - course.capacity()));
            }
        });
        for (PlanUnit unit : problem.units()) {
            int[] unitAway = away.getOrDefault(unit.id(), new int[problem.days()]);
            for (int day = 0; day < problem.days(); day++) {
                int over = unitAway[day] - unit.headroom(day);
                if (over > 0) {
                    found.add(new Violation(Violation.Kind.STAFFING, unit.id(), null, null, day, over));
                }
            }
        }
        return found;
    }

    /** The known courses of the assignment; unknown ids, a missing immersive week and wrong kinds go to found. */
    private static List<PlanCourse> courses(PlanProblem problem, PlanCadre cadre, Assignment assignment,
                                            List<Violation> found) {
        List<PlanCourse> taken = new ArrayList<>();
        if (assignment.immersiveCourseId() == null) {
            found.add(new Violation(Violation.Kind.NO_IMMERSIVE_WEEK, cadre.unitId(), cadre.id(), null, -1, 1));
        } else {
            add(problem, cadre, assignment.immersiveCourseId(), true, taken, found);
        }
        for (String courseId : assignment.courseIds()) {
            add(problem, cadre, courseId, false, taken, found);
        }
        return taken;
    }

    private static void add(PlanProblem problem, PlanCadre cadre, String courseId, boolean immersive,
                            List<PlanCourse> taken, List<Violation> found) {
        PlanCourse course = problem.course(courseId);
        if (course == null) {
            found.add(new Violation(Violation.Kind.UNKNOWN_COURSE, cadre.unitId(), cadre.id(), courseId, -1, 1));
            return;
        }
        if (course.immersive() != immersive) {
            found.add(new Violation(Violation.Kind.WRONG_COURSE_KIND, cadre.unitId(), cadre.id(), courseId,
                    course.startDay(), 1));
        }
        taken.add(course);
    }

    /** Counts the cadre away once per day, however many of the courses fall on it. */
    private static void markAway(List<PlanCourse> taken, int[] unitAway) {
        boolean[] marked = new boolean[unitAway.length];
        for (PlanCourse course : taken) {
            for (int day = course.startDay(); day < course.endDay(); day++) {
                if (!marked[day]) {
                    marked[day] = true;
                    unitAway[day]++;
                }
            }
        }
    }
}
