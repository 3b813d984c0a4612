package cn.cadreflow.trainingplan.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Necessary conditions for a plan without hard violations, checked before solving so that an infeasible input is
 * reported with the units and weeks that make it so (the solver then still returns its best plan, whose
 * remaining violations {@link PlanChecker} lists). No obstacle does not prove feasibility: only a plan the
 * checker passes does.
 */
public final class Feasibility {

    private Feasibility() {
    }

    public static List<Obstacle> diagnose(PlanProblem problem) {
        List<Obstacle> found = new ArrayList<>();
        List<PlanCourse> immersive = problem.courses().stream().filter(c -> c.immersive() && c.capacity() > 0)
                .toList();
        TreeSet<Integer> immersiveWeeks = immersive.stream().map(PlanCourse::week)
                .collect(Collectors.toCollection(TreeSet::new));
        Map<String, List<PlanCadre>> byUnit = problem.cadres().stream()
                .collect(Collectors.groupingBy(PlanCadre::unitId));
        for (PlanUnit unit : problem.units()) {
            List<Integer> below = new ArrayList<>();
            for (int week = 0; week < problem.weeks(); week++) {
                if (unit.weekHeadroom(week) < 0) {
                    below.add(week);
                }
            }
            if (!below.isEmpty()) {
                found.add(new Obstacle(Obstacle.Kind.UNIT_ALREADY_BELOW_MINIMUM, unit.id(), null, below,
                        unit.minimumOnDuty(), unit.headcount()));
            }
            List<PlanCadre> cadres = byUnit.getOrDefault(unit.id(), List.of());
            int available = 0;
            List<Integer> full = new ArrayList<>();
            Map<Integer, Integer> headroomByWeek = new TreeMap<>();
            for (PlanCourse course : immersive) {
                headroomByWeek.merge(course.week(), headroom(unit, course), Math::max);
            }
            for (Map.Entry<Integer, Integer> entry : headroomByWeek.entrySet()) {
                int week = entry.getKey();
                int headroom = entry.getValue();
                available += Math.max(0, headroom);
                if (headroom <= 0) {
                    full.add(week);
                }
            }
            if (cadres.size() > available) {
                found.add(new Obstacle(Obstacle.Kind.UNIT_HEADROOM_TOO_SMALL, unit.id(), null, full, cadres.size(),
                        available));
            }
            for (PlanCadre cadre : cadres) {
                boolean possible = headroomByWeek.entrySet().stream()
                        .anyMatch(e -> !cadre.impossibleWeeks().contains(e.getKey()) && e.getValue() > 0);
                if (!possible) {
                    found.add(new Obstacle(Obstacle.Kind.CADRE_HAS_NO_POSSIBLE_WEEK, unit.id(), cadre.id(),
                            List.copyOf(immersiveWeeks), 1, 0));
                }
            }
        }
        int places = problem.courses().stream().filter(PlanCourse::immersive).mapToInt(PlanCourse::capacity).sum();
        if (places < problem.cadres().size()) {
            found.add(new Obstacle(Obstacle.Kind.IMMERSIVE_PLACES_TOO_FEW, null, null, List.copyOf(immersiveWeeks),
                    problem.cadres().size(), places));
        }
        return found;
    }

    /** The unit's smallest headroom over the days of the course. */
    static int headroom(PlanUnit unit, PlanCourse course) {
        int least = Integer.MAX_VALUE;
        for (int day = course.startDay(); day < course.endDay(); day++) {
            least = Math.min(least, unit.headroom(day));
        }
        return least;
    }
}
