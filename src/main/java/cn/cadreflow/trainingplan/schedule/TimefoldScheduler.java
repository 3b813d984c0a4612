package cn.cadreflow.trainingplan.schedule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
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
    private final SolverFactory<PlanSolution> factory;

    public TimefoldScheduler(Settings settings) {
        this.settings = settings;
        this.factory = SolverFactory.create(new SolverConfig()
                .withSolutionClass(PlanSolution.class)
                .withEntityClasses(ImmersiveSeat.class, CourseSeat.class)
                .withConstraintProviderClass(PlanConstraints.class)
                .withTerminationConfig(new TerminationConfig().withSpentLimit(settings.timeLimit())
                        .withUnimprovedSpentLimit(settings.unimprovedLimit())));
    }

    public Result schedule(PlanProblem problem) {
        return schedule(problem, null);
    }

    /** Plans, starting from {@code initial} (a previous or hand-edited plan, may be null) where it fits. */
    public Result schedule(PlanProblem problem, Plan initial) {
        long start = System.nanoTime();
        PlanSolution solution = model(problem, initial);
        Solver<PlanSolution> solver = factory.buildSolver();
        AtomicLong firstFeasible = new AtomicLong(-1);
        solver.addEventListener(event -> {
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

    PlanSolution model(PlanProblem problem, Plan initial) {
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
            int seats = Math.min(settings.maxCoursesPerCadre(), needed + cadre.preferredCourses().size());
            List<CourseSeat> own = new ArrayList<>();
            for (int i = 0; i < seats; i++) {
                own.add(new CourseSeat(cadre.id() + "/" + i, fact));
            }
            solution.courseSeats.addAll(own);
            if (initial != null) {
                Assignment assignment = initial.of(cadre.id());
                CourseFact week = byId.get(assignment.immersiveCourseId());
                immersive.course = week != null && week.course.immersive() ? week : null;
                List<CourseFact> given = assignment.courseIds().stream().map(byId::get)
                        .filter(f -> f != null && !f.course.immersive()).toList();
                for (int i = 0; i < Math.min(given.size(), own.size()); i++) {
                    own.get(i).course = given.get(i);
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
