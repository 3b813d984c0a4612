package cn.cadreflow.trainingplan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cadreflow.org.OrgLevel;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.org.OrgUnit;
import cn.cadreflow.security.AppRoles;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.trainingleave.PlannedLeave;
import cn.cadreflow.trainingleave.PlannedLeaves;
import cn.cadreflow.trainingplan.internal.CatalogueMapper;
import cn.cadreflow.trainingplan.internal.PlanInputs;
import cn.cadreflow.trainingplan.internal.PlanMapper;
import cn.cadreflow.trainingplan.internal.PlanReviews;
import cn.cadreflow.trainingplan.internal.PlanRunner;
import cn.cadreflow.trainingplan.internal.PlanStore;
import cn.cadreflow.trainingplan.schedule.Assignment;
import cn.cadreflow.trainingplan.schedule.Plan;
import cn.cadreflow.trainingplan.schedule.PlanChecker;
import cn.cadreflow.trainingplan.schedule.PlanCourse;
import cn.cadreflow.trainingplan.schedule.Violation;

/**
 * The yearly training plans: opened by HR for units in their scope (or by the yearly timer, one per county), planned
 * by the solver in the background ({@link PlanRunner}), reviewed, adjusted by hand with the independent checker run
 * on every move, and published once the checker finds no hard violation. A plan or cadre out of the officer's scope
 * reads as one that does not exist ({@code trainingplan.plan.notFound}).
 */
@Service
public class TrainingPlanService {

    /** Who opened a plan the yearly timer opened. */
    public static final String TIMER = "system";

    private final PlanMapper mapper;
    private final CatalogueMapper catalogue;
    private final PlanInputs inputs;
    private final PlanRunner runner;
    private final OrgService org;
    private final Clock clock;
    private final PlannedLeaves leaves;

    public TrainingPlanService(PlanMapper mapper, CatalogueMapper catalogue, PlanInputs inputs, PlanRunner runner,
                               OrgService org, Clock clock, PlannedLeaves leaves) {
        this.leaves = leaves;
        this.mapper = mapper;
        this.catalogue = catalogue;
        this.inputs = inputs;
        this.runner = runner;
        this.org = org;
        this.clock = clock;
    }

    /** The plans of units in the officer's scope, newest year first. */
    public List<TrainingPlan> plans(UserContext actor) {
        return mapper.all().stream().map(TrainingPlanService::plan)
                .filter(p -> actor.has(AppRoles.HR_OFFICER) && actor.hrUnitIds().containsAll(p.unitIds())).toList();
    }

    public TrainingPlan plan(long planId, UserContext actor) {
        PlanMapper.PlanRow row = mapper.find(planId);
        TrainingPlan plan = row == null ? null : plan(row);
        if (plan == null || !actor.has(AppRoles.HR_OFFICER) || !actor.hrUnitIds().containsAll(plan.unitIds())) {
            throw new CatalogueException("trainingplan.plan.notFound");
        }
        return plan;
    }

    /** Opens planning of the year for the units (all in the officer's scope, none in another plan of the year). */
    @Transactional
    public TrainingPlan open(int year, Set<Long> unitIds, UserContext actor) {
        if (!actor.has(AppRoles.HR_OFFICER)) {
            throw new CatalogueException("trainingplan.plan.notFound");
        }
        int now = LocalDate.now(clock).getYear();
        if (year < now || year > now + 1) {
            throw new CatalogueException("trainingplan.plan.year", now, now + 1);
        }
        if (unitIds.isEmpty() || !actor.hrUnitIds().containsAll(unitIds)) {
            throw new CatalogueException("trainingplan.plan.units");
        }
        Set<Long> taken = taken(year);
        List<String> clash = org.units(unitIds).values().stream().filter(u -> taken.contains(u.id()))
                .map(OrgUnit::name).sorted().toList();
        if (!clash.isEmpty()) {
            throw new CatalogueException("trainingplan.plan.unitTaken", String.join("、", clash), year);
        }
        return insert(year, unitIds, actor.username());
    }

