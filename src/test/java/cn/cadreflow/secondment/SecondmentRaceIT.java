package cn.cadreflow.secondment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cadreflow.MariaDbApp;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.security.UserService;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.TaskCommands;
import cn.cadreflow.workflow.WorkflowException;

/**
 * HR approving two secondments at the same moment from two threads, on a real MariaDB/MySQL (profile "mysql"): the
 * checks before dispatch lock their rows of {@code secondment_lock}, so that two servers cannot together do what
 * neither may. Two requests from 挂职测试镇 (four cadres, three on duty) that each keep the minimum alone but not
 * together: exactly one is approved, the other refused with the staffing message and left at HR's step. Two
 * requests for the same post: the second is refused, the post is held once. {@code -Dcadreflow.races=N} rounds each
 * (default 10). The server comes from CADREFLOW_TEST_DB_* as for {@code ConcurrentApprovalIT}.
 */
class SecondmentRaceIT {

    static final int ROUNDS = Integer.getInteger("cadreflow.races", 10);

    static MariaDbApp db;
    static ConfigurableApplicationContext app;
    static ProcessStarts starts;
    static TaskCommands commands;
    static OrgService org;
    static JdbcTemplate jdbc;
    static SecondmentFixture f;
    static ExecutorService threads;

    @BeforeAll
    static void startTheApplicationOnAFreshDatabase() {
        db = MariaDbApp.create("cadreflow_secondment");
        app = db.start();
        starts = app.getBean(ProcessStarts.class);
        commands = app.getBean(TaskCommands.class);
        org = app.getBean(OrgService.class);
        jdbc = new JdbcTemplate(app.getBean(DataSource.class));
        f = SecondmentFixture.ensure(org, app.getBean(CadreService.class), app.getBean(UserService.class), jdbc);
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stopAndDropTheDatabase() {
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

    @Test
    void twoRequestsThatTogetherBreakTheMinimumAreApprovedAtOnceAndExactlyOneIsRefused() throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            LocalDate from = SecondmentFixture.window(1);
            LocalDate to = from.plusYears(1).minusDays(1);
            String a = atHr("gz1", f.newHostPost(org), from, to);
            String b = atHr("gz2", f.newHostPost(org), from, to);

            List<Throwable> outcomes = race(() -> approve(a), () -> approve(b));

            Throwable refusal = oneRefused(outcomes, "secondment.error.staffing");
            String loser = outcomes.get(0) == refusal ? a : b;
            String winner = loser.equals(a) ? b : a;
            assertThat(status(winner)).isEqualTo("APPROVED");
            assertThat(status(loser)).isEqualTo("PENDING_HR");
            assertThat(openSteps(loser)).containsExactly("hrApproval");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM secondment WHERE home_unit_id = ? AND status ="
                    + " 'APPROVED' AND start_date = ?", Integer.class, f.sending(), from)).isEqualTo(1);
        }
    }

    @Test
    void twoRequestsForTheSamePostAreApprovedAtOnceAndTheSecondIsRefused() throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            LocalDate from = SecondmentFixture.window(1);
            LocalDate to = from.plusYears(1).minusDays(1);
            long post = f.newHostPost(org);
            String a = atHr("gz1", post, from, to);
            String b = atHr("gz5", post, from, to);

            List<Throwable> outcomes = race(() -> approve(a), () -> approve(b));

            oneRefused(outcomes, "secondment.error.postReserved");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM secondment_post_hold WHERE post_id = ?",
                    Integer.class, post)).as("the post is held once").isEqualTo(1);
        }
    }

    /** A request by the cadre, approved by the sending and receiving units: it waits for HR. */
    static String atHr(String cadreUser, long post, LocalDate from, LocalDate to) {
        String pi;
        try {
            pi = starts.start(SecondmentSteps.PROCESS_KEY, cadreUser,
                    SecondmentFixture.request(null, SecondmentKind.GUAZHI, post, from, to));
        } catch (WorkflowException e) {
            throw new AssertionError(cadreUser + "'s request from " + from + " refused: " + e.errors(), e);
        }
        commands.decide(openTask(pi), SecondmentFixture.LEADER, true, "同意派出。");
        commands.decide(openTask(pi), SecondmentFixture.HOST, true, "同意接收。");
        assertThat(openSteps(pi)).containsExactly("hrApproval");
        return pi;
    }

    static void approve(String pi) {
        commands.decide(openTask(pi), SecondmentFixture.HR, true, "同意。");
    }

    /** Exactly one succeeded; the other was refused with the given message, never a raw exception. */
    static Throwable oneRefused(List<Throwable> outcomes, String key) {
        List<Throwable> lost = outcomes.stream().filter(e -> e != null).toList();
        assertThat(lost).as("exactly one refused of %s", outcomes).hasSize(1);
        if (!(lost.get(0) instanceof WorkflowException w) || !key.equals(w.messageKey())) {
            fail("refused with a raw or unexpected exception", lost.get(0));
        }
        return lost.get(0);
    }

    /** Runs both at the same moment (released together by a barrier); each outcome is null or what it threw. */
    static List<Throwable> race(Runnable a, Runnable b) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<Throwable>> running = new ArrayList<>();
        for (Runnable r : List.of(a, b)) {
            running.add(threads.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                try {
                    r.run();
                    return null;
                } catch (Throwable e) {
                    return e;
                }
            }));
        }
        List<Throwable> outcomes = new ArrayList<>();
        for (Future<Throwable> running1 : running) {
            outcomes.add(running1.get(120, TimeUnit.SECONDS));
        }
        return outcomes;
    }

    static String openTask(String pi) {
        List<String> open = jdbc.queryForList("SELECT task_id FROM wf_task WHERE process_instance_id = ?"
                + " AND state = 'OPEN' AND parent_task_id IS NULL", String.class, pi);
        assertThat(open).hasSize(1);
        return open.get(0);
    }

    static List<String> openSteps(String pi) {
        return jdbc.queryForList("SELECT TASK_DEF_KEY_ FROM ACT_RU_TASK WHERE PROC_INST_ID_ = ?", String.class, pi);
    }

    static String status(String pi) {
        return jdbc.queryForObject("SELECT status FROM secondment WHERE process_instance_id = ?", String.class, pi);
    }
}
