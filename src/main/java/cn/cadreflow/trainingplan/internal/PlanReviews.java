package cn.cadreflow.trainingplan.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.cadreflow.trainingplan.CatalogueCourse;
import cn.cadreflow.trainingplan.CatalogueException.Problem;
import cn.cadreflow.trainingplan.PlanReview;
import cn.cadreflow.trainingplan.TrainingPlan;
import cn.cadreflow.trainingplan.schedule.Assignment;
import cn.cadreflow.trainingplan.schedule.Feasibility;
import cn.cadreflow.trainingplan.schedule.Obstacle;
import cn.cadreflow.trainingplan.schedule.Plan;
import cn.cadreflow.trainingplan.schedule.PlanCadre;
import cn.cadreflow.trainingplan.schedule.PlanChecker;
import cn.cadreflow.trainingplan.schedule.PlanCourse;
import cn.cadreflow.trainingplan.schedule.PlanProblem;
import cn.cadreflow.trainingplan.schedule.PlanReport;
import cn.cadreflow.trainingplan.schedule.PlanUnit;
import cn.cadreflow.trainingplan.schedule.Violation;

/** Turns a plan of the real inputs into what HR reviews: names, ISO weeks and dates instead of ids. */
public final class PlanReviews {

    private PlanReviews() {
    }

    public static PlanReview review(TrainingPlan plan, PlanInputs.Inputs in, Plan proposal) {
        PlanProblem problem = in.problem();
        Map<String, PlanReview.CourseRef> refs = new HashMap<>();
        List<PlanReview.CourseRef> courses = new ArrayList<>();
        for (PlanCourse c : problem.courses()) {
            CatalogueCourse course = in.courses().get(c.id());
            PlanReview.CourseRef ref = new PlanReview.CourseRef(course.id(), course.title(), c.immersive(),
                    c.week() + 1, course.startDate(), course.endDate(), c.hours(), c.capacity());
            refs.put(c.id(), ref);
            courses.add(ref);
        }
        Map<String, int[]> training = trainingAway(problem, proposal);
        List<PlanReview.UnitWeeks> units = new ArrayList<>();
        for (PlanUnit unit : problem.units()) {
            int[] away = new int[problem.weeks()];
            int[] headroom = new int[problem.weeks()];
            int[] days = training.getOrDefault(unit.id(), new int[problem.days()]);
            for (int w = 0; w < problem.weeks(); w++) {
                headroom[w] = Integer.MAX_VALUE;
                for (int d = w * PlanProblem.DAYS_PER_WEEK; d < (w + 1) * PlanProblem.DAYS_PER_WEEK; d++) {
                    away[w] = Math.max(away[w], days[d] + unit.headcount() - unit.minimumOnDuty() - unit.headroom(d));
                    headroom[w] = Math.min(headroom[w], unit.headroom(d) - days[d]);
                }
            }
            units.add(new PlanReview.UnitWeeks(Long.parseLong(unit.id()), unit.name(), unit.headcount(),
                    unit.minimumOnDuty(), away, headroom));
        }
        PlanReport report = PlanReport.of(problem, proposal);
        Map<String, PlanReport.Shortfall> shortfalls = report.shortfalls().stream()
                .collect(Collectors.toMap(PlanReport.Shortfall::cadreId, s -> s));
        List<PlanReview.CadreRow> rows = new ArrayList<>();
        for (PlanCadre cadre : problem.cadres()) {
            Assignment a = proposal.of(cadre.id());
            PlanReview.CourseRef immersive = a.immersiveCourseId() == null ? null : refs.get(a.immersiveCourseId());
            List<PlanReview.CourseRef> taken = a.courseIds().stream().map(refs::get).filter(r -> r != null)
                    .sorted(Comparator.comparing(PlanReview.CourseRef::start)).toList();
            int hours = (immersive == null ? 0 : immersive.hours())
                    + taken.stream().mapToInt(PlanReview.CourseRef::hours).sum();
            PlanReport.Shortfall s = shortfalls.get(cadre.id());
            Problem why = s == null ? null : s.reason() == PlanReport.Reason.CATALOGUE_TOO_SMALL
                    ? problem("trainingplan.shortfall.catalogue", s.plannedHours(), s.requiredHours(), s.reachableHours())
                    : problem("trainingplan.shortfall.taken", s.plannedHours(), s.requiredHours());
            String unitId = cadre.unitId();
            rows.add(new PlanReview.CadreRow(Long.parseLong(cadre.id()), cadre.name(), Long.parseLong(unitId),
                    problem.unit(unitId).name(), immersive, taken, hours, cadre.requirement().hours(), why));
        }
        List<Problem> violations = PlanChecker.check(problem, proposal).stream().map(v -> describe(in, v)).toList();
        List<Problem> obstacles = Feasibility.diagnose(problem).stream().map(o -> describe(in, o)).toList();
        return new PlanReview(plan, java.util.stream.IntStream.range(0, problem.weeks()).mapToObj(in::monday).toList(),
                units, rows, courses, violations, obstacles, report.preferencesMet(), report.preferencesStated(),
                in.skipped().stream().map(CatalogueCourse::title).toList());
    }

