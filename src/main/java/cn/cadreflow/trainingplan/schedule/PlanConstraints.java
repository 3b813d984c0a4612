package cn.cadreflow.trainingplan.schedule;

import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.count;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.sumLong;

import java.util.function.Function;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;
import ai.timefold.solver.core.api.score.stream.uni.UniConstraintStream;

import cn.cadreflow.trainingplan.schedule.PlanDomain.CadreFact;
import cn.cadreflow.trainingplan.schedule.PlanDomain.CourseSeat;
import cn.cadreflow.trainingplan.schedule.PlanDomain.ImmersiveSeat;
import cn.cadreflow.trainingplan.schedule.PlanDomain.Leave;

/**
 * The solver's score: hard (staffing, capacity, one place at a time, impossible weeks, an immersive week each),
 * medium (学时 missing from the requirement), soft (preferences and gaps rewarded, each classroom seat a small
 * cost so that nobody is sent away without need, a unit's absences per week penalised by their square so they
 * spread; when re-planning, each published assignment kept is rewarded above a preference). {@link PlanChecker} checks the hard part again, independently.
 */
public final class PlanConstraints implements ConstraintProvider {

    static final long PREFERENCE_REWARD = 100;
    static final long GAP_REWARD = 15;
    static final long SEAT_COST = 20;
    static final long SPREAD_WEIGHT = 1;
    /** More than a preference: a published assignment moves only for the hard constraints or the hours. */
    static final long KEEP_REWARD = 150;

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
            noImmersiveWeek(factory), staffing(factory), capacity(factory), twoCoursesAtOnce(factory),
            courseDuringImmersiveWeek(factory), impossibleWeek(factory), hoursShortfall(factory),
            preferredWeek(factory), preferredCourse(factory), closesGap(factory), seatCost(factory),
            spread(factory), keepPublished(factory)
        };
    }

    private static UniConstraintStream<Leave> leaves(ConstraintFactory factory) {
        return factory.forEach(Leave.class).filter(leave -> leave.course() != null);
    }

    Constraint noImmersiveWeek(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(ImmersiveSeat.class).filter(seat -> seat.course == null)
                .penalize(HardMediumSoftLongScore.ONE_HARD).asConstraint("no immersive week");
    }

    Constraint staffing(ConstraintFactory factory) {
        return leaves(factory).flattenLast(Leave::unitDays).groupBy(Function.identity(), count())
                .filter((unitDay, away) -> away > unitDay.headroom())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, (unitDay, away) -> away - unitDay.headroom())
                .asConstraint("unit below minimum staffing");
    }

    Constraint capacity(ConstraintFactory factory) {
        return leaves(factory).groupBy(Leave::course, count())
                .filter((course, taken) -> taken > course.course.capacity())
                .penalizeLong(HardMediumSoftLongScore.ONE_HARD, (course, taken) -> taken - course.course.capacity())
                .asConstraint("course over capacity");
    }

    Constraint twoCoursesAtOnce(ConstraintFactory factory) {
        return factory.forEachUniquePair(CourseSeat.class, Joiners.equal(CourseSeat::cadre),
                        Joiners.overlapping(seat -> seat.course.startDay, seat -> seat.course.endDay))
                .penalize(HardMediumSoftLongScore.ONE_HARD).asConstraint("two courses at once");
    }

    Constraint courseDuringImmersiveWeek(ConstraintFactory factory) {
        return factory.forEach(ImmersiveSeat.class)
                .join(CourseSeat.class, Joiners.equal(ImmersiveSeat::cadre, CourseSeat::cadre),
                        Joiners.overlapping(seat -> seat.course.startDay, seat -> seat.course.endDay,
                                seat -> seat.course.startDay, seat -> seat.course.endDay))
                .penalize(HardMediumSoftLongScore.ONE_HARD).asConstraint("course during the immersive week");
    }

    Constraint impossibleWeek(ConstraintFactory factory) {
        return leaves(factory).filter(leave -> leave.cadre().impossibleWeek[leave.course().course.week()])
                .penalize(HardMediumSoftLongScore.ONE_HARD).asConstraint("away in an impossible week");
    }

    Constraint hoursShortfall(ConstraintFactory factory) {
        return leaves(factory)
                .groupBy(Leave::cadre, sumLong(leave -> leave.course().course.hours()),
                        sumLong(leave -> leave.course().course.days()))
                .complement(CadreFact.class, cadre -> 0L, cadre -> 0L)
                .filter((cadre, hours, days) -> !cadre.met(hours, days))
                .penalizeLong(HardMediumSoftLongScore.ONE_MEDIUM, CadreFact::shortfall)
                .asConstraint("hours requirement not met");
    }

    Constraint preferredWeek(ConstraintFactory factory) {
        return factory.forEach(ImmersiveSeat.class).filter(seat -> seat.cadre.preferredWeek[seat.course.course.week()])
                .reward(HardMediumSoftLongScore.ofSoft(PREFERENCE_REWARD)).asConstraint("preferred week");
    }

    Constraint preferredCourse(ConstraintFactory factory) {
        return factory.forEach(CourseSeat.class).filter(seat -> seat.cadre.preferredCourse[seat.course.index])
                .reward(HardMediumSoftLongScore.ofSoft(PREFERENCE_REWARD)).asConstraint("preferred course");
    }

    Constraint closesGap(ConstraintFactory factory) {
        return factory.forEach(CourseSeat.class).filter(seat -> seat.cadre.closesGap[seat.course.index])
                .reward(HardMediumSoftLongScore.ofSoft(GAP_REWARD)).asConstraint("course closes a gap");
    }

    Constraint seatCost(ConstraintFactory factory) {
        return factory.forEach(CourseSeat.class)
                .penalize(HardMediumSoftLongScore.ofSoft(SEAT_COST)).asConstraint("classroom seat");
    }

    Constraint keepPublished(ConstraintFactory factory) {
        return leaves(factory).filter(leave -> leave.cadre().published[leave.course().index])
                .reward(HardMediumSoftLongScore.ofSoft(KEEP_REWARD)).asConstraint("published assignment kept");
    }

    Constraint spread(ConstraintFactory factory) {
        return leaves(factory).groupBy(Leave::unitWeek, count())
                .penalizeLong(HardMediumSoftLongScore.ofSoft(SPREAD_WEIGHT), (unitWeek, away) -> (long) away * away)
                .asConstraint("absences bunched in a week");
    }
}
