package cn.cadreflow.trainingplan.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.cadreflow.trainingplan.PlanRun;
import cn.cadreflow.trainingplan.TrainingPlan;
import cn.cadreflow.trainingplan.schedule.Plan;
import cn.cadreflow.trainingplan.schedule.TimefoldScheduler;

import jakarta.annotation.PreDestroy;

/**
 * Runs the solver for a plan on a background thread (one run per plan at a time, at most two at once on this
 * server) and stores its best plan as the plan's proposal. A published plan is the start of a re-plan, which keeps
 * its assignments where the rules allow. Listeners (open views) hear of each new best score, at most twice a
 * second, and of the end.
 */
@Component
public class PlanRunner {

    private static final Logger log = LoggerFactory.getLogger(PlanRunner.class);
    private static final Duration NOTIFY_EVERY = Duration.ofMillis(500);

    private final PlanInputs inputs;
    private final PlanMapper mapper;
    private final PlanSettings settings;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
        Thread thread = new Thread(r, "training-plan-solver");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Long, PlanRun> runs = new ConcurrentHashMap<>();
    private final Map<Long, List<Runnable>> listeners = new ConcurrentHashMap<>();

    public PlanRunner(PlanInputs inputs, PlanMapper mapper, PlanSettings settings, TransactionTemplate tx,
                      Clock clock) {
        this.inputs = inputs;
        this.mapper = mapper;
        this.settings = settings;
        this.tx = tx;
        this.clock = clock;
    }

    /** Starts a run; false when one is already running for the plan. */
    public boolean start(TrainingPlan plan, Plan published) {
        PlanRun started = new PlanRun(plan.id(), true, clock.instant(), null, null, false);
        PlanRun before = runs.get(plan.id());
        if ((before != null && before.running()) || (before == null ? runs.putIfAbsent(plan.id(), started) != null
                : !runs.replace(plan.id(), before, started))) {
            return false;
        }
        notify(plan.id());
        pool.submit(() -> solve(plan, published, started.started()));
        return true;
    }

    private void solve(TrainingPlan plan, Plan published, Instant started) {
        long[] lastNotice = {0};
        try {
            PlanInputs.Inputs in = inputs.build(plan.year(), plan.unitIds());
            TimefoldScheduler scheduler = new TimefoldScheduler(settings.solver());
            TimefoldScheduler.Result result = published == null
                    ? scheduler.schedule(in.problem(), null, score -> progress(plan.id(), started, score, lastNotice))
                    : scheduler.replan(in.problem(), published, score -> progress(plan.id(), started, score, lastNotice));
            tx.executeWithoutResult(s -> PlanStore.save(mapper, plan.id(), result.plan(), false));
            runs.put(plan.id(), new PlanRun(plan.id(), false, started, result.score(), clock.instant(), false));
        } catch (RuntimeException e) {
            log.error("Planning run of plan {} failed", plan.id(), e);
            runs.put(plan.id(), new PlanRun(plan.id(), false, started, null, clock.instant(), true));
        }
        notify(plan.id());
    }

    private void progress(long planId, Instant started, String score, long[] lastNotice) {
        runs.put(planId, new PlanRun(planId, true, started, score, null, false));
        long now = System.nanoTime();
        if (now - lastNotice[0] > NOTIFY_EVERY.toNanos()) {
            lastNotice[0] = now;
            notify(planId);
        }
    }

    public PlanRun run(long planId) {
        return runs.get(planId);
    }

    public boolean isRunning(long planId) {
        PlanRun run = runs.get(planId);
        return run != null && run.running();
    }

    public Runnable watch(long planId, Runnable listener) {
        listeners.computeIfAbsent(planId, k -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> listeners.getOrDefault(planId, List.of()).remove(listener);
    }

    private void notify(long planId) {
        listeners.getOrDefault(planId, List.of()).forEach(Runnable::run);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }
}