    /** Per unit and working day, how many of its cadres the plan sends away (once a day however many courses). */
    static Map<String, int[]> trainingAway(PlanProblem problem, Plan plan) {
        Map<String, int[]> away = new HashMap<>();
        for (PlanCadre cadre : problem.cadres()) {
            Assignment a = plan.of(cadre.id());
            boolean[] marked = new boolean[problem.days()];
            List<String> ids = new ArrayList<>(a.courseIds());
            if (a.immersiveCourseId() != null) {
                ids.add(a.immersiveCourseId());
            }
            int[] unit = away.computeIfAbsent(cadre.unitId(), u -> new int[problem.days()]);
            for (String id : ids) {
                PlanCourse c = problem.course(id);
                for (int d = c == null ? 0 : c.startDay(); c != null && d < c.endDay(); d++) {
                    if (!marked[d]) {
                        marked[d] = true;
                        unit[d]++;
                    }
                }
            }
        }
        return away;
    }

    /** The violation in words: which unit, cadre, course and week. */
    public static Problem describe(PlanInputs.Inputs in, Violation v) {
        PlanProblem p = in.problem();
        String unit = v.unitId() == null || p.unit(v.unitId()) == null ? "" : p.unit(v.unitId()).name();
        String cadre = v.cadreId() == null || p.cadre(v.cadreId()) == null ? "" : p.cadre(v.cadreId()).name();
        String course = v.courseId() == null || p.course(v.courseId()) == null ? "" : p.course(v.courseId()).title();
        String day = v.day() < 0 ? "" : in.monday(v.week()).plusDays(v.day() % PlanProblem.DAYS_PER_WEEK).toString();
        return switch (v.kind()) {
            case STAFFING -> problem("trainingplan.violation.staffing", unit, v.week() + 1, day, v.amount());
            case CAPACITY -> problem("trainingplan.violation.capacity", course, v.amount());
            case DOUBLE_BOOKED -> problem("trainingplan.violation.doubleBooked", cadre, course, day);
            case IMPOSSIBLE_WEEK -> problem("trainingplan.violation.impossibleWeek", cadre, course, v.week() + 1);
            case NO_IMMERSIVE_WEEK -> problem("trainingplan.violation.noImmersiveWeek", cadre, unit);
            case WRONG_COURSE_KIND -> problem("trainingplan.violation.wrongKind", cadre, course);
            case UNKNOWN_COURSE, UNKNOWN_CADRE -> problem("trainingplan.violation.unknown",
                    v.cadreId() == null ? "" : v.cadreId(), v.courseId() == null ? "" : v.courseId());
        };
    }

    static Problem describe(PlanInputs.Inputs in, Obstacle o) {
        PlanProblem p = in.problem();
        String unit = o.unitId() == null ? "" : p.unit(o.unitId()).name();
        String cadre = o.cadreId() == null ? "" : p.cadre(o.cadreId()).name();
        String weeks = weeks(o.weeks());
        return switch (o.kind()) {
            case UNIT_ALREADY_BELOW_MINIMUM -> problem("trainingplan.obstacle.belowMinimum", unit, weeks,
                    o.needed(), o.available());
            case UNIT_HEADROOM_TOO_SMALL -> problem("trainingplan.obstacle.headroom", unit, o.needed(), o.available(),
                    weeks);
            case IMMERSIVE_PLACES_TOO_FEW -> problem("trainingplan.obstacle.places", o.needed(), o.available());
            case CADRE_HAS_NO_POSSIBLE_WEEK -> problem("trainingplan.obstacle.noWeek", cadre, unit, weeks);
        };
    }

    /** Plan weeks (0-based) as ISO week numbers, runs joined: "3–5, 9". */
    static String weeks(List<Integer> weeks) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < weeks.size()) {
            int j = i;
            while (j + 1 < weeks.size() && weeks.get(j + 1) == weeks.get(j) + 1) {
                j++;
            }
            parts.add(j == i ? String.valueOf(weeks.get(i) + 1) : (weeks.get(i) + 1) + "–" + (weeks.get(j) + 1));
            i = j + 1;
        }
        return String.join(", ", parts);
    }

    private static Problem problem(String key, Object... args) {
        return new Problem(key, List.of(args));
    }
}