    /**
     * The yearly timer: opens the year's planning for every county (its units and all below them) whose units are
     * not yet in a plan of the year. Returns the plans opened.
     */
    @Transactional
    public List<TrainingPlan> openYearly(int year) {
        OrgService.OrgTree tree = org.tree();
        Set<Long> taken = taken(year);
        List<TrainingPlan> opened = new ArrayList<>();
        for (OrgUnit county : tree.units().stream().filter(u -> u.unitLevel() == OrgLevel.COUNTY)
                .sorted(java.util.Comparator.comparing(OrgUnit::id)).toList()) {
            Set<Long> units = tree.subtreeIds(List.of(county.id()));
            if (units.stream().noneMatch(taken::contains)) {
                opened.add(insert(year, units, TIMER));
                taken.addAll(units);
            }
        }
        return opened;
    }

    private Set<Long> taken(int year) {
        return mapper.ofYear(year).stream().flatMap(p -> ids(p.unitIds).stream())
                .collect(Collectors.toCollection(HashSet::new));
    }

    private TrainingPlan insert(int year, Set<Long> unitIds, String by) {
        PlanMapper.PlanRow row = new PlanMapper.PlanRow();
        row.planYear = year;
        row.unitIds = unitIds.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
        row.status = TrainingPlan.Status.OPEN.name();
        row.openedBy = by;
        row.openedAt = clock.instant();
        mapper.insert(row);
        return plan(row);
    }

    /** Starts the solver for the plan in the background; the run's progress is {@link #run(long)}. */
    public void start(long planId, UserContext actor) {
        TrainingPlan plan = plan(planId, actor);
        if (!runner.start(plan, proposalOrPublished(planId, true))) {
            throw new CatalogueException("trainingplan.plan.running");
        }
    }

    /** The latest run of the plan on this server, null when none. */
    public PlanRun run(long planId) {
        return runner.run(planId);
    }

    /** Tells {@code listener} whenever a run of the plan makes progress or ends; the result removes it. */
    public Runnable watch(long planId, Runnable listener) {
        return runner.watch(planId, listener);
    }

    /** The current proposal as HR reviews it, with the checker's verdict. */
    public PlanReview review(long planId, UserContext actor) {
        TrainingPlan plan = plan(planId, actor);
        PlanInputs.Inputs in = inputs.build(plan.year(), plan.unitIds());
        return PlanReviews.review(plan, in, orEmpty(proposalOrPublished(planId, false)));
    }

    /**
     * Moves one of the cadre's assignments: from course {@code fromCourseId} (null: add) to {@code toCourseId}
     * (null: remove). The independent checker runs on the moved plan; a move that breaks a hard rule the proposal
     * did not break is refused with every rule it breaks in words, and nothing changes.
     */
    @Transactional
    public PlanReview move(long planId, long cadreId, Long fromCourseId, Long toCourseId, UserContext actor) {
        TrainingPlan plan = plan(planId, actor);
        PlanInputs.Inputs in = inputs.build(plan.year(), plan.unitIds());
        String cadre = String.valueOf(cadreId);
        if (in.problem().cadre(cadre) == null) {
            throw new CatalogueException("trainingplan.plan.cadreNotFound");
        }
        String from = fromCourseId == null ? null : String.valueOf(fromCourseId);
        String to = toCourseId == null ? null : String.valueOf(toCourseId);
        PlanCourse target = to == null ? null : in.problem().course(to);
        Plan proposal = orEmpty(proposalOrPublished(planId, false));
        Assignment before = proposal.of(cadre);
        boolean fromImmersive = from != null && from.equals(before.immersiveCourseId());
        if ((from != null && !fromImmersive && !before.courseIds().contains(from)) || (to != null && target == null)
                || (from == null && to == null) || (fromImmersive && (target == null || !target.immersive()))) {
            throw new CatalogueException("trainingplan.move.invalid");
        }
        Assignment after;
        if (fromImmersive) {
            after = new Assignment(to, before.courseIds());
        } else if (target != null && target.immersive() && from == null) {
            throw new CatalogueException("trainingplan.move.invalid");
        } else {
            List<String> courses = new ArrayList<>(before.courseIds());
            courses.remove(from);
            if (to != null) {
                courses.add(to);
            }
            after = new Assignment(before.immersiveCourseId(), courses);
        }
        Plan moved = proposal.with(cadre, after);
        Set<Violation> old = new HashSet<>(PlanChecker.check(in.problem(), proposal));
        List<Violation> fresh = PlanChecker.check(in.problem(), moved).stream().filter(v -> !old.contains(v)).toList();
        if (!fresh.isEmpty()) {
            List<CatalogueException.Problem> why = new ArrayList<>();
            why.add(new CatalogueException.Problem("trainingplan.move.refused",
                    List.of(PlanReviews.describe(in, fresh.get(0)))));
            fresh.stream().skip(1).map(v -> PlanReviews.describe(in, v)).distinct().forEach(why::add);
            throw new CatalogueException(why);
        }
        PlanStore.save(mapper, planId, moved, false);
        return PlanReviews.review(plan, in, moved);
    }

