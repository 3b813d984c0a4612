package cn.cadreflow.trainingplan.schedule;

import java.util.ArrayList;
import java.util.List;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;

/**
 * The Timefold model of a {@link PlanProblem}: each cadre has one {@link ImmersiveSeat} (its value an immersive
 * course or none) and a few {@link CourseSeat}s (each a classroom course or none). The facts are indexed copies of
 * the input with the lookups the constraints need precomputed; they compare by identity.
 */
final class PlanDomain {

    private PlanDomain() {
    }

    static final class CourseFact {
        final int index;
        final PlanCourse course;
        final int startDay;
        final int endDay;

        CourseFact(int index, PlanCourse course) {
            this.index = index;
            this.course = course;
            this.startDay = course.startDay();
            this.endDay = course.endDay();
        }

        @Override
        public String toString() {
            return course.id();
        }
    }

    /** One unit on one working day, with how many more may be away (never below 0: see the staffing constraint). */
    record UnitDay(String unitId, int day, int headroom) {
        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    record UnitWeek(String unitId, int week) {
        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    static final class UnitFact {
        final PlanUnit unit;
        /** Per course index, the unit's days the course takes. */
        final List<List<UnitDay>> daysByCourse;
        final UnitWeek[] weeks;

        UnitFact(PlanUnit unit, int weekCount, List<CourseFact> courses) {
            this.unit = unit;
            UnitDay[] days = new UnitDay[weekCount * PlanProblem.DAYS_PER_WEEK];
            for (int day = 0; day < days.length; day++) {
                days[day] = new UnitDay(unit.id(), day, Math.max(0, unit.headroom(day)));
            }
            this.daysByCourse = new ArrayList<>();
            for (CourseFact course : courses) {
                daysByCourse.add(List.of(days).subList(course.startDay, course.endDay));
            }
            this.weeks = new UnitWeek[weekCount];
            for (int week = 0; week < weekCount; week++) {
                weeks[week] = new UnitWeek(unit.id(), week);
            }
        }
    }

    static final class CadreFact {
        final PlanCadre cadre;
        final UnitFact unit;
        final boolean[] impossibleWeek;
        final boolean[] preferredWeek;
        /** By course index. */
        final boolean[] preferredCourse;
        final boolean[] closesGap;
        /** By course index: the courses of the published plan being re-planned (none when not re-planning). */
        final boolean[] published;

        CadreFact(PlanCadre cadre, UnitFact unit, int weekCount, List<CourseFact> courses) {
            this.cadre = cadre;
            this.unit = unit;
            this.impossibleWeek = new boolean[weekCount];
            this.preferredWeek = new boolean[weekCount];
            cadre.impossibleWeeks().stream().filter(w -> w >= 0 && w < weekCount).forEach(w -> impossibleWeek[w] = true);
            cadre.preferredWeeks().stream().filter(w -> w >= 0 && w < weekCount).forEach(w -> preferredWeek[w] = true);
            this.preferredCourse = new boolean[courses.size()];
            this.closesGap = new boolean[courses.size()];
            this.published = new boolean[courses.size()];
            for (CourseFact course : courses) {
                preferredCourse[course.index] = cadre.preferredCourses().contains(course.course.id());
                closesGap[course.index] = cadre.closesGap(course.course);
            }
        }

        boolean met(long hours, long days) {
            return cadre.requirement().metBy((int) hours, (int) days);
        }

        long shortfall(long hours, long days) {
            return cadre.requirement().shortfall((int) hours, (int) days);
        }

        @Override
        public String toString() {
            return cadre.id();
        }
    }

    /** A cadre away on a course: what both kinds of seat are to the constraints. */
    interface Leave {
        CadreFact cadre();

        CourseFact course();

        default List<UnitDay> unitDays() {
            return cadre().unit.daysByCourse.get(course().index);
        }

        default UnitWeek unitWeek() {
            return cadre().unit.weeks[course().course.week()];
        }
    }

    @PlanningEntity
    static final class ImmersiveSeat implements Leave {
        @PlanningId
        String id;
        CadreFact cadre;
        @PlanningVariable(allowsUnassigned = true, valueRangeProviderRefs = "immersiveCourses")
        CourseFact course;

        ImmersiveSeat() {
        }

        ImmersiveSeat(String id, CadreFact cadre) {
            this.id = id;
            this.cadre = cadre;
        }

        @Override
        public CadreFact cadre() {
            return cadre;
        }

        @Override
        public CourseFact course() {
            return course;
        }
    }

    @PlanningEntity
    static final class CourseSeat implements Leave {
        @PlanningId
        String id;
        CadreFact cadre;
        @PlanningVariable(allowsUnassigned = true, valueRangeProviderRefs = "classroomCourses")
        CourseFact course;

        CourseSeat() {
        }

        CourseSeat(String id, CadreFact cadre) {
            this.id = id;
            this.cadre = cadre;
        }

        @Override
        public CadreFact cadre() {
            return cadre;
        }

        @Override
        public CourseFact course() {
            return course;
        }
    }

    @PlanningSolution
    static final class PlanSolution {
        @ProblemFactCollectionProperty
        List<CadreFact> cadres;
        @ProblemFactCollectionProperty
        @ValueRangeProvider(id = "immersiveCourses")
        List<CourseFact> immersiveCourses;
        @ProblemFactCollectionProperty
        @ValueRangeProvider(id = "classroomCourses")
        List<CourseFact> classroomCourses;
        @PlanningEntityCollectionProperty
        List<ImmersiveSeat> immersiveSeats;
        @PlanningEntityCollectionProperty
        List<CourseSeat> courseSeats;
        @PlanningScore
        HardMediumSoftLongScore score;

        PlanSolution() {
        }
    }
}
