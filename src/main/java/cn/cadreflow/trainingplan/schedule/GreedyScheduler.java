package cn.cadreflow.trainingplan.schedule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline the solver is measured against: one pass over the cadres (those with the fewest possible
 * weeks first), each given the first immersive course that fits (preferred weeks first, then the week its unit
 * is least away), then classroom courses that fit (preferred ones, then those closing a capability gap, then the
 * longest) while the hours requirement is unmet; preferred courses are taken even once it is met. "Fits" means
 * every hard constraint still holds, so its plans pass the checker; what it lacks is any second thought.
 */
public final class GreedyScheduler {

    private final PlanProblem problem;
    private final Map<String, Integer> seats = new HashMap<>();
    private final Map<String, int[]> away = new HashMap<>();

    private GreedyScheduler(PlanProblem problem) {
        this.problem = problem;
    }

    public static Plan schedule(PlanProblem problem) {
        return new GreedyScheduler(problem).run();
    }

    private Plan run() {
        List<PlanCourse> immersive = problem.courses().stream().filter(PlanCourse::immersive).toList();
        List<PlanCourse> classroom = problem.courses().stream().filter(c -> !c.immersive()).toList();
        List<PlanCadre> order = new ArrayList<>(problem.cadres());
        order.sort(Comparator.comparingLong(c -> immersive.stream()
                .filter(course -> !c.impossibleWeeks().contains(course.week())).count()));
        Map<String, Assignment> assignments = new LinkedHashMap<>();
        for (PlanCadre cadre : order) {
            int[] unitAway = away.computeIfAbsent(cadre.unitId(), u -> new int[problem.days()]);
            List<PlanCourse> taken = new ArrayList<>();
            PlanCourse week = immersive.stream()
                    .sorted(Comparator.comparing((PlanCourse c) -> !cadre.preferredWeeks().contains(c.week()))
                            .thenComparingInt(c -> unitAway[c.startDay()]).thenComparingInt(PlanCourse::startDay))
                    .filter(c -> fits(cadre, c, taken, unitAway)).findFirst().orElse(null);
            if (week != null) {
                take(week, taken, unitAway);
            }
            List<String> courseIds = new ArrayList<>();
            int hours = week == null ? 0 : week.hours();
            int days = week == null ? 0 : week.days();
            List<PlanCourse> candidates = classroom.stream()
                    .sorted(Comparator.comparing((PlanCourse c) -> !cadre.preferredCourses().contains(c.id()))
                            .thenComparing(c -> !cadre.closesGap(c)).thenComparing(PlanCourse::hours,
                                    Comparator.reverseOrder()))
                    .toList();
            for (PlanCourse course : candidates) {
                boolean wanted = cadre.preferredCourses().contains(course.id())
                        || !cadre.requirement().metBy(hours, days);
                if (wanted && fits(cadre, course, taken, unitAway)) {
                    take(course, taken, unitAway);
                    courseIds.add(course.id());
                    hours += course.hours();
                    days += course.days();
                }
            }
            assignments.put(cadre.id(), new Assignment(week == null ? null : week.id(), courseIds));
        }
        Map<String, Assignment> inProblemOrder = new LinkedHashMap<>();
        problem.cadres().forEach(c -> inProblemOrder.put(c.id(), assignments.get(c.id())));
        return new Plan(inProblemOrder);
    }

    private boolean fits(PlanCadre cadre, PlanCourse course, List<PlanCourse> taken, int[] unitAway) {
        if (seats.getOrDefault(course.id(), 0) >= course.capacity()
                || cadre.impossibleWeeks().contains(course.week())
                || taken.stream().anyMatch(course::overlaps)) {
            return false;
        }
        PlanUnit unit = problem.unit(cadre.unitId());
        for (int day = course.startDay(); day < course.endDay(); day++) {
            if (unitAway[day] + 1 > unit.headroom(day)) {
                return false;
            }
        }
        return true;
    }

    private void take(PlanCourse course, List<PlanCourse> taken, int[] unitAway) {
        seats.merge(course.id(), 1, Integer::sum);
        taken.add(course);
        for (int day = course.startDay(); day < course.endDay(); day++) {
            unitAway[day]++;
        }
    }
}
