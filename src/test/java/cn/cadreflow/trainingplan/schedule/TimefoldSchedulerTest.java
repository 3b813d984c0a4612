package cn.cadreflow.trainingplan.schedule;

import static cn.cadreflow.trainingplan.schedule.Cases.cadre;
import static cn.cadreflow.trainingplan.schedule.Cases.classroom;
import static cn.cadreflow.trainingplan.schedule.Cases.immersive;
import static cn.cadreflow.trainingplan.schedule.Cases.unit;
import static cn.cadreflow.trainingplan.schedule.Cases.unitWithAbsences;
import static cn.cadreflow.trainingplan.schedule.Cases.withCourses;
import static cn.cadreflow.trainingplan.schedule.Cases.withWeeks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import cn.cadreflow.trainingplan.schedule.Violation.Kind;

/** The solver on hand-made cases whose answer is known, feasible and not. */
class TimefoldSchedulerTest {

    final TimefoldScheduler solver = Cases.solver();

    static int week(PlanProblem problem, Plan plan, String cadre) {
        return problem.course(plan.of(cadre).immersiveCourseId()).week();
    }

    @Test
    void aUnitThatCanSpareOnePersonSendsItsTwoCadresInDifferentWeeks() {
        PlanProblem problem = new PlanProblem(Cases.WEEKS, List.of(unit("u", 3, 2)),
                List.of(withWeeks(cadre("a", "u"), Set.of(0), Set.of()), withWeeks(cadre("b", "u"), Set.of(0), Set.of())),
                List.of(immersive("w0", 0, 5), immersive("w1", 1, 5)));
        TimefoldScheduler.Result result = solver.schedule(problem);
        assertThat(result.feasible()).isTrue();
        assertThat(result.firstFeasible()).isNotNull();
        assertThat(PlanChecker.check(problem, result.plan())).isEmpty();
        assertThat(Set.of(week(problem, result.plan(), "a"), week(problem, result.plan(), "b"))).containsOnly(0, 1);
        PlanReport report = PlanReport.of(problem, result.plan());
        assertThat(report.preferencesMet()).isEqualTo(1);
        assertThat(report.preferencesStated()).isEqualTo(2);
    }

    @Test
    void capacityHoldsAndTheOneSeatInThePreferredWeekGoesToOneCadre() {
        PlanProblem problem = new PlanProblem(Cases.WEEKS, List.of(unit("u", 10, 0), unit("v", 10, 0)),
                List.of(withWeeks(cadre("a", "u"), Set.of(0), Set.of()), withWeeks(cadre("b", "v"), Set.of(0), Set.of()),
                        withWeeks(cadre("c", "v"), Set.of(0), Set.of())),
                List.of(immersive("w0", 0, 1), immersive("w1", 1, 2)));
        Plan plan = solver.schedule(problem).plan();
        assertThat(PlanChecker.check(problem, plan)).isEmpty();
        assertThat(plan.assignments().values().stream().collect(Collectors.groupingBy(Assignment::immersiveCourseId,
                Collectors.counting()))).containsEntry("w0", 1L).containsEntry("w1", 2L);
    }

    @Test
    void theHoursAreMetWithTheCoursesThatDoNotOverlapPreferredFirst() {
        PlanCourse a = classroom("A", 2, 0, 3, 24, 5);
        PlanCourse b = classroom("B", 2, 0, 5, 32, 5, "法治示范能力");
        PlanCourse c = classroom("C", 5, 0, 4, 30, 5);
        PlanCadre prefersA = withCourses(cadre("p", "u", new Requirement(90, 0)), Set.of("A"), Set.of());
        PlanCadre gapB = withCourses(cadre("g", "u", new Requirement(90, 0)), Set.of(), Set.of("法治示范能力"));
        PlanProblem problem = new PlanProblem(Cases.WEEKS, List.of(unit("u", 10, 0)), List.of(prefersA, gapB),
                List.of(immersive("w", 0, 5), a, b, c));
        Plan plan = solver.schedule(problem).plan();
        assertThat(PlanChecker.check(problem, plan)).isEmpty();
        assertThat(plan.of("p")).isEqualTo(new Assignment("w", List.of("A", "C")));
        assertThat(plan.of("g")).isEqualTo(new Assignment("w", List.of("B", "C")));
        assertThat(PlanReport.of(problem, plan).shortfalls()).isEmpty();
    }

    @Test
    void nobodyIsSentToACourseTheyDoNotNeed() {
        PlanProblem problem = new PlanProblem(Cases.WEEKS, List.of(unit("u", 10, 0)),
                List.of(cadre("a", "u", new Requirement(40, 0))),
                List.of(immersive("w", 0, 5), classroom("A", 2, 0, 3, 24, 5)));
        assertThat(solver.schedule(problem).plan().of("a")).isEqualTo(new Assignment("w", List.of()));
    }