    /** Publishes the proposal; refused while the independent checker finds any hard violation in it. */
    @Transactional
    public TrainingPlan publish(long planId, UserContext actor) {
        TrainingPlan plan = plan(planId, actor);
        if (runner.isRunning(planId)) {
            throw new CatalogueException("trainingplan.plan.running");
        }
        PlanInputs.Inputs in = inputs.build(plan.year(), plan.unitIds());
        Plan proposal = orEmpty(proposalOrPublished(planId, false));
        List<Violation> violations = PlanChecker.check(in.problem(), proposal);
        if (in.problem().cadres().isEmpty() || mapper.assignments(planId, false).isEmpty()) {
            throw new CatalogueException("trainingplan.publish.empty");
        }
        if (!violations.isEmpty()) {
            throw new CatalogueException("trainingplan.publish.violations", violations.size());
        }
        PlanStore.save(mapper, planId, proposal, true);
        mapper.published(planId, actor.username(), clock.instant());
        leaves.planPublished(planId, plannedLeaves(planId), actor.username());
        return plan(planId, actor);
    }

    /** The published assignments that take a cadre away (an immersive week or a 脱产 course): one leave each. */
    private List<PlannedLeave> plannedLeaves(long planId) {
        List<PlannedLeave> result = new ArrayList<>();
        for (PlanMapper.AssignmentRow row : mapper.assignments(planId, true)) {
            CatalogueMapper.CourseRow found = catalogue.find(row.courseId);
            CatalogueCourse c = found == null ? null : CourseCatalogue.course(found);
            if (c != null && (c.immersive() || c.fullTime())) {
                result.add(new PlannedLeave(planId, row.cadreId, row.courseId, c.title(), c.startDate(), c.endDate(),
                        c.place(), c.hours(), c.immersive()));
            }
        }
        return result;
    }

    /**
     * The cadre's published trainings of the year, by start date: what a per-leave process starts from. For code
     * that has already checked the reader (a process step, the cadre's own view).
     */
    public List<PublishedTraining> published(long cadreId, int year) {
        List<PublishedTraining> result = new ArrayList<>();
        for (PlanMapper.AssignmentRow row : mapper.publishedOfCadre(cadreId, year)) {
            CatalogueMapper.CourseRow course = catalogue.find(row.courseId);
            if (course != null) {
                result.add(new PublishedTraining(row.planId, year, cadreId, CourseCatalogue.course(course)));
            }
        }
        result.sort(java.util.Comparator.comparing(t -> t.course().startDate()));
        return result;
    }

    /** The stored proposal, or (none yet, or {@code published}) the published plan; null when neither. */
    private Plan proposalOrPublished(long planId, boolean published) {
        Plan plan = published ? null : PlanStore.load(mapper, planId, false);
        return plan == null ? PlanStore.load(mapper, planId, true) : plan;
    }

    private static Plan orEmpty(Plan plan) {
        return plan == null ? new Plan(Map.of()) : plan;
    }

    static TrainingPlan plan(PlanMapper.PlanRow row) {
        return new TrainingPlan(row.id, row.planYear, ids(row.unitIds), TrainingPlan.Status.valueOf(row.status),
                row.openedBy, row.openedAt, row.publishedBy, row.publishedAt);
    }

    private static List<Long> ids(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.stream(joined.split(",")).map(Long::valueOf).toList();
    }
}
