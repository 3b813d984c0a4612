package cn.cadreflow.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import cn.cadreflow.trainingplan.schedule.Feasibility;
import cn.cadreflow.trainingplan.schedule.GreedyScheduler;
import cn.cadreflow.trainingplan.schedule.HoursRule;
import cn.cadreflow.trainingplan.schedule.Obstacle;
import cn.cadreflow.trainingplan.schedule.Plan;
import cn.cadreflow.trainingplan.schedule.PlanCadre;
import cn.cadreflow.trainingplan.schedule.PlanChecker;
import cn.cadreflow.trainingplan.schedule.PlanCourse;
import cn.cadreflow.trainingplan.schedule.PlanProblem;
import cn.cadreflow.trainingplan.schedule.PlanReport;
import cn.cadreflow.trainingplan.schedule.PlanUnit;
import cn.cadreflow.trainingplan.schedule.TimefoldScheduler;
import cn.cadreflow.trainingplan.schedule.Violation;

/**
 * The yearly training plan at size (issue 11): 5,000 cadres in 200 units over 52 weeks with 100 courses and
 * realistic preferences, generated from a fixed seed, planned by the greedy baseline and by Timefold in the same
 * run. For each it prints the seconds to the first feasible plan (the greedy's total time), the hard violations
 * the independent checker finds in the final plan (must be 0), the share of stated preferences met, and the
 * cadres whose hours requirement is left unmet.
 * A main class, not a test: {@code mvn -B -ntp -DskipFrontend -DskipTests -Pbench-plan verify} (see
 * docs/benchmarks.md). Settings: bench.plan.cadres (5,000), bench.plan.units (200), bench.plan.courses (100),
 * bench.plan.seconds (the solver's time limit, 60), bench.plan.unimproved (20), bench.plan.seed (11).
 */
public final class TrainingPlanBenchmark {

    static final String[] CAPABILITIES = { "政治领导能力", "组织协调能力", "行政执行能力", "法治示范能力", "信息技术运用能力",
        "群众工作能力", "信访工作能力", "统战工作能力", "运用媒体的能力", "推动发展的能力", "应急处突能力" };
    static final String[] RANKS = { "KEYUAN", "FUKE", "ZHENGKE", "FUCHU", "ZHENGCHU" };
    /** Weeks nobody is sent away: Spring Festival, the May and October holidays, the year's last two. */
    static final Set<Integer> HOLIDAY_WEEKS = Set.of(5, 6, 17, 39, 50, 51);

    private TrainingPlanBenchmark() {
    }

    public static void main(String[] args) {
        int cadres = Integer.getInteger("bench.plan.cadres", 5000);
        int units = Integer.getInteger("bench.plan.units", 200);
        int courses = Integer.getInteger("bench.plan.courses", 100);
        int seconds = Integer.getInteger("bench.plan.seconds", 60);
        int unimproved = Integer.getInteger("bench.plan.unimproved", 20);
        long seed = Long.getLong("bench.plan.seed", 11L);
        PlanProblem problem = generate(new Random(seed), cadres, units, courses, 52);
        System.out.printf(Locale.ROOT, "%nTraining plan: %d cadres, %d units, %d courses (%d immersive), %d weeks,"
                        + " seed %d, %d cores%n", problem.cadres().size(), problem.units().size(),
                problem.courses().size(), problem.courses().stream().filter(PlanCourse::immersive).count(),
                problem.weeks(), seed, Runtime.getRuntime().availableProcessors());
        List<Obstacle> obstacles = Feasibility.diagnose(problem);
        System.out.printf(Locale.ROOT, "Feasibility obstacles before solving: %d%n", obstacles.size());
        obstacles.stream().limit(5).forEach(o -> System.out.println("  " + o));

        long start = System.nanoTime();
        Plan greedy = GreedyScheduler.schedule(problem);
        double greedySeconds = (System.nanoTime() - start) / 1e9;
        report("greedy", problem, greedy, greedySeconds, greedySeconds);

        TimefoldScheduler solver = new TimefoldScheduler(new TimefoldScheduler.Settings(Duration.ofSeconds(seconds),
                Duration.ofSeconds(unimproved), 6));
        TimefoldScheduler.Result result = solver.schedule(problem);
        System.out.printf(Locale.ROOT, "Timefold from scratch: score %s after %.1f s%n", result.score(),
                result.spent().toMillis() / 1000.0);
        report("timefold", problem, result);

        start = System.nanoTime();
        Plan greedyStart = GreedyScheduler.schedule(problem);
        double seedSeconds = (System.nanoTime() - start) / 1e9;
        TimefoldScheduler.Result seeded = solver.schedule(problem, greedyStart);
        System.out.printf(Locale.ROOT, "Timefold from the greedy plan: score %s after %.1f s (+ %.1f s greedy)%n",
                seeded.score(), seeded.spent().toMillis() / 1000.0, seedSeconds);
        report("seeded", problem, new TimefoldScheduler.Result(seeded.plan(), seeded.score(), seeded.feasible(),
                seeded.firstFeasible() == null ? null : seeded.firstFeasible().plusNanos((long) (seedSeconds * 1e9)),
                seeded.spent().plusNanos((long) (seedSeconds * 1e9))));
    }

