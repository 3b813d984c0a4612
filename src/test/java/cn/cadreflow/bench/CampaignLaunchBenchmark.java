package cn.cadreflow.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.cadreflow.MariaDbApp;
import cn.cadreflow.annualreview.AnnualReviewStep;
import cn.cadreflow.annualreview.Campaign;
import cn.cadreflow.annualreview.CampaignService;

/**
 * Launching an annual-review campaign at size: a fresh MariaDB database (via {@link MariaDbApp}), the app on it
 * with the demo data, 10,000 extra active cadres (with their posts) bulk-inserted into each of two villages of
 * 清河县, then, in the same run:
 * <ol>
 * <li>a resume check (also the warm-up): a campaign over 白沙社区 (2,000 extra cadres, enough to warm the JIT up for both loops) runs one batch, is
 * "interrupted", resumed, and checked for exactly one review per cadre;</li>
 * <li>the bare engine loop: the deployed {@code annualReview} definition started with {@link RuntimeService}
 * for the 10,000 cadres of 柳林村, 200 per transaction, the batches shared among as many threads as a campaign
 * launch uses, with the variables a campaign start hands the engine
 * (copied from a review the resume check started, the cadre's own values put in; their review rows are
 * inserted set-based before the clock starts, since the BPMN's listeners update them);</li>
 * <li>{@link CampaignService#launch(long, String)} (after {@code create}) over 青山村 (the other 10,000), the one way
 * a campaign starts its reviews, with a second thread reading the campaign's
 * progress counts while it runs.</li>
 * </ol>
 * After each of (1) and (2) it prints the rows each start wrote, per table, and the CPU time this JVM and the
 * database server used.
 * A main class, not a test: {@code mvn -B -DskipFrontend -DskipTests -Pbench -Dbench.skipTaskCentre=true verify}
 * (see docs/benchmarks.md). Settings: bench.cadres (per village, default 10,000), bench.resumeCadres (2,000),
 * bench.threads (the launch's worker threads, and the bare loop's; default the app's setting).
 */
public final class CampaignLaunchBenchmark extends BenchSql {

    static final String OFFICER = "wangfang";
    static final int BATCH = CampaignService.BATCH_SIZE;

    private final int cadres = Integer.getInteger("bench.cadres", 10_000);
    private final int resumeCadres = Integer.getInteger("bench.resumeCadres", 2_000);

    private final ConfigurableApplicationContext app;
    private final CampaignService campaigns;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final TransactionTemplate tx;
    /** Worker threads of a campaign launch (the app's setting), used by the bare loop too. */
    private final int threads;
    private final int year = LocalDate.now().getYear();

    private CampaignLaunchBenchmark(ConfigurableApplicationContext app, Connection sql) {
        super(sql);
        this.app = app;
        this.campaigns = app.getBean(CampaignService.class);
        this.runtime = app.getBean(RuntimeService.class);
        this.identity = app.getBean(IdentityService.class);
        this.tx = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
        this.threads = Integer.parseInt(app.getEnvironment().getProperty("cadreflow.annual-review.launch-threads", "1"));
    }

    public static void main(String[] args) throws Exception {
        int code = 0;
        try (MariaDbApp db = MariaDbApp.create("cadreflow_campaignbench")) {
            long started = System.nanoTime();
            String threads = System.getProperty("bench.threads", "");
            ConfigurableApplicationContext app = threads.isBlank() ? db.start()
                    : db.start("--cadreflow.annual-review.launch-threads=" + threads);
            System.out.printf(Locale.ROOT, "%nApp started with profile mysql on database %s in %.1f s%n",
                    db.database(), seconds(started));
            String url = app.getEnvironment().getProperty("spring.datasource.url");
            try (Connection c = DriverManager.getConnection(url, MariaDbApp.USER, MariaDbApp.PASSWORD)) {
                code = new CampaignLaunchBenchmark(app, c).run() ? 0 : 1;
            }
            System.out.println("Dropping database " + db.database() + ".");
        }
        System.exit(code);
    }

