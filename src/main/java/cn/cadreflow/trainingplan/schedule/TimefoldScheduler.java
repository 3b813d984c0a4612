package cn.cadreflow.trainingplan.schedule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.constructionheuristic.placer.QueuedEntityPlacerConfig;
import ai.timefold.solver.core.config.heuristic.selector.entity.EntitySelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchType;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

import cn.cadreflow.trainingplan.schedule.PlanDomain.CadreFact;
import cn.cadreflow.trainingplan.schedule.PlanDomain.CourseFact;
import cn.cadreflow.trainingplan.schedule.PlanDomain.CourseSeat;
import cn.cadreflow.trainingplan.schedule.PlanDomain.ImmersiveSeat;
import cn.cadreflow.trainingplan.schedule.PlanDomain.PlanSolution;
import cn.cadreflow.trainingplan.schedule.PlanDomain.UnitFact;

/**
 * Plans with Timefold Solver (construction heuristic, then local search) under {@link PlanConstraints}, within
 * the time limit of its {@link Settings}; it stops earlier when the score has not improved for the unimproved
 * limit. The result's plan is the best found; it may still break hard constraints when the input is infeasible,
 * which {@link PlanChecker} then lists and {@link Feasibility} explains.
 */
public final class TimefoldScheduler {

    /**
     * @param timeLimit        the most the solver may run
     * @param unimprovedLimit  it stops when the best score has not improved for this long
     * @param maxCoursesPerCadre the most classroom courses one cadre can be given
     */
    public record Settings(Duration timeLimit, Duration unimprovedLimit, int maxCoursesPerCadre) {
        public static final Settings DEFAULT = new Settings(Duration.ofSeconds(60), Duration.ofSeconds(10), 6);
    }

    /**
     * @param firstFeasible how long it took to the first plan without hard violations (by the solver's score),
     *                      null when none was found
     */
    public record Result(Plan plan, String score, boolean feasible, Duration firstFeasible, Duration spent) {
    }

    private final Settings settings;
    /** From nothing: first fit for the immersive weeks, then for the courses, then hill climbing. */
    private final SolverFactory<PlanSolution> fromScratch;
    /** From a given plan: first fit only for immersive weeks it lacks, then late acceptance. */
    private final SolverFactory<PlanSolution> fromPlan;

    public TimefoldScheduler(Settings settings) {
        this.settings = settings;
        this.fromScratch = SolverFactory.create(config(settings).withPhases(construction(ImmersiveSeat.class),
                construction(CourseSeat.class),
                new LocalSearchPhaseConfig().withLocalSearchType(LocalSearchType.HILL_CLIMBING)));
        this.fromPlan = SolverFactory.create(config(settings).withPhases(construction(ImmersiveSeat.class),
                new LocalSearchPhaseConfig().withLocalSearchType(LocalSearchType.LATE_ACCEPTANCE)));
    }

    private static SolverConfig config(Settings settings) {
        return new SolverConfig()
                .withSolutionClass(PlanSolution.class)
                .withEntityClasses(ImmersiveSeat.class, CourseSeat.class)
                .withConstraintProviderClass(PlanConstraints.class)
                .withTerminationConfig(new TerminationConfig().withSpentLimit(settings.timeLimit())
                        .withUnimprovedSpentLimit(settings.unimprovedLimit()));
    }

    /** First fit, the immersive weeks before the courses (Timefold's default order, stated for the phases after). */
    private static ConstructionHeuristicPhaseConfig construction(Class<?> entityClass) {
        String id = entityClass.getSimpleName();
        return new ConstructionHeuristicPhaseConfig().withEntityPlacerConfig(new QueuedEntityPlacerConfig()
                .withEntitySelectorConfig(new EntitySelectorConfig(entityClass).withId(id))
                .withMoveSelectorConfigs(new ChangeMoveSelectorConfig()
                        .withEntitySelectorConfig(new EntitySelectorConfig().withMimicSelectorRef(id))));
    }

    public Result schedule(PlanProblem problem) {
        return schedule(problem, null);
    }

    /** Plans, starting from {@code initial} (a previous or hand-edited plan, may be null) where it fits. */
    public Result schedule(PlanProblem problem, Plan initial) {
        return solve(problem, initial, false, score -> { });
    }

    /** As {@link #schedule(PlanProblem, Plan)}, telling {@code progress} each new best score as it is found. */
    public Result schedule(PlanProblem problem, Plan initial, Consumer<String> progress) {
        return solve(problem, initial, false, progress);
    }

    /**
     * Re-plans after changes (new cadres, other absences, courses): starts from the published plan and keeps its
     * assignments where the hard constraints and the hours allow (each one kept outweighs a preference).
     */
    public Result replan(PlanProblem problem, Plan published) {
        return solve(problem, published, true, score -> { });
    }

    /** As {@link #replan(PlanProblem, Plan)}, telling {@code progress} each new best score as it is found. */
    public Result replan(PlanProblem problem, Plan published, Consumer<String> progress) {
        return solve(problem, published, true, progress);
    }

