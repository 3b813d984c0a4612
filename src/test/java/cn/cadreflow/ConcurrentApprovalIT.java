package cn.cadreflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cadreflow.workflow.WorkflowException;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.TaskCommands;
import cn.cadreflow.workflow.WorkflowQueries;

/**
 * Two people acting on the same task at the same moment, on a real MariaDB/MySQL (profile "mysql"), with
 * real threads released together by a barrier: two HR officers approving, claiming, or one approving while
 * the other refuses; the same user double-clicking. Exactly one wins; the other is told, with a
 * {@link WorkflowException} (workflow.error.taskTaken or workflow.error.taskGone), never a raw engine or
 * database exception; and nothing is done twice: one action recorded, one step moved.
 *
 * <p>The server comes from CADREFLOW_TEST_DB_HOST / _PORT / _USER / _PASSWORD (default 127.0.0.1, 3306,
 * root, empty). A fresh utf8mb4 database with a unique name is created for the run and dropped after it.
 * {@code -Dcadreflow.races=N} sets how many fresh requests each kind of race runs on (default 10).
 */
class ConcurrentApprovalIT {

    static final int ROUNDS = Integer.getInteger("cadreflow.races", 10);
    /** A second HR officer over 清河县, added for this test, so that the HR step has two candidates. */
    static final String SECOND_HR = "zhoujie";
    static final Set<String> LOSER_KEYS = Set.of("workflow.error.taskTaken", "workflow.error.taskGone");

    static MariaDbApp db;
    static ConfigurableApplicationContext app;
    static ProcessStarts starts;
    static TaskCommands commands;
    static WorkflowQueries queries;
    static JdbcTemplate jdbc;
    static ExecutorService threads;

    static final AtomicInteger RACES = new AtomicInteger();
    static final Map<String, Integer> LOSERS = new TreeMap<>();

    @BeforeAll
    static void startTheApplicationOnAFreshDatabase() {
        db = MariaDbApp.create("cadreflow_race");
        app = db.start();
        starts = app.getBean(ProcessStarts.class);
        commands = app.getBean(TaskCommands.class);
        queries = app.getBean(WorkflowQueries.class);
        jdbc = new JdbcTemplate(app.getBean(DataSource.class));

        long county = jdbc.queryForObject("SELECT id FROM org_unit WHERE name = '清河县'", Long.class);
        jdbc.update("INSERT INTO app_user (username, password_hash, display_name, enabled) VALUES (?, ?, ?, TRUE)",
                SECOND_HR, "not-for-login", "周杰");
        long user = jdbc.queryForObject("SELECT id FROM app_user WHERE username = ?", Long.class, SECOND_HR);
        jdbc.update("INSERT INTO user_role (user_id, role, unit_id) VALUES (?, 'HR_OFFICER', ?)", user, county);
        long town = jdbc.queryForObject("SELECT id FROM org_unit WHERE name = '青山镇'", Long.class);
        assertThat(queries.groupIds(SECOND_HR)).as("the second officer covers 青山镇").contains("hr-" + town);

        threads = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stopAndDropTheDatabase() {
        System.out.printf("ConcurrentApprovalIT: %d races, each with exactly one winner; losers were told %s%n",
                RACES.get(), LOSERS);
        try {
            if (threads != null) {
                threads.shutdownNow();
            }
        } finally {
            if (db != null) {
                db.close();
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ races

    @Test
    void twoHrOfficersApproveTheLastStepTogether() throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            String pi = submit();
            commands.decide(openTask(pi), "lijun", true, "同意");
            String hr = openTask(pi);

            List<Outcome> outcomes = race(
                    "wangfang", () -> commands.decide(hr, "wangfang", true, "同意"),
                    SECOND_HR, () -> commands.decide(hr, SECOND_HR, true, "同意"));

            String winner = oneWins(outcomes);
            assertThat(actions(hr, "APPROVE")).as("one approval recorded").isEqualTo(1);
            assertThat(actionsOf(pi, "APPROVE")).as("leader's and HR's approvals").isEqualTo(2);
            assertThat(ledger(pi)).as("credited only once the course is attended").isZero();
            assertThat(status(pi)).as("approved: 工作交接 follows").isEqualTo("HANDOVER");
            assertThat(openTasks(pi)).as("moved exactly one step").containsExactly("handover");
            assertThat(completedBy(hr)).isEqualTo(winner);
            assertThat(historicTasks(pi, "hrApproval")).isEqualTo(1);
        }
    }

    @Test
    void theSameHrOfficerDoubleClicksTheLastApproval() throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            String pi = submit();
            commands.decide(openTask(pi), "lijun", true, "同意");
            String hr = openTask(pi);

            List<Outcome> outcomes = race(
                    "wangfang", () -> commands.decide(hr, "wangfang", true, "同意"),
                    "wangfang", () -> commands.decide(hr, "wangfang", true, "同意"));

            oneWins(outcomes);
            assertThat(actions(hr, "APPROVE")).isEqualTo(1);
            assertThat(actions(hr, "CLAIM")).as("no claim recorded for a decision").isZero();
            assertThat(ledger(pi)).as("credited only once the course is attended").isZero();
            assertThat(status(pi)).as("approved: 工作交接 follows").isEqualTo("HANDOVER");
            assertThat(openTasks(pi)).as("moved exactly one step").containsExactly("handover");
        }
    }