    @Test
    void anImpossibleWeekIsAvoided() {
        PlanProblem problem = new PlanProblem(Cases.WEEKS, List.of(unit("u", 10, 0)),
                List.of(withWeeks(cadre("a", "u"), Set.of(0), Set.of(0))),
                List.of(immersive("w0", 0, 5), immersive("w2", 2, 5)));
        assertThat(solver.schedule(problem).plan().of("a").immersiveCourseId()).isEqualTo("w2");
    }

    @Test
    void aUnitsAbsencesSpreadOverTheYear() {
        PlanProblem problem = new PlanProblem(Cases.WEEKS, List.of(unit("u", 10, 5)),
                List.of(cadre("a", "u"), cadre("b", "u"), cadre("c", "u"), cadre("d", "u")),
                List.of(immersive("w0", 0, 10), immersive("w1", 1, 10), immersive("w2", 2, 10), immersive("w3", 3, 10)));
        Plan plan = solver.schedule(problem).plan();
        assertThat(plan.assignments().values().stream().map(Assignment::immersiveCourseId).distinct()).hasSize(4);
    }

    @Test
    void aUnitWithNoHeadroomIsReportedAndNeverEmptied() {
        PlanProblem problem = new PlanProblem(Cases.WEEKS, List.of(unit("u", 2, 2), unit("v", 5, 1)),
                List.of(cadre("a", "u"), cadre("b", "u"), cadre("c", "v")),
                List.of(immersive("w0", 0, 5), immersive("w1", 1, 5)));
        assertThat(Feasibility.diagnose(problem))
                .extracting(Obstacle::kind, Obstacle::unitId, Obstacle::cadreId, Obstacle::weeks, Obstacle::needed,
                        Obstacle::available)
                .containsExactlyInAnyOrder(tuple(Obstacle.Kind.UNIT_HEADROOM_TOO_SMALL, "u", null, List.of(0, 1), 2, 0),
                        tuple(Obstacle.Kind.CADRE_HAS_NO_POSSIBLE_WEEK, "u", "a", List.of(0, 1), 1, 0),
                        tuple(Obstacle.Kind.CADRE_HAS_NO_POSSIBLE_WEEK, "u", "b", List.of(0, 1), 1, 0));
        TimefoldScheduler.Result result = solver.schedule(problem);
        assertThat(result.feasible()).isFalse();
        assertThat(result.firstFeasible()).isNull();
        assertThat(PlanChecker.check(problem, result.plan())).extracting(Violation::kind, Violation::cadreId)
                .containsExactlyInAnyOrder(tuple(Kind.NO_IMMERSIVE_WEEK, "a"), tuple(Kind.NO_IMMERSIVE_WEEK, "b"));
        assertThat(result.plan().of("c").immersiveCourseId()).isNotNull();
    }

    @Test
    void secondmentsThatFillWeeksAreReportedWithThoseWeeks() {
        // 3 people, 2 on duty, 1 seconded in weeks 0-3: only week 4 can spare one, and two need a week
        PlanProblem problem = new PlanProblem(Cases.WEEKS, List.of(unitWithAbsences("u", 3, 2, 1, 0, 1, 2, 3)),
                List.of(cadre("a", "u"), cadre("b", "u")),
                List.of(immersive("w0", 0, 5), immersive("w1", 1, 5), immersive("w2", 2, 5), immersive("w3", 3, 5),
                        immersive("w4", 4, 5)));
        assertThat(Feasibility.diagnose(problem)).extracting(Obstacle::kind, Obstacle::unitId, Obstacle::weeks,
                        Obstacle::needed, Obstacle::available)
                .containsExactly(tuple(Obstacle.Kind.UNIT_HEADROOM_TOO_SMALL, "u", List.of(0, 1, 2, 3), 2, 1));
        Plan plan = solver.schedule(problem).plan();
        assertThat(PlanChecker.check(problem, plan)).extracting(Violation::kind).containsExactly(Kind.NO_IMMERSIVE_WEEK);
        assertThat(plan.assignments().values()).extracting(Assignment::immersiveCourseId).containsOnly("w4", null);
    }

    @Test
    void inputThatAlreadyBreaksStaffingAndTooFewPlacesAreReported() {
        PlanProblem problem = new PlanProblem(Cases.WEEKS, List.of(unitWithAbsences("u", 5, 2, 4, 6)),
                List.of(cadre("a", "u"), withWeeks(cadre("b", "u"), Set.of(), Set.of(1)), cadre("c", "u")),
                List.of(immersive("w1", 1, 2)));
        assertThat(Feasibility.diagnose(problem)).extracting(Obstacle::kind, Obstacle::cadreId, Obstacle::weeks)
                .containsExactlyInAnyOrder(tuple(Obstacle.Kind.UNIT_ALREADY_BELOW_MINIMUM, null, List.of(6)),
                        tuple(Obstacle.Kind.CADRE_HAS_NO_POSSIBLE_WEEK, "b", List.of(1)),
                        tuple(Obstacle.Kind.IMMERSIVE_PLACES_TOO_FEW, null, List.of(1)));
    }

