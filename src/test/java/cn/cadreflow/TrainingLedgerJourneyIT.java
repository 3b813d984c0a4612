package cn.cadreflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cadreflow.security.UserService;
import cn.cadreflow.trainingleave.PlannedLeaves;
import cn.cadreflow.trainingplan.TrainingPlanService;

/**
 * From planning to a credited ledger in a real headless Chromium on the demo data: 王芳 (HR) opens, runs and publishes
 * next year's plan for 青山镇; 张伟 names his substitute on 工作交接; 李军 (leader) approves in the task centre; the
 * first day's timer is run and the course's dates are moved into the past (the course took place); 王芳 records every
 * day's attendance on 培训考勤 and completes it; 张伟's file shows the course's hours in his training ledger.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:cadreflow-ledger-journey;DB_CLOSE_DELAY=-1",
        "cadreflow.demo-data=true",
        "camunda.bpm.job-execution.enabled=false",
        "cadreflow.training-plan.unimproved-limit=PT2S"})
class TrainingLedgerJourneyIT extends BrowserJourney {

    @Autowired
    TrainingPlanService plans;
    @Autowired
    PlannedLeaves leaves;
    @Autowired
    UserService users;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcTemplate jdbc;

    final int year = LocalDate.now().getYear() + 1;

    /** 张伟's planned leaves in this status. */
    List<Long> leavesIn(String status) {
        long cadreId = users.context("zhangwei").orElseThrow().cadreId();
        return jdbc.queryForList("SELECT id FROM training_leave_request WHERE cadre_id = ? AND plan_id IS NOT NULL"
                + " AND status = ? ORDER BY id", Long.class, cadreId, status);
    }

    String status(long requestId) {
        return jdbc.queryForObject("SELECT status FROM training_leave_request WHERE id = ?", String.class, requestId);
    }

    @Test
    void fromPlanningToACreditedLedger() {
        step("wangfang opens, runs and publishes next year's plan for 青山镇", () -> {
            login("wangfang");
            nav("培训计划编排");
            pickMany("plan-units", "青山镇");
            click(By.id("plan-open"));
            wait.until(d -> selectedLabel("plan-select").contains("青山镇"));
            click(By.id("plan-run"));
            wait.until(d -> text(By.id("plan-status")).startsWith("编排完成"));
            assertThat(text(By.id("plan-checker"))).startsWith("独立检查：0 项硬约束违反");
            click(By.id("plan-publish"));
            wait.until(d -> selectedLabel("plan-select").contains("已发布"));
            wait.until(d -> !leavesIn("HANDOVER").isEmpty());
            logout();
        });

        long[] leave = new long[1];
        step("zhangwei names his substitute on 工作交接", () -> {
            long any = leavesIn("HANDOVER").get(0);
            String colleague = leaves.colleagues("zhangwei", any).get(0).name();
            login("zhangwei");
            nav("工作交接");
            waitFor(By.id("handover-leave"));
            pick("handover-substitute", colleague, colleague);
            type("handover-text", "村集体经济台账、防汛值班表交由同事代管。");
            click(By.id("handover-submit"));
            waitFor(By.xpath("//vaadin-notification-card[contains(., '工作交接已提交')]"));
            wait.until(d -> leavesIn("PENDING_LEADER").size() == 1);
            leave[0] = leavesIn("PENDING_LEADER").get(0);
            logout();
        });

        step("lijun approves the planned leave in the task centre", () -> {
            login("lijun");
            click(waitFor(cellContaining("inbox-grid", "计划培训")));
            waitFor(By.id("opinion"));
            type("opinion", "同意，工作已安排。");
            click(By.id("approve"));
            wait.until(d -> "APPROVED".equals(status(leave[0])));
            logout();
        });

        // the first day comes (its timer is run now) and the course takes place (its dates move into the past)
        String pi = jdbc.queryForObject("SELECT process_instance_id FROM training_leave_request WHERE id = ?",
                String.class, leave[0]);
        management.executeJob(management.createJobQuery().processInstanceId(pi).timers().activityId("leaveStarts")
                .singleResult().getId());
        assertThat(status(leave[0])).isEqualTo("ON_LEAVE");
        LocalDate first = LocalDate.now().minusDays(4);
        int days = jdbc.queryForObject("SELECT DATEDIFF('DAY', start_date, end_date) + 1 FROM training_leave_request"
                + " WHERE id = ?", Integer.class, leave[0]);
        jdbc.update("UPDATE training_leave_request SET start_date = ?, end_date = ? WHERE id = ?", first,
                first.plusDays(days - 1L), leave[0]);
        String title = jdbc.queryForObject("SELECT course_name FROM training_leave_request WHERE id = ?", String.class,
                leave[0]);

        step("wangfang records every day's attendance and completes it", () -> {
            login("wangfang");
            nav("培训考勤");
            waitFor(By.id("attendance-leave"));
            for (int d = 0; d < days; d++) {
                date("attendance-day", first.plusDays(d));
                type("attendance-attended", "7");
                type("attendance-absent", "0");
                click(By.id("attendance-record"));
                int recorded = d + 1;
                wait.until(x -> Integer.valueOf(recorded).equals(gridSize("attendance-days")));
            }
            click(By.id("attendance-finish"));
            wait.until(d -> "REPORTING".equals(status(leave[0])));
            logout();
        });

        step("zhangwei sees the course's hours in his training ledger", () -> {
            login("zhangwei");
            nav("干部档案");
            waitFor(By.id("training-ledger"));
            waitFor(cellContaining("training-ledger", title));
            assertThat(plans.published(users.context("zhangwei").orElseThrow().cadreId(), year))
                    .extracting(t -> t.course().title()).contains(title);
        });
        assertThat(Set.of(status(leave[0]))).containsExactly("REPORTING");
    }
}