    private boolean run() throws Exception {
        long qingshanCun = unitId("青山村");
        long liulinCun = unitId("柳林村");
        long baishaShequ = unitId("白沙社区");

        long t = System.nanoTime();
        insertCadres(qingshanCun, cadres, "青山");
        insertCadres(liulinCun, cadres, "柳林");
        insertCadres(baishaShequ, resumeCadres, "白沙");
        exec("ANALYZE TABLE cadre, post");
        System.out.println();
        System.out.println("== Campaign-launch benchmark (MariaDB " + scalar("SELECT VERSION()") + ", InnoDB buffer pool "
                + Long.parseLong(scalar("SELECT @@innodb_buffer_pool_size")) / (1024 * 1024) + " MB, " + load() + ") ==");
        System.out.printf(Locale.ROOT, "Bulk insert of %d cadres and posts (set-based SQL): %.1f s%n",
                2 * cadres + resumeCadres, seconds(t));

        // (3) first: the interrupt-and-resume check, which also warms up the start path
        boolean resumeOk = resumeCheck(baishaShequ);

        // the variables a campaign start hands the engine, from one review the resume check started
        Map<String, Object> template = new HashMap<>(runtime.getVariables(scalar(
                "SELECT process_instance_id FROM appraisal_review WHERE process_instance_id IS NOT NULL LIMIT 1")));
        System.out.println("Variables of a campaign-started review: " + new java.util.TreeSet<>(template.keySet()));

        // (1) the bare engine loop
        System.out.println("Load before the bare loop: " + load());
        Map<String, Long> rows = tableRows();
        double[] cpu = cpuSeconds();
        BareResult bare = bareLoop(liulinCun, template);
        System.out.printf(Locale.ROOT, "(1) bare RuntimeService loop, worker threads: %d; %d instances in %.1f s = %.0f reviews/s%n",
                threads, bare.count, bare.seconds, bare.count / bare.seconds);
        double[] cpuAfterBare = cpuSeconds();
        System.out.println("    " + cpuUsed(cpu, cpuAfterBare, bare.seconds));
        double bareCpu = cpuPerReview(cpu, cpuAfterBare, bare.count);
        Map<String, Long> afterBare = tableRows();
        System.out.println("    rows written per instance (the review rows were inserted beforehand): "
                + rowsPer(rows, afterBare, bare.count));

        // (2) the campaign
        System.out.println("Load before the campaign: " + load());
        cpu = cpuSeconds();
        double[] campaign = campaignLaunch(qingshanCun);
        System.out.printf(Locale.ROOT, "(2) CampaignService.launch, worker threads: %d; %d reviews in %.1f s = %.0f reviews/s%n",
                threads, (long) campaign[0], campaign[1], campaign[0] / campaign[1]);
        double[] cpuAfterCampaign = cpuSeconds();
        System.out.println("    " + cpuUsed(cpu, cpuAfterCampaign, campaign[1]));
        double campaignCpu = cpuPerReview(cpu, cpuAfterCampaign, (long) campaign[0]);
        System.out.println("    rows written per review: " + rowsPer(afterBare, tableRows(), (long) campaign[0]));
        System.out.println("Load after: " + load());

        double bareRate = bare.count / bare.seconds;
        double campaignRate = campaign[0] / campaign[1];
        double ratio = bareRate / campaignRate;
        boolean fast = campaignRate >= 200;
        boolean close = ratio <= 1.0;
        System.out.println();
        System.out.printf(Locale.ROOT, "bare loop %.0f reviews/s, campaign %.0f reviews/s%n", bareRate, campaignRate);
        System.out.printf(Locale.ROOT, "campaign time / bare time = %.2fx (target <= 1.0x): %s%n", ratio,
                close ? "met" : "MISSED");
        // the phases run one after the other: on a shared machine the load of other jobs can change between them,
        // which moves the time ratio; the CPU this JVM and the database spent per review does not depend on it
        System.out.printf(Locale.ROOT, "CPU (this JVM + database) per review: bare %.2f ms, campaign %.2f ms = %.2fx%n",
                bareCpu, campaignCpu, campaignCpu / bareCpu);
        System.out.printf(Locale.ROOT, "campaign >= 200 reviews/s: %s%n", fast ? "met" : "MISSED");
        System.out.println("resume check (one review per cadre): " + (resumeOk ? "passed" : "FAILED"));
        return resumeOk;
    }

    // ---- data ----------------------------------------------------------------------------------------------

    private void insertCadres(long unitId, int count, String prefix) throws SQLException {
        try (PreparedStatement p = sql.prepareStatement("INSERT INTO post (unit_id, name, leading_post, sort_order)"
                + " SELECT ?, CONCAT('bench-', ?, '-', seq), FALSE, 100 + seq FROM seq_1_to_" + count)) {
            p.setLong(1, unitId);
            p.setString(2, prefix);
            p.executeUpdate();
        }
        try (PreparedStatement p = sql.prepareStatement("INSERT INTO cadre (name, gender, birth_date, ethnicity,"
                + " party_date, work_start_date, education, rank_code, unit_id, post_id, status)"
                + " SELECT CONCAT(?, '干部', sort_order - 100), IF(id MOD 2 = 0, 'F', 'M'),"
                + " DATE '1970-01-01' + INTERVAL (id MOD 9000) DAY, '汉族', NULL,"
                + " DATE '1995-07-01' + INTERVAL (id MOD 5000) DAY, '大学', 'KEYUAN', unit_id, id, 'ACTIVE'"
                + " FROM post WHERE unit_id = ? AND name LIKE CONCAT('bench-', ?, '-%')")) {
            p.setString(1, prefix);
            p.setLong(2, unitId);
            p.setString(3, prefix);
            p.executeUpdate();
        }
    }

