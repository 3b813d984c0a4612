package cn.cadreflow.trainingplan.schedule;

import java.util.Set;

/** Short builders for hand-made planning cases. */
final class Cases {

    static final int WEEKS = 10;

    private Cases() {
    }

    static PlanUnit unit(String id, int headcount, int minimum) {
        return new PlanUnit(id, id, headcount, minimum, new int[WEEKS * PlanProblem.DAYS_PER_WEEK]);
    }

    /** A unit with {@code away} people away on every day of the given weeks. */
    static PlanUnit unitWithAbsences(String id, int headcount, int minimum, int away, int... weeks) {
        int[] absences = new int[WEEKS * PlanProblem.DAYS_PER_WEEK];
        for (int week : weeks) {
            for (int d = 0; d < PlanProblem.DAYS_PER_WEEK; d++) {
                absences[week * PlanProblem.DAYS_PER_WEEK + d] = away;
            }
        }
        return new PlanUnit(id, id, headcount, minimum, absences);
    }

    /** A cadre whose requirement the immersive week (40 学时) meets. */
    static PlanCadre cadre(String id, String unit) {
        return cadre(id, unit, new Requirement(40, 0));
    }

    static PlanCadre cadre(String id, String unit, Requirement requirement) {
        return new PlanCadre(id, id, unit, requirement, Set.of(), Set.of(), Set.of(), Set.of());
    }

    static PlanCadre withWeeks(PlanCadre c, Set<Integer> preferred, Set<Integer> impossible) {
        return new PlanCadre(c.id(), c.name(), c.unitId(), c.requirement(), preferred, impossible,
                c.preferredCourses(), c.capabilityGaps());
    }

    static PlanCadre withCourses(PlanCadre c, Set<String> preferred, Set<String> gaps) {
        return new PlanCadre(c.id(), c.name(), c.unitId(), c.requirement(), c.preferredWeeks(),
                c.impossibleWeeks(), preferred, gaps);
    }

    /** An immersive week (Monday to Friday, 40 学时). */
    static PlanCourse immersive(String id, int week, int capacity) {
        return new PlanCourse(id, id, true, week, 0, 5, 40, capacity, Set.of());
    }

    static PlanCourse classroom(String id, int week, int firstDay, int days, int hours, int capacity,
                                String... capabilities) {
        return new PlanCourse(id, id, false, week, firstDay, days, hours, capacity, Set.of(capabilities));
    }

    static TimefoldScheduler solver() {
        return new TimefoldScheduler(new TimefoldScheduler.Settings(java.time.Duration.ofSeconds(5),
                java.time.Duration.ofMillis(800), 4));
    }
}