    @Test
    void unmetHoursAreReportedPerCadreWithTheReason() {
        // c needs 90: the catalogue has 40 + 30; d and e need 70: the 30-hour course has one seat
        PlanProblem problem = new PlanProblem(Cases.WEEKS, List.of(unit("u", 10, 0)),
                List.of(cadre("c", "u", new Requirement(90, 12)), cadre("d", "u", new Requirement(70, 0)),
                        cadre("e", "u", new Requirement(70, 0))),
                List.of(immersive("w", 0, 5), classroom("A", 3, 0, 4, 30, 2)));
        Plan plan = solver.schedule(problem).plan();
        assertThat(PlanChecker.check(problem, plan)).isEmpty();
        List<PlanReport.Shortfall> shortfalls = PlanReport.of(problem, plan).shortfalls();
        assertThat(shortfalls).extracting(PlanReport.Shortfall::cadreId, PlanReport.Shortfall::plannedHours,
                        PlanReport.Shortfall::reachableHours, PlanReport.Shortfall::reason)
                .containsExactlyInAnyOrder(tuple("c", 70, 70, PlanReport.Reason.CATALOGUE_TOO_SMALL),
                        tuple(plan.of("d").courseIds().isEmpty() ? "d" : "e", 40, 70,
                                PlanReport.Reason.TAKEN_BY_STAFFING_OR_CAPACITY));
    }

    @Test
    void aStartingPlanIsKeptWhereItIsAlreadyBest() {
        PlanProblem problem = new PlanProblem(Cases.WEEKS, List.of(unit("u", 10, 0)),
                List.of(cadre("a", "u"), cadre("b", "u")),
                List.of(immersive("w0", 0, 5), immersive("w1", 1, 5)));
        Plan published = new Plan(java.util.Map.of("a", new Assignment("w1", List.of()),
                "b", new Assignment("w0", List.of())));
        Plan plan = solver.schedule(problem, published).plan();
        assertThat(plan.of("a").immersiveCourseId()).isEqualTo("w1");
        assertThat(plan.of("b").immersiveCourseId()).isEqualTo("w0");
    }

    @Test
    void fromTheGreedyPlanTheSolverFindsWhatTheGreedyMissed() {
        // one of u's people may be away at a time; a would take either week 0 or 1, b only week 0
        PlanProblem problem = new PlanProblem(Cases.WEEKS, List.of(unit("u", 3, 2)),
                List.of(withWeeks(cadre("a", "u"), Set.of(0, 1), Set.of()), withWeeks(cadre("b", "u"), Set.of(0), Set.of())),
                List.of(immersive("w0", 0, 5), immersive("w1", 1, 5), immersive("w2", 2, 5)));
        Plan greedy = GreedyScheduler.schedule(problem);
        assertThat(PlanReport.of(problem, greedy).preferencesMet()).isEqualTo(1);
        TimefoldScheduler.Result result = solver.schedule(problem, greedy);
        assertThat(result.firstFeasible()).isNotNull();
        assertThat(PlanChecker.check(problem, result.plan())).isEmpty();
        assertThat(result.plan().of("a").immersiveCourseId()).isEqualTo("w1");
        assertThat(result.plan().of("b").immersiveCourseId()).isEqualTo("w0");
    }

    @Test
    void replanningKeepsPublishedAssignmentsUnlessTheyNoLongerFit() {
        // a and b were published in weeks 1 and 2; a now prefers week 0 (kept anyway), b can no longer be away in
        // week 2 (moved), c is new (placed)
        PlanProblem problem = new PlanProblem(Cases.WEEKS, List.of(unit("u", 10, 0)),
                List.of(withWeeks(cadre("a", "u"), Set.of(0), Set.of()), withWeeks(cadre("b", "u"), Set.of(), Set.of(2)),
                        cadre("c", "u", new Requirement(60, 0))),
                List.of(immersive("w0", 0, 5), immersive("w1", 1, 5), immersive("w2", 2, 5),
                        classroom("A", 4, 0, 3, 24, 5)));
        Plan published = new Plan(java.util.Map.of("a", new Assignment("w1", List.of()),
                "b", new Assignment("w2", List.of())));
        Plan plan = solver.replan(problem, published).plan();
        assertThat(PlanChecker.check(problem, plan)).isEmpty();
        assertThat(plan.of("a").immersiveCourseId()).isEqualTo("w1");
        assertThat(plan.of("b").immersiveCourseId()).isIn("w0", "w1");
        assertThat(plan.of("c").immersiveCourseId()).isNotNull();
        assertThat(plan.of("c").courseIds()).containsExactly("A");
        assertThat(solver.schedule(problem, published).plan().of("a").immersiveCourseId()).isEqualTo("w0");
    }
}