    // ---- (3) interrupt and resume --------------------------------------------------------------------------

    private boolean resumeCheck(long unit) throws SQLException {
        long id = campaigns.create(year, "bench resume", List.of(unit), "GRASSROOTS11", OFFICER);
        Campaign first = campaigns.launch(id, OFFICER, BATCH, 1);
        System.out.printf(Locale.ROOT, "(3) resume check: interrupted after one batch: %s%n", counts(first));
        Campaign done = campaigns.launch(id, OFFICER);
        System.out.printf(Locale.ROOT, "    resumed: %s%n", counts(done));
        Campaign again = campaigns.launch(id, OFFICER);
        System.out.printf(Locale.ROOT, "    run once more: %s%n", counts(again));
        int active = Integer.parseInt(scalar("SELECT COUNT(*) FROM cadre WHERE status = 'ACTIVE' AND unit_id = " + unit));
        int reviews = Integer.parseInt(scalar("SELECT COUNT(*) FROM appraisal_review WHERE campaign_id = " + id));
        int distinct = Integer.parseInt(scalar("SELECT COUNT(DISTINCT cadre_id) FROM appraisal_review WHERE campaign_id = " + id));
        int instances = Integer.parseInt(scalar("SELECT COUNT(*) FROM ACT_RU_EXECUTION e JOIN appraisal_review r"
                + " ON r.process_instance_id = e.ID_ WHERE e.PARENT_ID_ IS NULL AND r.campaign_id = " + id));
        boolean ok = first.launchedCount() == BATCH && reviews == active && distinct == active && instances == active
                && done.launchedCount() == active && again.launchedCount() == active
                && "RUNNING".equals(done.status());
        System.out.printf(Locale.ROOT, "    %d active cadres, %d reviews, %d distinct cadres, %d process instances: %s%n",
                active, reviews, distinct, instances, ok ? "no cadre has two reviews" : "FAILED");
        return ok;
    }

    private static String counts(Campaign c) {
        return String.format(Locale.ROOT, "status %s, total %d, launched %d, skipped %d", c.status(), c.totalCount(),
                c.launchedCount(), c.skippedCount());
    }

    // ---- (1) the bare engine loop --------------------------------------------------------------------------

    record BareResult(int count, double seconds) {
    }

    record BareCadre(long reviewId, long cadreId, String name) {
    }

