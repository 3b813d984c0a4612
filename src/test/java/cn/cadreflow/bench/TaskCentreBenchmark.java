package cn.cadreflow.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import cn.cadreflow.CadreFlowApplication;
import cn.cadreflow.workflow.TaskFilter;
import cn.cadreflow.workflow.internal.query.TaskLists;
import cn.cadreflow.workflow.internal.query.TaskRow;
import cn.cadreflow.workflow.UserDirectory;

/**
 * The task centre at size: fills a fresh MariaDB database with 100,000 open and 1,000,000 completed tasks,
 * in Camunda's tables and in our wf_task read model alike, then times page 1 of 待办 and 已办 for an HR
 * officer with several candidate groups, next to the same lists asked of Camunda's own queries on the
 * engine's default indexes. A main class, not a test: {@code mvn -B -DskipFrontend -DskipTests -Pbench verify}
 * (see docs/benchmarks.md).
 *
 * <p>Settings (system properties): bench.open, bench.done (row counts), bench.groups (candidate groups in
 * all), bench.warmup, bench.reps (rounds), bench.keep=true (keep the database for EXPLAIN). The database
 * server comes from CADREFLOW_TEST_DB_HOST, _PORT, _USER, _PASSWORD (default 127.0.0.1:3306, root, no
 * password).
 */
public final class TaskCentreBenchmark extends BenchSql {

    static final String OFFICER = "wangfang";
    static final int PAGE = 50;
    static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final int open = intProperty("bench.open", 100_000);
    private final int done = intProperty("bench.done", 1_000_000);
    private final int groupCount = intProperty("bench.groups", 200);
    private final int warmup = intProperty("bench.warmup", 30);
    private final int reps = intProperty("bench.reps", 200);
    private final int batch = 100_000;

    private final ConfigurableApplicationContext app;
    private final TaskLists lists;
    private final TaskService tasks;
    private final HistoryService history;
    private List<String> officerGroups;

    private TaskCentreBenchmark(ConfigurableApplicationContext app, Connection sql) {
        super(sql);
        this.app = app;
        this.lists = app.getBean(TaskLists.class);
        this.tasks = app.getBean(TaskService.class);
        this.history = app.getBean(HistoryService.class);
    }

