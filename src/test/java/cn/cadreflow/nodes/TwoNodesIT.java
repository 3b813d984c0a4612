package cn.cadreflow.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import cn.cadreflow.MariaDbApp;

/**
 * Two CadreFlow servers, two operating-system processes, on one MariaDB database, as a cluster runs them: each with
 * its own job executor, neither knowing of the other except through the database. Driven through each node's own
 * services ({@link NodeMain}), checked with SQL.
 * <ol>
 * <li>1,000 timers due at the same moment fire exactly once each, shared between both job executors;</li>
 * <li>the inbox (待办) counts the same on either node;</li>
 * <li>the same task approved on both nodes at the same moment: one approval wins, the other is told;</li>
 * <li>a campaign launch on node A killed with {@code kill -9} half-way is taken over by node B, without anyone
 * pressing 继续发起, and ends with exactly one review and one instance per cadre; node A, started again, shows the
 * same inbox as B.</li>
 * </ol>
 * The server comes from {@code CADREFLOW_TEST_DB_*} as for {@link MariaDbApp}; the test fails, not skips, without it.
 * The nodes' logs are kept in {@code target/nodes/TwoNodesIT}. {@code -Dcadreflow.nodes.timers=N} changes the 1,000.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

    static final int TIMERS = Integer.getInteger("cadreflow.nodes.timers", 1000);
    static final int ROUNDS = 6;
    /** Extra cadres of 青山村 for the campaign, enough for the launch to be killed half-way. */
    static final int CAMPAIGN_CADRES = 2000;
    static final Duration START = Duration.ofMinutes(4);
    static final String SECOND_HR = "zhoujie";
    static final Set<String> LOSER_KEYS = Set.of("refused workflow.error.taskTaken", "refused workflow.error.taskGone");
    static final Path LOGS = Path.of("target", "nodes", "TwoNodesIT");

    MariaDbApp db;
    NodeProcess a;
    NodeProcess b;
    ClusterChecks sql;
    long qingshanTown;
    ExecutorService callers = Executors.newFixedThreadPool(2);

    @BeforeAll
    void startTwoNodesOnOneFreshDatabase() throws Exception {
        db = MariaDbApp.create("cadreflow_nodes");
        sql = new ClusterChecks(MariaDbApp.HOST, MariaDbApp.PORT, db.database(), MariaDbApp.USER, MariaDbApp.PASSWORD);
        // both at once on the empty database, as a cluster is first rolled out: the migrations, the engine's tables
        // and the deployment happen once; the demo data is asked of node A only
        a = node("node-a", "node-a.log", true);
        b = node("node-b", "node-b.log", false);
        a.awaitReady(START);
        b.awaitReady(START);
        qingshanTown = sql.unitId("青山镇");
        long county = sql.unitId("清河县");
        sql.jdbc.update("INSERT INTO app_user (username, password_hash, display_name, enabled) VALUES (?, ?, ?, TRUE)",
                SECOND_HR, "not-for-login", "周杰");
        long user = sql.count("SELECT id FROM app_user WHERE username = ?", SECOND_HR);
        sql.jdbc.update("INSERT INTO user_role (user_id, role, unit_id) VALUES (?, 'HR_OFFICER', ?)", user, county);
    }

    @AfterAll
    void stopTheNodesAndDropTheDatabase() throws Exception {
        callers.shutdownNow();
        try {
            for (NodeProcess node : new NodeProcess[] {a, b}) {
                if (node != null) {
                    node.close();
                }
            }
        } finally {
            if (db != null) {
                db.close();
            }
        }
    }

    NodeProcess node(String name, String log, boolean demoData) throws Exception {
        return NodeProcess.start(name, LOGS.resolve(log), NodeProcess.serverArguments(name, MariaDbApp.HOST, MariaDbApp.PORT,
                db.database(), MariaDbApp.USER, MariaDbApp.PASSWORD, demoData));
    }

    @Test
    @Order(1)
    void aThousandTimersDueAtOnceFireExactlyOnceEachAcrossBothJobExecutors() throws Exception {
        // started by sunli (HR of another county): a process is about its starter unless it names another subject,
        // and 回避 keeps a step about a person out of that person's 待办, so the officers who handle these are not it
        a.ok("timers", Map.of("n", TIMERS, "due", "2099-01-01T00:00:00", "unit", qingshanTown, "user", "sunli"));
        assertThat(timerJobs()).isEqualTo(TIMERS);
        assertThat(sql.count("SELECT COUNT(*) FROM wf_task WHERE process_key = ?", NodeMain.TIMER_PROCESS)).isZero();

        // the clock reaches all of them at once
        long started = System.nanoTime();
        sql.jdbc.update("UPDATE ACT_RU_JOB SET DUEDATE_ = NOW() - INTERVAL 1 SECOND WHERE PROCESS_DEF_KEY_ = ?",
                NodeMain.TIMER_PROCESS);
        assertThat(ClusterChecks.await(Duration.ofMinutes(3), () -> timerJobs() == 0))
                .as("every timer fired within three minutes; %d left", timerJobs()).isTrue();
        System.out.printf("TwoNodesIT: %d timers fired in %.1f s, by executor: %s%n", TIMERS,
                (System.nanoTime() - started) / 1e9, sql.rows("SELECT HOSTNAME_, COUNT(*) AS jobs FROM ACT_HI_JOB_LOG"
                        + " WHERE PROCESS_DEF_KEY_ = ? AND JOB_STATE_ = 2 GROUP BY HOSTNAME_", NodeMain.TIMER_PROCESS));

        // once each: one successful run per job, one task per instance, each created once
        assertThat(sql.count("SELECT COUNT(*) FROM ACT_HI_JOB_LOG WHERE PROCESS_DEF_KEY_ = ? AND JOB_STATE_ = 2",
                NodeMain.TIMER_PROCESS)).as("successful timer runs").isEqualTo(TIMERS);
        assertThat(sql.count("SELECT COUNT(DISTINCT JOB_ID_) FROM ACT_HI_JOB_LOG WHERE PROCESS_DEF_KEY_ = ?"
                + " AND JOB_STATE_ = 2", NodeMain.TIMER_PROCESS)).as("timers that ran").isEqualTo(TIMERS);
        assertThat(sql.count("SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE PROC_DEF_KEY_ = ? AND ACT_ID_ = 'due'"
                + " AND END_TIME_ IS NOT NULL", NodeMain.TIMER_PROCESS)).as("timer events passed").isEqualTo(TIMERS);
        assertThat(sql.count("SELECT COUNT(*) FROM ACT_HI_TASKINST WHERE PROC_DEF_KEY_ = ?", NodeMain.TIMER_PROCESS))
                .as("tasks the timers opened").isEqualTo(TIMERS);
        assertThat(sql.count("SELECT COUNT(*) FROM wf_task WHERE process_key = ? AND state = 'OPEN'",
                NodeMain.TIMER_PROCESS)).as("the same in the task centre").isEqualTo(TIMERS);
        assertThat(sql.count("SELECT COUNT(DISTINCT process_instance_id) FROM wf_task WHERE process_key = ?",
                NodeMain.TIMER_PROCESS)).as("one task per instance").isEqualTo(TIMERS);
        // both executors took part
        assertThat(sql.jdbc.queryForList("SELECT DISTINCT HOSTNAME_ FROM ACT_HI_JOB_LOG WHERE PROCESS_DEF_KEY_ = ?"
                + " AND JOB_STATE_ = 2", String.class, NodeMain.TIMER_PROCESS))
                .containsExactlyInAnyOrder("node-a", "node-b");
    }

    @Test
    @Order(2)
    void theInboxOfEitherNodeShowsTheSameCounts() {
        Map<String, Long> inboxes = sameInboxOnBoth(a, b);
        assertThat(inboxes.get("wangfang")).as("wangfang's 待办 holds the timers' tasks").isGreaterThanOrEqualTo(TIMERS);
    }

    @Test
    @Order(3)
    void theSameTaskApprovedFromBothNodesAtOnceHasOneWinner() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            // two HR officers, one on each node; then one officer whose two clicks reach both nodes
            String otherOfficer = round % 2 == 0 ? SECOND_HR : "wangfang";
            String pi = a.ok("submit", Map.of("user", "zhangwei", "from", round));
            a.ok("decide", Map.of("task", openTask(pi), "user", "lijun"));
            String hr = openTask(pi);

            long at = System.currentTimeMillis() + 300;
            Future<String> onA = callers.submit(() -> a.call("decide", Map.of("task", hr, "user", "wangfang",
                    "at", at)));
            Future<String> onB = callers.submit(() -> b.call("decide", Map.of("task", hr, "user", otherOfficer,
                    "at", at)));
            List<String> outcomes = List.of(onA.get(2, TimeUnit.MINUTES), onB.get(2, TimeUnit.MINUTES));

            assertThat(outcomes).as("round %d", round).filteredOn("ok"::equals).hasSize(1);
            assertThat(outcomes).as("round %d: the other is told, in words", round)
                    .filteredOn(o -> !"ok".equals(o)).singleElement().satisfies(o -> assertThat(LOSER_KEYS).contains(o));
            assertThat(sql.count("SELECT COUNT(*) FROM workflow_action WHERE task_id = ? AND action = 'APPROVE'", hr))
                    .as("one approval recorded").isEqualTo(1);
            assertThat(sql.count("SELECT COUNT(*) FROM training_record r JOIN training_leave_request q"
                    + " ON q.id = r.request_id WHERE q.process_instance_id = ?", pi))
                    .as("credited only once the course is attended").isZero();
            assertThat(sql.jdbc.queryForObject("SELECT status FROM training_leave_request WHERE process_instance_id = ?",
                    String.class, pi)).as("approved: 工作交接 follows").isEqualTo("HANDOVER");
            assertThat(sql.count("SELECT COUNT(*) FROM ACT_HI_TASKINST WHERE PROC_INST_ID_ = ?"
                    + " AND TASK_DEF_KEY_ = 'hrApproval'", pi)).isEqualTo(1);
        }
        sql.assertNoHalfRecordedApproval();
    }

    @Test
    @Order(4)
    void aLaunchKilledOnNodeAIsTakenOverByNodeBWithOneReviewAndOneInstancePerCadre() throws Exception {
        long village = sql.unitId("青山村");
        sql.addCadres(village, CAMPAIGN_CADRES, "青山");
        long cadres = sql.activeCadresUnder(qingshanTown);
        int year = LocalDate.now().getYear();

        long campaign = Long.parseLong(a.ok("launch", Map.of("year", year, "name", year + "年度青山镇干部考核",
                "units", qingshanTown, "user", "wangfang")));
        assertThat(ClusterChecks.await(Duration.ofMinutes(2), () -> sql.reviews(campaign) >= 400))
                .as("node A launched a few batches").isTrue();
        a.kill();
        long atKill = sql.reviews(campaign);
        assertThat(atKill).as("killed half-way").isLessThan(cadres);
        System.out.printf("TwoNodesIT: node A killed with %d of %d reviews launched%n", atKill, cadres);

        assertThat(ClusterChecks.await(Duration.ofMinutes(3), () -> "RUNNING".equals(sql.campaignStatus(campaign))))
                .as("node B finished the launch; its log:%n%s", b.tail()).isTrue();
        assertThat(Files.readString(b.log)).contains("Taking over the launch of campaign " + campaign);
        sql.assertOneReviewAndOneInstancePerCadre(campaign, year, cadres);
        assertThat(sql.count("SELECT COUNT(*) FROM appraisal_campaign_launch WHERE campaign_id = ?", campaign))
                .as("the launch row is gone once it ends").isZero();
    }

    @Test
    @Order(5)
    void nodeAStartedAgainShowsTheSameInboxAsNodeB() throws Exception {
        a = node("node-a", "node-a-restarted.log", false).awaitReady(START);
        Map<String, Long> inboxes = sameInboxOnBoth(a, b);
        assertThat(inboxes.get("wangfang")).as("with the reviews' 述职 of cadres without an account")
                .isGreaterThanOrEqualTo(TIMERS + CAMPAIGN_CADRES);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    long timerJobs() {
        return sql.count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE PROCESS_DEF_KEY_ = ?", NodeMain.TIMER_PROCESS);
    }

    String openTask(String pi) {
        List<String> open = sql.jdbc.queryForList("SELECT ID_ FROM ACT_RU_TASK WHERE PROC_INST_ID_ = ?", String.class,
                pi);
        assertThat(open).hasSize(1);
        return open.get(0);
    }

    /** The 待办 counts of a few people, asked of each node: the same on both; the counts. */
    static Map<String, Long> sameInboxOnBoth(NodeProcess one, NodeProcess other) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        List<String> differences = new ArrayList<>();
        for (String user : List.of("wangfang", SECOND_HR, "lijun", "zhangwei", "sunli", "liuyang")) {
            long onOne = Long.parseLong(one.ok("inbox", Map.of("user", user)));
            long onOther = Long.parseLong(other.ok("inbox", Map.of("user", user)));
            counts.put(user, onOne);
            if (onOne != onOther) {
                differences.add(user + ": " + onOne + " on " + one.name + ", " + onOther + " on " + other.name);
            }
        }
        assertThat(differences).as("inbox counts %s", counts).isEmpty();
        return counts;
    }
}
