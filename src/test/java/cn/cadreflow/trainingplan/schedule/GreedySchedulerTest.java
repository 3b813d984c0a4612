package cn.cadreflow.trainingplan.schedule;

import static cn.cadreflow.trainingplan.schedule.Cases.cadre;
import static cn.cadreflow.trainingplan.schedule.Cases.classroom;
import static cn.cadreflow.trainingplan.schedule.Cases.immersive;
import static cn.cadreflow.trainingplan.schedule.Cases.unit;
import static cn.cadreflow.trainingplan.schedule.Cases.withCourses;
import static cn.cadreflow.trainingplan.schedule.Cases.withWeeks;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The baseline keeps every hard constraint; it just does not look ahead. */
class GreedySchedulerTest {

    @Test
    void firstComeFirstServedWithinTheHardConstraints() {
        PlanProblem problem = new PlanProblem(Cases.WEEKS, List.of(unit("u", 3, 2)),
                List.of(withWeeks(cadre("a", "u"), Set.of(0), Set.of()), withWeeks(cadre("b", "u"), Set.of(0), Set.of(1)),
                        withWeeks(cadre("c", "u"), Set.of(0), Set.of())),
                List.of(immersive("w0", 0, 5), immersive("w1", 1, 5)));
        Plan plan = GreedyScheduler.schedule(problem);
        // b can only go in week 0 and is placed first; a gets week 1; nothing is left for c
        assertThat(plan.of("b").immersiveCourseId()).isEqualTo("w0");
        assertThat(plan.of("a").immersiveCourseId()).isEqualTo("w1");
        assertThat(plan.of("c").immersiveCourseId()).isNull();
        assertThat(PlanChecker.check(problem, plan)).extracting(Violation::kind)
                .containsExactly(Violation.Kind.NO_IMMERSIVE_WEEK);
    }

    @Test
    void takesCoursesUntilTheHoursAreMetPreferredOnesFirst() {
        PlanCadre p = withCourses(cadre("p", "u", new Requirement(90, 0)), Set.of("A"), Set.of());
        PlanProblem problem = new PlanProblem(Cases.WEEKS, List.of(unit("u", 10, 0)), List.of(p),
                List.of(immersive("w", 0, 5), classroom("A", 2, 0, 3, 24, 5), classroom("B", 2, 0, 5, 32, 5),
                        classroom("C", 5, 0, 4, 30, 5), classroom("D", 6, 0, 4, 30, 5)));
        Plan plan = GreedyScheduler.schedule(problem);
        assertThat(plan.of("p")).isEqualTo(new Assignment("w", List.of("A", "C")));
        assertThat(PlanChecker.check(problem, plan)).isEmpty();
    }
}