    private Result solve(PlanProblem problem, Plan initial, boolean keep, Consumer<String> progress) {
        long start = System.nanoTime();
        PlanSolution solution = model(problem, initial, keep);
        SolverFactory<PlanSolution> factory = initial == null ? fromScratch : fromPlan;
        Solver<PlanSolution> solver = factory.buildSolver();
        AtomicLong firstFeasible = new AtomicLong(-1);
        if (initial != null && SolutionManager.create(factory).update(solution).isFeasible()) {
            firstFeasible.set(System.nanoTime() - start);
        }
        solver.addEventListener(event -> {
            progress.accept(event.getNewBestScore().toString());
            if (firstFeasible.get() < 0 && event.getNewBestScore().isFeasible()) {
                firstFeasible.set(System.nanoTime() - start);
            }
        });
        PlanSolution best = solver.solve(solution);
        HardMediumSoftLongScore score = best.score;
        if (firstFeasible.get() < 0 && score.isFeasible()) {
            firstFeasible.set(System.nanoTime() - start);
        }
        return new Result(plan(problem, best), score.toString(), score.isFeasible(),
                firstFeasible.get() < 0 ? null : Duration.ofNanos(firstFeasible.get()),
                Duration.ofNanos(System.nanoTime() - start));
    }

    PlanSolution model(PlanProblem problem, Plan initial, boolean keep) {
        List<PlanCourse> courses = problem.courses();
        List<CourseFact> facts = new ArrayList<>();
        for (int i = 0; i < courses.size(); i++) {
            facts.add(new CourseFact(i, courses.get(i)));
        }
        Map<String, CourseFact> byId = new LinkedHashMap<>();
        facts.forEach(f -> byId.put(f.course.id(), f));
        Map<String, UnitFact> units = new LinkedHashMap<>();
        problem.units().forEach(u -> units.put(u.id(), new UnitFact(u, problem.weeks(), facts)));
        int shortest = courses.stream().filter(c -> !c.immersive() && c.hours() > 0).mapToInt(PlanCourse::hours)
                .min().orElse(0);
        int immersiveHours = courses.stream().filter(PlanCourse::immersive).mapToInt(PlanCourse::hours).min()
                .orElse(0);
        PlanSolution solution = new PlanSolution();
        solution.cadres = new ArrayList<>();
        solution.immersiveSeats = new ArrayList<>();
        solution.courseSeats = new ArrayList<>();
        solution.immersiveCourses = facts.stream().filter(f -> f.course.immersive()).toList();
        solution.classroomCourses = facts.stream().filter(f -> !f.course.immersive()).toList();
        for (PlanCadre cadre : problem.cadres()) {
            CadreFact fact = new CadreFact(cadre, units.get(cadre.unitId()), problem.weeks(), facts);
            solution.cadres.add(fact);
            ImmersiveSeat immersive = new ImmersiveSeat(cadre.id() + "/i", fact);
            solution.immersiveSeats.add(immersive);
            int missing = Math.max(0, cadre.requirement().hours() - immersiveHours);
            int needed = shortest == 0 ? 0 : (missing + shortest - 1) / shortest;
            int given = initial == null ? 0 : initial.of(cadre.id()).courseIds().size();
            int seats = Math.max(given, Math.min(settings.maxCoursesPerCadre(), needed + cadre.preferredCourses().size()));
            List<CourseSeat> own = new ArrayList<>();
            for (int i = 0; i < seats; i++) {
                own.add(new CourseSeat(cadre.id() + "/" + i, fact));
            }
            solution.courseSeats.addAll(own);
            if (initial != null) {
                Assignment assignment = initial.of(cadre.id());
                CourseFact week = byId.get(assignment.immersiveCourseId());
                immersive.course = week != null && week.course.immersive() ? week : null;
                List<CourseFact> taken = assignment.courseIds().stream().map(byId::get)
                        .filter(f -> f != null && !f.course.immersive()).toList();
                for (int i = 0; i < taken.size(); i++) {
                    own.get(i).course = taken.get(i);
                }
                if (keep) {
                    taken.forEach(f -> fact.published[f.index] = true);
                    if (immersive.course != null) {
                        fact.published[immersive.course.index] = true;
                    }
                }
            }
        }
        return solution;
    }

    static Plan plan(PlanProblem problem, PlanSolution solution) {
        Map<String, String> immersive = new LinkedHashMap<>();
        solution.immersiveSeats.forEach(seat -> immersive.put(seat.cadre.cadre.id(),
                seat.course == null ? null : seat.course.course.id()));
        Map<String, List<CourseFact>> courses = new LinkedHashMap<>();
        solution.courseSeats.stream().filter(seat -> seat.course != null)
                .forEach(seat -> courses.computeIfAbsent(seat.cadre.cadre.id(), k -> new ArrayList<>()).add(seat.course));
        Map<String, Assignment> assignments = new LinkedHashMap<>();
        for (PlanCadre cadre : problem.cadres()) {
            List<String> ids = courses.getOrDefault(cadre.id(), List.of()).stream()
                    .sorted(Comparator.comparingInt(f -> f.startDay)).map(f -> f.course.id()).toList();
            assignments.put(cadre.id(), new Assignment(immersive.get(cadre.id()), ids));
        }
        return new Plan(assignments);
    }
}