    static void report(String name, PlanProblem problem, TimefoldScheduler.Result result) {
        report(name, problem, result.plan(),
                result.firstFeasible() == null ? Double.NaN : result.firstFeasible().toMillis() / 1000.0,
                result.spent().toMillis() / 1000.0);
    }

    static void report(String name, PlanProblem problem, Plan plan, double firstFeasible, double total) {
        List<Violation> violations = PlanChecker.check(problem, plan);
        PlanReport report = PlanReport.of(problem, plan);
        Map<Violation.Kind, Integer> kinds = new TreeMap<>();
        violations.forEach(v -> kinds.merge(v.kind(), 1, Integer::sum));
        long seats = plan.assignments().values().stream().mapToLong(a -> a.courseIds().size()).sum();
        long catalogue = report.shortfalls().stream()
                .filter(s -> s.reason() == PlanReport.Reason.CATALOGUE_TOO_SMALL).count();
        System.out.printf(Locale.ROOT, "%-8s first feasible %s s, total %.1f s; checker violations %d %s; "
                        + "preferences met %d of %d (%.1f %%); classroom seats %d; hours unmet for %d cadres "
                        + "(%d beyond what the catalogue offers them)%n",
                name, Double.isNaN(firstFeasible) ? "never" : String.format(Locale.ROOT, "%.1f", firstFeasible), total,
                violations.size(), kinds, report.preferencesMet(), report.preferencesStated(),
                100.0 * report.preferenceShare(), seats, report.shortfalls().size(), catalogue);
    }