    private BareResult bareLoop(long unit, Map<String, Object> template) throws Exception {
        long campaignId = campaigns.create(year, "bench bare loop", List.of(unit), "GRASSROOTS11", OFFICER);
        String now = "UTC_TIMESTAMP()";
        exec("INSERT INTO appraisal_review (campaign_id, cadre_id, unit_id, review_year, status, created_at, updated_at)"
                + " SELECT " + campaignId + ", id, unit_id, " + year + ", 'SELF_REPORT', " + now + ", " + now
                + " FROM cadre WHERE status = 'ACTIVE' AND unit_id = " + unit);
        List<BareCadre> work = new ArrayList<>();
        try (Statement s = sql.createStatement(); ResultSet rs = s.executeQuery("SELECT r.id, c.id, c.name"
                + " FROM appraisal_review r JOIN cadre c ON c.id = r.cadre_id"
                + " WHERE r.campaign_id = " + campaignId + " ORDER BY r.id")) {
            while (rs.next()) {
                work.add(new BareCadre(rs.getLong(1), rs.getLong(2), rs.getString(3)));
            }
        }
        List<Map<String, Object>> variables = new ArrayList<>(work.size());
        for (BareCadre c : work) {
            // the same variables as a campaign start, with this cadre's values
            Map<String, Object> v = new HashMap<>(template);
            v.put("cadreId", c.cadreId());
            v.put("cadreName", c.name());
            v.put("unitId", unit);
            v.put(AnnualReviewStep.REVIEW_ID, c.reviewId());
            v.put("campaignId", campaignId);
            v.put("cadreUser", null);
            variables.add(v);
        }
        if (!variables.get(0).keySet().equals(template.keySet())) {
            throw new IllegalStateException("bare loop variables " + variables.get(0).keySet() + " differ from "
                    + template.keySet());
        }
        ProcessDefinition def = app.getBean(RepositoryService.class).createProcessDefinitionQuery()
                .processDefinitionKey(AnnualReviewStep.PROCESS_KEY).latestVersion().singleResult();

        // batches of 200, each in its own transaction, on as many threads as a campaign launch uses
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int from = next.getAndAdd(BATCH); from < work.size(); from = next.getAndAdd(BATCH)) {
                int start = from;
                int end = Math.min(work.size(), from + BATCH);
                tx.executeWithoutResult(s -> {
                    identity.setAuthenticatedUserId(OFFICER);
                    try {
                        for (int i = start; i < end; i++) {
                            ProcessInstance pi = runtime.startProcessInstanceById(def.getId(),
                                    "KH-" + year + "-" + work.get(i).reviewId(), variables.get(i));
                            if (pi == null) {
                                throw new IllegalStateException("no instance");
                            }
                        }
                    } finally {
                        identity.clearAuthentication();
                    }
                });
            }
        };
        long t = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < threads; w++) {
                running.add(pool.submit(worker));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double secs = seconds(t);
        int attached = Integer.parseInt(scalar("SELECT COUNT(*) FROM appraisal_review WHERE process_instance_id IS NOT NULL"
                + " AND campaign_id = " + campaignId));
        if (attached != work.size()) {
            throw new IllegalStateException("bare loop: " + attached + " of " + work.size() + " reviews attached");
        }
        return new BareResult(work.size(), secs);
    }

    // ---- (2) the campaign ----------------------------------------------------------------------------------

    private double[] campaignLaunch(long unit) throws Exception {
        int expected = Integer.parseInt(scalar("SELECT COUNT(*) FROM cadre WHERE status = 'ACTIVE' AND unit_id = " + unit));
        AtomicBoolean running = new AtomicBoolean(true);
        List<String> samples = java.util.Collections.synchronizedList(new ArrayList<>());
        long t = System.nanoTime();
        Thread watcher = new Thread(() -> {
            try (Connection c = DriverManager.getConnection(
                    app.getEnvironment().getProperty("spring.datasource.url"), MariaDbApp.USER, MariaDbApp.PASSWORD);
                 PreparedStatement p = c.prepareStatement("SELECT c.id, c.status, c.total_count,"
                         + " (SELECT COUNT(*) FROM appraisal_review r WHERE r.campaign_id = c.id), c.skipped_count"
                         + " FROM appraisal_campaign c WHERE c.name = 'bench launch'")) {
                while (running.get()) {
                    Thread.sleep(5000);
                    try (ResultSet rs = p.executeQuery()) {
                        if (rs.next()) {
                            samples.add(String.format(Locale.ROOT, "  t=%5.1f s  campaign %d %s: %d of %d launched",
                                    seconds(t), rs.getLong(1), rs.getString(2), rs.getInt(4), rs.getInt(3)));
                        }
                    }
                }
            } catch (Exception e) {
                samples.add("progress reader failed: " + e);
            }
        }, "progress");
        watcher.setDaemon(true);
        watcher.start();
        Campaign c = campaigns.launch(campaigns.create(year, "bench launch", List.of(unit), "GRASSROOTS11", OFFICER),
                OFFICER);
        double secs = seconds(t);
        running.set(false);
        watcher.join(10_000);
        System.out.println("Progress read from a second connection while the launch ran (read every 5 s, about"
                + " ten of the readings shown):");
        synchronized (samples) {
            int step = Math.max(1, (samples.size() + 9) / 10);
            for (int i = 0; i < samples.size(); i++) {
                if (i % step == 0 || i == samples.size() - 1) {
                    System.out.println(samples.get(i));
                }
            }
        }
        System.out.println("  done: " + counts(c));
        if (c.launchedCount() != expected || !"RUNNING".equals(c.status())) {
            throw new IllegalStateException("campaign launched " + c.launchedCount() + " of " + expected);
        }
        return new double[] {c.launchedCount(), secs};
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    /** Milliseconds of CPU, this JVM's and the database server's together, per review. */
    private static double cpuPerReview(double[] before, double[] after, long reviews) {
        return ((after[0] - before[0]) + (after[1] - before[1])) * 1000 / reviews;
    }

    private long unitId(String name) throws SQLException {
        return Long.parseLong(scalar("SELECT id FROM org_unit WHERE name = '" + name + "'"));
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
