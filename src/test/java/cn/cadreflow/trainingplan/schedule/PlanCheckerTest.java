package cn.cadreflow.trainingplan.schedule;

import static cn.cadreflow.trainingplan.schedule.Cases.cadre;
import static cn.cadreflow.trainingplan.schedule.Cases.classroom;
import static cn.cadreflow.trainingplan.schedule.Cases.immersive;
import static cn.cadreflow.trainingplan.schedule.Cases.unit;
import static cn.cadreflow.trainingplan.schedule.Cases.unitWithAbsences;
import static cn.cadreflow.trainingplan.schedule.Cases.withWeeks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.cadreflow.trainingplan.schedule.Violation.Kind;

/** The independent checker against plans broken on purpose, one hard constraint at a time. */
class PlanCheckerTest {

    // unit u: 4 people, at least 2 on duty -> 2 may be away on any day
    final PlanProblem problem = new PlanProblem(Cases.WEEKS,
            List.of(unit("u", 4, 2), unit("v", 10, 1)),
            List.of(cadre("a", "u"), cadre("b", "u"), cadre("c", "u"), withWeeks(cadre("d", "v"), Set.of(), Set.of(3))),
            List.of(immersive("w1", 1, 5), immersive("w2", 2, 5), immersive("w3", 3, 1),
                    classroom("mon", 1, 0, 2, 16, 5), classroom("thu", 1, 3, 2, 16, 5),
                    classroom("tiny", 4, 0, 1, 8, 1)));

    static Plan plan(Object... cadreAndAssignment) {
        Map<String, Assignment> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < cadreAndAssignment.length; i += 2) {
            map.put((String) cadreAndAssignment[i], (Assignment) cadreAndAssignment[i + 1]);
        }
        return new Plan(map);
    }

    static Assignment a(String immersive, String... courses) {
        return new Assignment(immersive, List.of(courses));
    }

    @Test
    void aValidPlanHasNoViolations() {
        Plan valid = plan("a", a("w1"), "b", a("w1"), "c", a("w2", "tiny"), "d", a("w2", "mon", "thu"));
        assertThat(PlanChecker.check(problem, valid)).isEmpty();
    }

    @Test
    void aThirdCadreAwayTakesTheUnitBelowItsMinimumOnEveryDayOfTheWeek() {
        Plan broken = plan("a", a("w1"), "b", a("w1"), "c", a("w1"), "d", a("w2"));
        assertThat(PlanChecker.check(problem, broken))
                .extracting(Violation::kind, Violation::unitId, Violation::week, Violation::amount)
                .containsExactly(tuple(Kind.STAFFING, "u", 1, 1), tuple(Kind.STAFFING, "u", 1, 1),
                        tuple(Kind.STAFFING, "u", 1, 1), tuple(Kind.STAFFING, "u", 1, 1),
                        tuple(Kind.STAFFING, "u", 1, 1));
    }

    @Test
    void staffingIsCountedPerDaySoCoursesOnOtherDaysOfTheWeekDoNotAddUp() {
        // in week 1, a is away all week, b Monday-Tuesday and c Thursday-Friday: never more than 2 on one day
        Plan plan = plan("a", a("w1"), "b", a("w2", "mon"), "c", a("w2", "thu"), "d", a("w1"));
        assertThat(PlanChecker.check(problem, plan)).isEmpty();
        Plan broken = plan("a", a("w1"), "b", a("w2", "mon"), "c", a("w2", "mon"), "d", a("w1"));
        assertThat(PlanChecker.check(problem, broken)).extracting(Violation::kind, Violation::day)
                .containsExactly(tuple(Kind.STAFFING, 5), tuple(Kind.STAFFING, 6));
    }

    @Test
    void otherAbsencesCount() {
        PlanProblem seconded = new PlanProblem(Cases.WEEKS, List.of(unitWithAbsences("u", 4, 2, 2, 2)),
                List.of(cadre("a", "u")), List.of(immersive("w2", 2, 5), immersive("w3", 3, 5)));
        assertThat(PlanChecker.check(seconded, plan("a", a("w3")))).isEmpty();
        assertThat(PlanChecker.check(seconded, plan("a", a("w2")))).extracting(Violation::kind, Violation::week)
                .containsOnly(tuple(Kind.STAFFING, 2)).hasSize(5);
    }

    @Test
    void overCapacity() {
        Plan broken = plan("a", a("w1", "tiny"), "b", a("w2"), "c", a("w2", "tiny"), "d", a("w2", "tiny"));
        assertThat(PlanChecker.check(problem, broken)).extracting(Violation::kind, Violation::courseId, Violation::amount)
                .containsExactly(tuple(Kind.CAPACITY, "tiny", 2));
    }

    @Test
    void twoPlacesAtOnce() {
        Plan broken = plan("a", a("w1", "mon"), "b", a("w2"), "c", a("w2", "thu", "thu"), "d", a("w2"));
        assertThat(PlanChecker.check(problem, broken)).extracting(Violation::kind, Violation::cadreId, Violation::courseId)
                .containsExactlyInAnyOrder(tuple(Kind.DOUBLE_BOOKED, "a", "mon"), tuple(Kind.DOUBLE_BOOKED, "c", "thu"));
    }

    @Test
    void impossibleWeek() {
        Plan broken = plan("a", a("w1"), "b", a("w1"), "c", a("w2"), "d", a("w3"));
        assertThat(PlanChecker.check(problem, broken)).extracting(Violation::kind, Violation::cadreId, Violation::week)
                .containsExactly(tuple(Kind.IMPOSSIBLE_WEEK, "d", 3));
    }

    @Test
    void missingImmersiveWeekWrongKindsUnknownIds() {
        Plan broken = plan("a", a(null), "b", a("mon"), "c", a("w2", "w1"), "d", a("w9", "nope"), "x", a("w2"));
        assertThat(PlanChecker.check(problem, broken)).extracting(Violation::kind, Violation::cadreId)
                .containsExactlyInAnyOrder(tuple(Kind.UNKNOWN_CADRE, "x"), tuple(Kind.NO_IMMERSIVE_WEEK, "a"),
                        tuple(Kind.WRONG_COURSE_KIND, "b"), tuple(Kind.WRONG_COURSE_KIND, "c"),
                        tuple(Kind.UNKNOWN_COURSE, "d"),
                        tuple(Kind.UNKNOWN_COURSE, "d"));
    }

    @Test
    void aCadreLeftOutOfThePlanHasNoImmersiveWeek() {
        Plan partial = plan("a", a("w1"), "b", a("w2"), "c", a("w2"));
        assertThat(PlanChecker.check(problem, partial)).extracting(Violation::kind, Violation::cadreId)
                .containsExactly(tuple(Kind.NO_IMMERSIVE_WEEK, "d"));
    }
}