    /**
     * Units of 8 to 45 people (a township government to a village committee), of whom the planned cadres are
     * about 80 %, each unit keeping 70 to 80 % on duty; some have people seconded for a stretch of weeks
     * (挂职/借调) and occasional single-day absences. 40 immersive weeks (none in holiday weeks) with places for
     * all; 60 classroom courses of 2 to 5 days and 16 to 40 学时. A tenth of the cadres are 县处级 and above.
     * Preferences cluster: 60 % name one to three preferred weeks, mostly in spring and autumn; 20 % have one
     * to four impossible weeks; 40 % prefer one or two courses, popular courses more often; most have a gap.
     */
    static PlanProblem generate(Random random, int cadreCount, int unitCount, int courseCount, int weeks) {
        int days = weeks * PlanProblem.DAYS_PER_WEEK;
        int[] cadresPerUnit = new int[unitCount];
        for (int i = 0; i < cadreCount; i++) {
            cadresPerUnit[(int) Math.floor(Math.pow(random.nextDouble(), 1.3) * unitCount)]++;
        }
        List<PlanUnit> units = new ArrayList<>();
        for (int u = 0; u < unitCount; u++) {
            int headcount = (int) Math.ceil(Math.max(cadresPerUnit[u], 1) * 1.25) + 1;
            int minimum = (int) Math.ceil(headcount * (0.7 + 0.1 * random.nextDouble()));
            int[] away = new int[days];
            if (random.nextDouble() < 0.3) {
                int from = random.nextInt(weeks) * PlanProblem.DAYS_PER_WEEK;
                int length = (8 + random.nextInt(40)) * PlanProblem.DAYS_PER_WEEK;
                for (int d = from; d < Math.min(days, from + length); d++) {
                    away[d] += 1;
                }
            }
            for (int k = 0; k < headcount; k++) {
                away[random.nextInt(days)]++;
            }
            units.add(new PlanUnit("U" + u, "单位" + u, headcount, minimum, away));
        }
        List<Integer> open = new ArrayList<>();
        for (int w = 1; w < weeks; w++) {
            if (!HOLIDAY_WEEKS.contains(w)) {
                open.add(w);
            }
        }
        List<PlanCourse> courses = new ArrayList<>();
        int immersiveCount = Math.min(open.size(), Math.max(1, courseCount * 2 / 5));
        int places = (int) Math.ceil(cadreCount * 1.2 / immersiveCount);
        for (int i = 0; i < immersiveCount; i++) {
            courses.add(new PlanCourse("I" + i, "沉浸式蹲点" + i, true, open.get(i * open.size() / immersiveCount), 0, 5,
                    40, places, Set.of(CAPABILITIES[5])));
        }
        for (int i = immersiveCount; i < courseCount; i++) {
            int length = 2 + random.nextInt(4);
            int first = random.nextInt(PlanProblem.DAYS_PER_WEEK - length + 1);
            Set<String> targets = new HashSet<>();
            targets.add(CAPABILITIES[random.nextInt(CAPABILITIES.length)]);
            if (random.nextBoolean()) {
                targets.add(CAPABILITIES[random.nextInt(CAPABILITIES.length)]);
            }
            courses.add(new PlanCourse("C" + i, "专题班" + i, false, open.get(random.nextInt(open.size())), first,
                    length, length * 8, 100 + random.nextInt(200), targets));
        }
        List<PlanCadre> cadres = new ArrayList<>();
        int unit = 0;
        int inUnit = 0;
        for (int i = 0; i < cadreCount; i++) {
            while (inUnit >= cadresPerUnit[unit]) {
                unit++;
                inUnit = 0;
            }
            inUnit++;
            String rank = random.nextDouble() < 0.1 ? RANKS[3 + random.nextInt(2)] : RANKS[random.nextInt(3)];
            int doneThisYear = random.nextInt(5) * 8;
            int earlier = HoursRule.senior(rank) ? 250 + random.nextInt(260) : 0;
            Set<Integer> preferred = new HashSet<>();
            if (random.nextDouble() < 0.6) {
                int count = 1 + random.nextInt(3);
                for (int k = 0; k < count; k++) {
                    int centre = random.nextBoolean() ? 14 : 40;
                    preferred.add(Math.floorMod(centre + (int) Math.round(random.nextGaussian() * 6), weeks));
                }
            }
            Set<Integer> impossible = new HashSet<>();
            if (random.nextDouble() < 0.2) {
                int count = 1 + random.nextInt(4);
                for (int k = 0; k < count; k++) {
                    impossible.add(random.nextInt(weeks));
                }
                impossible.removeAll(preferred);
            }
            Set<String> preferredCourses = new HashSet<>();
            if (random.nextDouble() < 0.4) {
                int count = 1 + random.nextInt(2);
                for (int k = 0; k < count; k++) {
                    int pick = immersiveCount + (int) Math.floor(Math.pow(random.nextDouble(), 2) * (courseCount
                            - immersiveCount));
                    preferredCourses.add(courses.get(Math.min(pick, courseCount - 1)).id());
                }
            }
            Set<String> gaps = new HashSet<>();
            if (random.nextDouble() < 0.7) {
                gaps.add(CAPABILITIES[random.nextInt(CAPABILITIES.length)]);
            }
            cadres.add(new PlanCadre("K" + i, "干部" + i, "U" + unit, HoursRule.DEFAULT.outstanding(rank, doneThisYear,
                    doneThisYear / 8, earlier), preferred, impossible, preferredCourses, gaps));
        }
        return new PlanProblem(weeks, units, cadres, courses);
    }
}
