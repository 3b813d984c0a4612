package cn.cadreflow.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The database going away under a running CadreFlow server and coming back: a private MariaDB server
 * ({@link PrivateMariaDb}, so the shared one is never touched) is killed ({@code kill -9}) during a campaign launch
 * and shut down during a stream of approvals, then started again. The server recovers by itself, nobody restarts it
 * or presses 继续发起, and afterwards the database holds no review without its instance or the reverse and no
 * half-recorded approval (a step moved without its decision in the trail, or the reverse), checked with SQL.
 * The server's log is kept in {@code target/nodes/DatabaseRestartIT}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseRestartIT {

    static final String DATABASE = "cadreflow_restart";
    static final int CAMPAIGN_CADRES = 1500;
    static final int APPROVALS = 40;
    /** How long the database stays away each time. */
    static final Duration DOWN = Duration.ofSeconds(3);

    PrivateMariaDb db;
    NodeProcess node;
    ClusterChecks sql;

    @BeforeAll
    void startAPrivateDatabaseAndAServerOnIt() throws Exception {
        db = PrivateMariaDb.start();
        sql = new ClusterChecks("127.0.0.1", db.port(), "", "root", "");
        sql.jdbc.update("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        sql = new ClusterChecks("127.0.0.1", db.port(), DATABASE, "root", "");
        node = NodeProcess.start("restart-node", TwoNodesIT.LOGS.resolveSibling("DatabaseRestartIT").resolve("node.log"),
                NodeProcess.serverArguments("restart-node", "127.0.0.1", db.port(), DATABASE, "root", "", true))
                .awaitReady(TwoNodesIT.START);
    }

    @AfterAll
    void stopTheServerAndTheDatabase() throws Exception {
        try {
            if (node != null) {
                node.close();
            }
        } finally {
            if (db != null) {
                db.close();
            }
        }
    }

    @Test
    @Order(1)
    void aCampaignLaunchFinishesByItselfAfterTheDatabaseWasKilledMidLaunch() throws Exception {
        long town = sql.unitId("青山镇");
        sql.addCadres(sql.unitId("青山村"), CAMPAIGN_CADRES, "青山");
        long cadres = sql.activeCadresUnder(town);
        int year = LocalDate.now().getYear();
        long campaign = Long.parseLong(node.ok("launch", Map.of("year", year, "name", year + "年度青山镇干部考核",
                "units", town, "user", "wangfang")));
        assertThat(ClusterChecks.await(Duration.ofMinutes(2), () -> sql.reviews(campaign) >= 200))
                .as("a few batches launched").isTrue();

        db.kill();
        Thread.sleep(DOWN.toMillis());
        db.startServer();
        long afterRestart = sql.reviews(campaign);
        assertThat(afterRestart).as("the database came back half-way through the launch").isLessThan(cadres);
        System.out.printf("DatabaseRestartIT: database killed and restarted with %d of %d reviews launched%n",
                afterRestart, cadres);

        assertThat(ClusterChecks.await(Duration.ofMinutes(3), () -> "RUNNING".equals(sql.campaignStatus(campaign))))
                .as("the launch went on by itself; the server's log:%n%s", node.tail()).isTrue();
        sql.assertOneReviewAndOneInstancePerCadre(campaign, year, cadres);
    }

    @Test
    @Order(2)
    void aStreamOfApprovalsGoesOnAfterTheDatabaseRestartedWithNoneHalfRecorded() throws Exception {
        List<String> instances = Arrays.asList(node.ok("submit", Map.of("user", "zhangwei", "n", APPROVALS))
                .split(","));
        Map<String, String> leaderTask = new LinkedHashMap<>();
        for (String pi : instances) {
            leaderTask.put(pi, sql.jdbc.queryForObject("SELECT ID_ FROM ACT_RU_TASK WHERE PROC_INST_ID_ = ?",
                    String.class, pi));
        }

        // the unit leader approves one request after the other; a third of the way in, the database shuts down and
        // starts again while the approvals go on
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> undecided = new ArrayList<>();
        Thread restart = null;
        int sent = 0;
        for (String task : leaderTask.values()) {
            if (sent++ == APPROVALS / 3) {
                restart = new Thread(() -> {
                    try {
                        db.stop();
                        Thread.sleep(DOWN.toMillis());
                        db.startServer();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }, "database restart");
                restart.start();
            }
            String outcome = node.call("decide", Map.of("task", task, "user", "lijun", "opinion", "同意，工作已安排。"));
            outcomes.merge(outcome.startsWith("error") ? "error" : outcome, 1, Integer::sum);
            if (!outcome.equals("ok")) {
                undecided.add(task);
            }
        }
        restart.join();
        // what failed while the database was away is done again, as the leader would click again
        for (String task : undecided) {
            String again = node.call("decide", Map.of("task", task, "user", "lijun", "opinion", "同意，工作已安排。"));
            assertThat(again).as("approving %s again once the database is back", task)
                    .isIn("ok", "refused workflow.error.taskGone");
        }
        System.out.printf("DatabaseRestartIT: %d approvals across a database restart: %s; %d done again%n",
                APPROVALS, outcomes, undecided.size());

        for (Map.Entry<String, String> request : leaderTask.entrySet()) {
            assertThat(sql.count("SELECT COUNT(*) FROM workflow_action WHERE task_id = ? AND action = 'APPROVE'",
                    request.getValue())).as("one approval of %s", request.getKey()).isEqualTo(1);
            assertThat(sql.jdbc.queryForList("SELECT TASK_DEF_KEY_ FROM ACT_RU_TASK WHERE PROC_INST_ID_ = ?",
                    String.class, request.getKey())).as("moved one step").containsExactly("hrApproval");
            assertThat(sql.jdbc.queryForObject("SELECT status FROM training_leave_request WHERE process_instance_id = ?",
                    String.class, request.getKey())).isEqualTo("PENDING_HR");
        }
        sql.assertNoHalfRecordedApproval();
    }
}