    public static void main(String[] args) throws Exception {
        String host = env("CADREFLOW_TEST_DB_HOST", "127.0.0.1");
        String port = env("CADREFLOW_TEST_DB_PORT", "3306");
        String user = env("CADREFLOW_TEST_DB_USER", "root");
        String password = env("CADREFLOW_TEST_DB_PASSWORD", "");
        String database = "cadreflow_bench_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss"))
                + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        String server = "jdbc:mysql://" + host + ":" + port + "/?useSSL=false&allowPublicKeyRetrieval=true";
        try (Connection c = DriverManager.getConnection(server, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        boolean keep = Boolean.getBoolean("bench.keep");
        ConfigurableApplicationContext app = null;
        try {
            long started = System.nanoTime();
            app = new SpringApplicationBuilder(CadreFlowApplication.class)
                    .web(WebApplicationType.SERVLET) // Vaadin's security configuration needs a servlet context
                    .profiles("mysql")
                    .run("--DB_HOST=" + host, "--DB_PORT=" + port, "--DB_NAME=" + database, "--DB_USER=" + user,
                            "--DB_PASSWORD=" + password,
                            "--cadreflow.demo-data=true",
                            "--camunda.bpm.job-execution.enabled=false",
                            "--server.port=0",
                            "--spring.main.banner-mode=off",
                            "--logging.level.root=WARN");
            System.out.printf(Locale.ROOT, "%nApp started with profile mysql on database %s in %.1f s%n", database,
                    seconds(started));
            String url = app.getEnvironment().getProperty("spring.datasource.url");
            try (Connection c = DriverManager.getConnection(url, user, password)) {
                new TaskCentreBenchmark(app, c).run();
            }
        } finally {
            if (app != null) {
                app.close();
            }
            if (keep) {
                System.out.println("Kept database " + database + " (bench.keep=true): drop it by hand.");
            } else {
                try (Connection c = DriverManager.getConnection(server, user, password);
                     Statement s = c.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS `" + database + "`");
                }
                System.out.println("Dropped database " + database + ".");
            }
        }
    }

    private void run() throws SQLException {
        UserDirectory directory = app.getBean(UserDirectory.class);
        officerGroups = directory.groupsOf(OFFICER).stream().map(UserDirectory.DirectoryGroup::id).toList();
        List<String> pool = groupPool();

        long fillStarted = System.nanoTime();
        Map<String, Double> steps = fill(pool);
        double fillSeconds = seconds(fillStarted);

        System.out.println();
        System.out.println("== Task-centre benchmark (MariaDB " + scalar("SELECT VERSION()") + ", InnoDB buffer pool "
                + Long.parseLong(scalar("SELECT @@innodb_buffer_pool_size")) / (1024 * 1024) + " MB) ==");
        System.out.printf(Locale.ROOT, "Fill: %.1f s in all (%s)%n", fillSeconds, describe(steps));
        describeData(pool);

        // Baseline first: Camunda's tables with nothing but the engine's own indexes.
        List<String[]> ours = indexesOfOursOnEngineTables();
        for (String[] ix : ours) {
            exec("DROP INDEX " + ix[0] + " ON " + ix[1]);
        }
        if (!ours.isEmpty()) {
            System.out.println("Dropped for the baseline our migrations' indexes on engine tables: "
                    + ours.stream().map(ix -> ix[0] + " ON " + ix[1] + "(" + ix[2] + ")").toList());
        }
        String[] indexes = engineIndexes();
        System.out.println("Indexes on ACT_RU_TASK:       " + indexes[0]);
        System.out.println("Indexes on ACT_RU_IDENTITYLINK: " + indexes[1]);
        System.out.println("Indexes on ACT_HI_TASKINST:   " + indexes[2]);

        List<Query> queries = List.of(
                new Query("(a) 待办 ours     TaskLists.list(TODO, 0, 50)", this::oursTodo),
                new Query("(b) 待办 Camunda  TaskQuery or(assignee, candidateGroupIn)", this::camundaTodo),
                new Query("(c) 已办 ours     TaskLists.list(DONE, 0, 50)", this::oursDone),
                new Query("(d) 已办 Camunda  HistoricTaskInstanceQuery assignee finished", this::camundaDone));
        checkSamePages();
        System.out.printf(Locale.ROOT, "%nPhase 1: engine tables on the engine's default indexes only. %d warm-up "
                + "rounds, then %d rounds; a round runs each query once, in turn.%n", warmup, reps);
        System.out.println("Load before: " + load());
        Map<Query, double[]> phase1 = measure(queries);
        System.out.println("Load after:  " + load());
        print(phase1);
        System.out.printf(Locale.ROOT, "ours/Camunda  待办: p50 %s, p95 %s    已办: p50 %s, p95 %s%n",
                ratio(phase1.get(queries.get(0)), phase1.get(queries.get(1)), 50),
                ratio(phase1.get(queries.get(0)), phase1.get(queries.get(1)), 95),
                ratio(phase1.get(queries.get(2)), phase1.get(queries.get(3)), 50),
                ratio(phase1.get(queries.get(2)), phase1.get(queries.get(3)), 95));
        double worst = Math.max(percentile(phase1.get(queries.get(0)), 95), percentile(phase1.get(queries.get(2)), 95));
        System.out.printf(Locale.ROOT, "Target p95 < 100 ms for ours: %s (worst p95 %.1f ms)%n",
                worst < 100 ? "met" : "MISSED", worst);

        // What an index on completed tasks by assignee would buy Camunda's own 已办 query.
        boolean restored = false;
        for (String[] ix : ours) {
            exec("CREATE INDEX " + ix[0] + " ON " + ix[1] + " (" + ix[2] + ")");
            restored = true;
        }
        String temporary = null;
        if (ours.stream().noneMatch(ix -> ix[1].equalsIgnoreCase("ACT_HI_TASKINST")
                && ix[2].toUpperCase(Locale.ROOT).startsWith("ASSIGNEE_,END_TIME_"))) {
            temporary = "bench_hi_task_assignee_end";
            exec("CREATE INDEX " + temporary + " ON ACT_HI_TASKINST (ASSIGNEE_, END_TIME_)");
        }
        exec("ANALYZE TABLE ACT_HI_TASKINST");
        System.out.printf(Locale.ROOT, "%nPhase 2: Camunda's 已办 again, with %s.%n", temporary != null
                ? "a temporary index ACT_HI_TASKINST(ASSIGNEE_, END_TIME_) made by the benchmark (not by our migrations)"
                : restored ? "our migrations' indexes on engine tables restored" : "no change");
        Map<Query, double[]> phase2 = measure(List.of(
                new Query("(d') 已办 Camunda HistoricTaskInstanceQuery, indexed", this::camundaDone)));
        print(phase2);
        if (temporary != null) {
            exec("DROP INDEX " + temporary + " ON ACT_HI_TASKINST");
        }
    }

    // ---- the four queries --------------------------------------------------------------------------------

    private List<TaskRow> oursTodo() {
        return lists.list(OFFICER, TaskLists.Box.TODO, TaskFilter.NONE, 0, PAGE);
    }

    private List<Task> camundaTodo() {
        return tasks.createTaskQuery().or().taskAssignee(OFFICER).taskCandidateGroupIn(officerGroups).endOr()
                .orderByTaskCreateTime().desc().listPage(0, PAGE);
    }

    private List<TaskRow> oursDone() {
        return lists.list(OFFICER, TaskLists.Box.DONE, TaskFilter.NONE, 0, PAGE);
    }

    private List<HistoricTaskInstance> camundaDone() {
        return history.createHistoricTaskInstanceQuery().taskAssignee(OFFICER).finished()
                .orderByHistoricTaskInstanceEndTime().desc().listPage(0, PAGE);
    }

    /** Both sides must list the same tasks in the same order, or the timings compare nothing. */
    private void checkSamePages() {
        List<String> a = oursTodo().stream().map(TaskRow::taskId).toList();
        List<String> b = camundaTodo().stream().map(Task::getId).toList();
        List<String> c = oursDone().stream().map(TaskRow::taskId).toList();
        List<String> d = camundaDone().stream().map(HistoricTaskInstance::getId).toList();
        System.out.printf(Locale.ROOT, "Page 1 待办: ours %d rows, Camunda %d rows, same tasks in the same order: %s%n",
                a.size(), b.size(), a.equals(b) ? "yes" : "NO");
        System.out.printf(Locale.ROOT, "Page 1 已办: ours %d rows, Camunda %d rows, same tasks in the same order: %s%n",
                c.size(), d.size(), c.equals(d) ? "yes" : "NO");
        if (!a.equals(b) || !c.equals(d) || a.size() != PAGE || c.size() != PAGE) {
            throw new IllegalStateException("The two sides disagree: " + a + " / " + b + " ; " + c + " / " + d);
        }
    }

    // ---- filling --------------------------------------------------------------------------------------------

    /** About 200 candidate groups: every demo unit's hr-/leader- groups, then synthetic units' ones. */
    private List<String> groupPool() throws SQLException {
        List<String> pool = new ArrayList<>();
        try (Statement s = sql.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM org_unit ORDER BY id")) {
            while (rs.next()) {
                pool.add("hr-" + rs.getLong(1));
                pool.add("leader-" + rs.getLong(1));
            }
        }
        for (long unit = 100_001; pool.size() < groupCount; unit++) {
            pool.add("hr-" + unit);
            if (pool.size() < groupCount) {
                pool.add("leader-" + unit);
            }
        }
        return pool;
    }

    private Map<String, Double> fill(List<String> pool) throws SQLException {
        Map<String, Double> steps = new LinkedHashMap<>();
        String base = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS).minusMinutes(10).format(SQL_TIME);
        exec("SET SESSION foreign_key_checks = 0");
        exec("SET SESSION unique_checks = 0");
        exec("CREATE TABLE bench_group (idx INT PRIMARY KEY, group_id VARCHAR(100) NOT NULL)");
        try (PreparedStatement p = sql.prepareStatement("INSERT INTO bench_group VALUES (?, ?)")) {
            for (int i = 0; i < pool.size(); i++) {
                p.setInt(1, i);
                p.setString(2, pool.get(i));
                p.addBatch();
            }
            p.executeBatch();
        }
        // One row per task, computed from the sequence number alone, so that every table gets the same data.
        // Open: one created every 150 s back from base; a candidate group each, a second one for every 4th;
        // 1 in 10 claimed by someone, every 500th assigned to the officer.
        exec("CREATE VIEW bench_open AS SELECT seq AS s,"
                + " CONCAT('bench-open-', LPAD(seq, 7, '0')) AS task_id,"
                + " TIMESTAMP '" + base + "' - INTERVAL (" + open + " - seq) * 150 SECOND AS created,"
                + " CASE WHEN seq MOD 500 = 0 THEN '" + OFFICER + "'"
                + "  WHEN CRC32(CONCAT('a', seq)) MOD 10 = 0 THEN CONCAT('user', LPAD(CRC32(CONCAT('b', seq)) MOD 1000, 4, '0'))"
                + " END AS assignee,"
                + " CRC32(CONCAT('g', seq)) MOD " + pool.size() + " AS g1,"
                + " CASE WHEN seq MOD 4 = 0 THEN CRC32(CONCAT('h', seq)) MOD " + pool.size() + " END AS g2,"
                + " CONCAT('bench-pi-o', LPAD(seq, 7, '0')) AS instance,"
                + " CONCAT('user', LPAD(CRC32(CONCAT('c', seq)) MOD 1000, 4, '0')) AS starter,"
                + " CASE WHEN seq MOD 3 = 0 THEN TIMESTAMP '" + base + "' + INTERVAL CAST(seq MOD 20 AS SIGNED) - 5 DAY END AS due"
                + " FROM seq_1_to_" + open);
        // Completed: one ended every 60 s back from base, after 10 min to 3 days of work; spread over 1000
        // people, every 300th completed by the officer.
        exec("CREATE VIEW bench_done AS SELECT seq AS s,"
                + " CONCAT('bench-done-', LPAD(seq, 7, '0')) AS task_id,"
                + " TIMESTAMP '" + base + "' - INTERVAL (" + done + " - seq) * 60 SECOND AS ended,"
                + " 600 + CRC32(CONCAT('d', seq)) MOD 259200 AS seconds,"
                + " CASE WHEN seq MOD 300 = 0 THEN '" + OFFICER + "'"
                + "  ELSE CONCAT('user', LPAD(CRC32(CONCAT('e', seq)) MOD 1000, 4, '0')) END AS assignee,"
                + " CONCAT('bench-pi-d', LPAD(seq, 7, '0')) AS instance,"
                + " CONCAT('user', LPAD(CRC32(CONCAT('f', seq)) MOD 1000, 4, '0')) AS starter"
                + " FROM seq_1_to_" + done);

        long t = System.nanoTime();
        batches(open, "INSERT INTO ACT_RU_TASK (ID_, REV_, NAME_, TASK_DEF_KEY_, ASSIGNEE_, PRIORITY_, CREATE_TIME_,"
                + " DUE_DATE_, SUSPENSION_STATE_, TASK_STATE_)"
                + " SELECT task_id, 1, '组织部审核', 'hrApproval', assignee, 50, created, due, 1, 'Created'"
                + " FROM bench_open WHERE s BETWEEN ? AND ?");
        batches(open, "INSERT INTO ACT_RU_IDENTITYLINK (ID_, REV_, GROUP_ID_, TYPE_, TASK_ID_)"
                + " SELECT CONCAT('bench-link-', LPAD(o.s, 7, '0'), '-1'), 1, g.group_id, 'candidate', o.task_id"
                + " FROM bench_open o JOIN bench_group g ON g.idx = o.g1 WHERE o.s BETWEEN ? AND ?");
        batches(open, "INSERT INTO ACT_RU_IDENTITYLINK (ID_, REV_, GROUP_ID_, TYPE_, TASK_ID_)"
                + " SELECT CONCAT('bench-link-', LPAD(o.s, 7, '0'), '-2'), 1, g.group_id, 'candidate', o.task_id"
                + " FROM bench_open o JOIN bench_group g ON g.idx = o.g2 WHERE o.g2 <> o.g1 AND o.s BETWEEN ? AND ?");
        batches(open, "INSERT INTO ACT_HI_TASKINST (ID_, TASK_DEF_KEY_, PROC_DEF_KEY_, PROC_INST_ID_,"
                + " ROOT_PROC_INST_ID_, EXECUTION_ID_, NAME_, ASSIGNEE_, START_TIME_, PRIORITY_, DUE_DATE_, TASK_STATE_)"
                + " SELECT task_id, 'hrApproval', 'trainingLeave', instance, instance, instance, '组织部审核', assignee,"
                + " created, 50, due, 'Created' FROM bench_open WHERE s BETWEEN ? AND ?");
        steps.put("open tasks in Camunda's tables", seconds(t));

        t = System.nanoTime();
        batches(open, "INSERT INTO wf_task (task_id, process_instance_id, process_key, step_key, name, business_key,"
                + " starter, unit_id, cadre_name, assignee, state, created_at, due_at)"
                + " SELECT task_id, instance, 'trainingLeave', 'hrApproval', '组织部审核', CONCAT('TL-', s), starter,"
                + " NULL, CONCAT('干部', s MOD 997), assignee, 'OPEN', created, due FROM bench_open WHERE s BETWEEN ? AND ?");
        batches(open, "INSERT INTO wf_task_candidate (group_id, created_at, task_id)"
                + " SELECT g.group_id, o.created, o.task_id FROM bench_open o JOIN bench_group g ON g.idx = o.g1"
                + " WHERE o.s BETWEEN ? AND ?");
        batches(open, "INSERT INTO wf_task_candidate (group_id, created_at, task_id)"
                + " SELECT g.group_id, o.created, o.task_id FROM bench_open o JOIN bench_group g ON g.idx = o.g2"
                + " WHERE o.g2 <> o.g1 AND o.s BETWEEN ? AND ?");
        steps.put("open tasks in wf_task", seconds(t));

        t = System.nanoTime();
        batches(done, "INSERT INTO ACT_HI_TASKINST (ID_, TASK_DEF_KEY_, PROC_DEF_KEY_, PROC_INST_ID_,"
                + " ROOT_PROC_INST_ID_, EXECUTION_ID_, NAME_, ASSIGNEE_, START_TIME_, END_TIME_, DURATION_,"
                + " DELETE_REASON_, PRIORITY_, TASK_STATE_)"
                + " SELECT task_id, 'hrApproval', 'trainingLeave', instance, instance, instance, '组织部审核', assignee,"
                + " ended - INTERVAL seconds SECOND, ended, seconds * 1000, 'completed', 50, 'Completed'"
                + " FROM bench_done WHERE s BETWEEN ? AND ?");
        steps.put("completed tasks in ACT_HI_TASKINST", seconds(t));

        t = System.nanoTime();
        batches(done, "INSERT INTO wf_task (task_id, process_instance_id, process_key, step_key, name, business_key,"
                + " starter, unit_id, cadre_name, assignee, state, created_at, ended_at, completed_by)"
                + " SELECT task_id, instance, 'trainingLeave', 'hrApproval', '组织部审核', CONCAT('TL-', s), starter,"
                + " NULL, CONCAT('干部', s MOD 997), assignee, 'DONE', ended - INTERVAL seconds SECOND, ended, assignee"
                + " FROM bench_done WHERE s BETWEEN ? AND ?");
        steps.put("completed tasks in wf_task", seconds(t));

        t = System.nanoTime();
        exec("ANALYZE TABLE ACT_RU_TASK, ACT_RU_IDENTITYLINK, ACT_HI_TASKINST, wf_task, wf_task_candidate");
        steps.put("ANALYZE TABLE", seconds(t));
        exec("SET SESSION foreign_key_checks = 1");
        exec("SET SESSION unique_checks = 1");
        return steps;
    }

    private void batches(int rows, String insert) throws SQLException {
        try (PreparedStatement p = sql.prepareStatement(insert)) {
            for (int from = 1; from <= rows; from += batch) {
                p.setInt(1, from);
                p.setInt(2, Math.min(rows, from + batch - 1));
                p.executeUpdate();
            }
        }
    }

    private void describeData(List<String> pool) throws SQLException {
        System.out.printf(Locale.ROOT, "Data: %s open tasks in ACT_RU_TASK with %s candidate links over %d groups,"
                        + " %s completed in ACT_HI_TASKINST (%s rows with the open ones); wf_task %s rows,"
                        + " wf_task_candidate %s%n",
                scalar("SELECT COUNT(*) FROM ACT_RU_TASK"), scalar("SELECT COUNT(*) FROM ACT_RU_IDENTITYLINK"),
                pool.size(), scalar("SELECT COUNT(*) FROM ACT_HI_TASKINST WHERE END_TIME_ IS NOT NULL"),
                scalar("SELECT COUNT(*) FROM ACT_HI_TASKINST"), scalar("SELECT COUNT(*) FROM wf_task"),
                scalar("SELECT COUNT(*) FROM wf_task_candidate"));
        String in = String.join(",", officerGroups.stream().map(g -> "'" + g + "'").toList());
        System.out.printf(Locale.ROOT, "Officer %s: groups %s, %s of them with open tasks: %s unclaimed candidate"
                        + " tasks, %s assigned to them; 待办 holds %d (Camunda's count: %d); 已办 %d (Camunda's count: %d)%n",
                OFFICER, officerGroups,
                scalar("SELECT COUNT(DISTINCT GROUP_ID_) FROM ACT_RU_IDENTITYLINK WHERE TASK_ID_ IS NOT NULL AND GROUP_ID_ IN (" + in + ")"),
                scalar("SELECT COUNT(DISTINCT l.TASK_ID_) FROM ACT_RU_IDENTITYLINK l JOIN ACT_RU_TASK t ON t.ID_ = l.TASK_ID_"
                        + " WHERE t.ASSIGNEE_ IS NULL AND l.GROUP_ID_ IN (" + in + ")"),
                scalar("SELECT COUNT(*) FROM ACT_RU_TASK WHERE ASSIGNEE_ = '" + OFFICER + "'"),
                lists.count(OFFICER, TaskLists.Box.TODO, TaskFilter.NONE),
                tasks.createTaskQuery().or().taskAssignee(OFFICER).taskCandidateGroupIn(officerGroups).endOr().count(),
                lists.count(OFFICER, TaskLists.Box.DONE, TaskFilter.NONE),
                history.createHistoricTaskInstanceQuery().taskAssignee(OFFICER).finished().count());
    }

    /** Indexes our migrations (sql/, named ix_...) put on engine tables. */
    private List<String[]> indexesOfOursOnEngineTables() throws SQLException {
        List<String[]> result = new ArrayList<>();
        try (Statement s = sql.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT INDEX_NAME, TABLE_NAME, GROUP_CONCAT(COLUMN_NAME ORDER BY SEQ_IN_INDEX) FROM information_schema.STATISTICS"
                        + " WHERE TABLE_SCHEMA = DATABASE() AND UPPER(TABLE_NAME) LIKE 'ACT\\_%'"
                        + " AND LOWER(INDEX_NAME) LIKE 'ix\\_%'"
                        + " GROUP BY INDEX_NAME, TABLE_NAME")) {
            while (rs.next()) {
                result.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
        }
        return result;
    }

    private String[] engineIndexes() throws SQLException {
        String[] tables = {"ACT_RU_TASK", "ACT_RU_IDENTITYLINK", "ACT_HI_TASKINST"};
        String[] result = new String[tables.length];
        for (int i = 0; i < tables.length; i++) {
            result[i] = scalar("SELECT GROUP_CONCAT(CONCAT(INDEX_NAME, '(', cols, ')') ORDER BY INDEX_NAME SEPARATOR ', ')"
                    + " FROM (SELECT INDEX_NAME, GROUP_CONCAT(COLUMN_NAME ORDER BY SEQ_IN_INDEX) AS cols"
                    + " FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '"
                    + tables[i] + "' GROUP BY INDEX_NAME) x");
        }
        return result;
    }

    // ---- timing ---------------------------------------------------------------------------------------------

    record Query(String label, Supplier<List<?>> run) {
    }

    private Map<Query, double[]> measure(List<Query> queries) {
        Map<Query, double[]> times = new LinkedHashMap<>();
        queries.forEach(q -> times.put(q, new double[reps]));
        for (int round = -warmup; round < reps; round++) {
            for (Query q : queries) {
                long t = System.nanoTime();
                int size = q.run().get().size();
                double ms = (System.nanoTime() - t) / 1e6;
                if (size != PAGE) {
                    throw new IllegalStateException(q.label() + " returned " + size + " rows");
                }
                if (round >= 0) {
                    times.get(q)[round] = ms;
                }
            }
        }
        times.values().forEach(Arrays::sort);
        return times;
    }

    private void print(Map<Query, double[]> times) {
        System.out.printf(Locale.ROOT, "%-64s %5s %8s %8s %8s%n", "query (page 1, 50 rows)", "rows", "p50 ms",
                "p95 ms", "max ms");
        times.forEach((q, t) -> System.out.printf(Locale.ROOT, "%-64s %5d %8.1f %8.1f %8.1f%n", q.label(), PAGE,
                percentile(t, 50), percentile(t, 95), t[t.length - 1]));
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static String ratio(double[] ours, double[] camunda, int p) {
        return String.format(Locale.ROOT, "%.3f", percentile(ours, p) / percentile(camunda, p));
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static String describe(Map<String, Double> steps) {
        List<String> parts = new ArrayList<>();
        steps.forEach((k, v) -> parts.add(String.format(Locale.ROOT, "%s %.1f s", k, v)));
        return String.join(", ", parts);
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static int intProperty(String name, int fallback) {
        return Integer.getInteger(name, fallback);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isEmpty() ? fallback : value;
    }
}