    @Test
    void theSameLeaderDoubleClicksApprove() throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            String pi = submit();
            String leader = openTask(pi);

            List<Outcome> outcomes = race(
                    "lijun", () -> commands.decide(leader, "lijun", true, "同意"),
                    "lijun", () -> commands.decide(leader, "lijun", true, "同意"));

            oneWins(outcomes);
            assertThat(actions(leader, "APPROVE")).isEqualTo(1);
            assertThat(openTasks(pi)).as("moved exactly one step").containsExactly("hrApproval");
            assertThat(historicTasks(pi, "leaderApproval")).isEqualTo(1);
            assertThat(historicTasks(pi, "hrApproval")).as("the next step was created once").isEqualTo(1);
            assertThat(status(pi)).isEqualTo("PENDING_HR");
            assertThat(ledger(pi)).isZero();
        }
    }

    @Test
    void twoHrOfficersClaimTogether() throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            String pi = submit();
            commands.decide(openTask(pi), "lijun", true, "同意");
            String hr = openTask(pi);

            List<Outcome> outcomes = race(
                    "wangfang", () -> commands.claim(hr, "wangfang"),
                    SECOND_HR, () -> commands.claim(hr, SECOND_HR));

            String winner = oneWins(outcomes);
            assertThat(actions(hr, "CLAIM")).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT ASSIGNEE_ FROM ACT_RU_TASK WHERE ID_ = ?", String.class, hr))
                    .isEqualTo(winner);
            assertThat(jdbc.queryForObject("SELECT assignee FROM wf_task WHERE task_id = ?", String.class, hr))
                    .isEqualTo(winner);
            assertThat(openTasks(pi)).containsExactly("hrApproval");
            commands.decide(hr, winner, true, "同意");
            assertThat(status(pi)).as("approved: 工作交接 follows").isEqualTo("HANDOVER");
        }
    }

    @Test
    void oneHrOfficerApprovesWhileTheOtherRefuses() throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            String pi = submit();
            commands.decide(openTask(pi), "lijun", true, "同意");
            String hr = openTask(pi);

            List<Outcome> outcomes = race(
                    "wangfang approves", () -> commands.decide(hr, "wangfang", true, "同意"),
                    SECOND_HR + " refuses", () -> commands.decide(hr, SECOND_HR, false, "学时不符"));

            String winner = oneWins(outcomes);
            assertThat(actions(hr, "APPROVE") + actions(hr, "REJECT")).as("one decision recorded").isEqualTo(1);
            if (winner.startsWith("wangfang")) {
                assertThat(actions(hr, "APPROVE")).isEqualTo(1);
                assertThat(ledger(pi)).isZero();
                assertThat(status(pi)).as("approved: 工作交接 follows").isEqualTo("HANDOVER");
                assertThat(openTasks(pi)).containsExactly("handover");
            } else {
                assertThat(actions(hr, "REJECT")).isEqualTo(1);
                assertThat(ledger(pi)).isZero();
                assertThat(status(pi)).as("HR's 不同意 ends the request").isEqualTo("REJECTED");
                assertThat(openTasks(pi)).isEmpty();
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    record Outcome(String who, Throwable error) {
    }

    /** Runs both at the same moment (released together by a barrier) and returns how each ended. */
    static List<Outcome> race(String whoA, Runnable a, String whoB, Runnable b) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<Outcome>> running = new ArrayList<>();
        for (Map.Entry<String, Runnable> entry : List.of(Map.entry(whoA, a), Map.entry(whoB, b))) {
            running.add(threads.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                try {
                    entry.getValue().run();
                    return new Outcome(entry.getKey(), null);
                } catch (Throwable e) {
                    return new Outcome(entry.getKey(), e);
                }
            }));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> f : running) {
            outcomes.add(f.get(120, TimeUnit.SECONDS));
        }
        RACES.incrementAndGet();
        return outcomes;
    }

    /** Exactly one succeeded and the other was told why, in words; returns the winner. */
    static String oneWins(List<Outcome> outcomes) {
        List<Outcome> won = outcomes.stream().filter(o -> o.error() == null).toList();
        List<Outcome> lost = outcomes.stream().filter(o -> o.error() != null).toList();
        for (Outcome o : lost) {
            if (!(o.error() instanceof WorkflowException w) || !LOSER_KEYS.contains(w.messageKey())) {
                fail("%s lost the race with a raw or unexpected exception:%n%s", o.who(), stackTrace(o.error()));
            }
        }
        assertThat(won).as("exactly one of %s succeeds", outcomes).hasSize(1);
        assertThat(lost).hasSize(1);
        synchronized (LOSERS) {
            LOSERS.merge(((WorkflowException) lost.get(0).error()).messageKey(), 1, Integer::sum);
        }
        return won.get(0).who();
    }

    static String submit() {
        return starts.start("trainingLeave", "zhangwei",
                TrainingRequests.request("数字政府专题班", TrainingRequests.nextFreeStart(), 1, 8));
    }

    static String openTask(String pi) {
        List<String> open = jdbc.queryForList("SELECT task_id FROM wf_task WHERE process_instance_id = ?"
                + " AND state = 'OPEN' AND parent_task_id IS NULL", String.class, pi);
        assertThat(open).hasSize(1);
        return open.get(0);
    }

    /** The steps open in the engine (and the same in the read model). */
    static List<String> openTasks(String pi) {
        List<String> engine = jdbc.queryForList("SELECT TASK_DEF_KEY_ FROM ACT_RU_TASK WHERE PROC_INST_ID_ = ?"
                + " ORDER BY TASK_DEF_KEY_", String.class, pi);
        List<String> index = jdbc.queryForList("SELECT step_key FROM wf_task WHERE process_instance_id = ?"
                + " AND state = 'OPEN' ORDER BY step_key", String.class, pi);
        assertThat(index).as("read model agrees with the engine").isEqualTo(engine);
        return engine;
    }

    static long actions(String taskId, String action) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM workflow_action WHERE task_id = ? AND action = ?",
                Long.class, taskId, action);
    }

    static long actionsOf(String pi, String action) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM workflow_action WHERE process_instance_id = ?"
                + " AND action = ?", Long.class, pi, action);
    }

    static long ledger(String pi) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM training_record r JOIN training_leave_request q"
                + " ON q.id = r.request_id WHERE q.process_instance_id = ?", Long.class, pi);
    }

    static String status(String pi) {
        return jdbc.queryForObject("SELECT status FROM training_leave_request WHERE process_instance_id = ?",
                String.class, pi);
    }

    static String completedBy(String taskId) {
        return jdbc.queryForObject("SELECT completed_by FROM wf_task WHERE task_id = ?", String.class, taskId);
    }

    static long historicTasks(String pi, String step) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_TASKINST WHERE PROC_INST_ID_ = ?"
                + " AND TASK_DEF_KEY_ = ?", Long.class, pi, step);
    }

    static String stackTrace(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
