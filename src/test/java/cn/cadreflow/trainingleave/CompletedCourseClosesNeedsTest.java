package cn.cadreflow.trainingleave;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.TrainingRequests;
import cn.cadreflow.annualreview.TrainingNeed;
import cn.cadreflow.annualreview.TrainingNeeds;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.TaskCommands;

/**
 * A planned leave of a catalogue course runs to the ledger through the real process; the cadre's open training needs
 * of the course's capabilities are then closed (as the cadre file lists them), the others and other cadres' stay open.
 */
@CadreFlowTest
class CompletedCourseClosesNeedsTest {

    static final String DATA = "需求闭环测试·数据分析";
    static final String SECURITY = "需求闭环测试·网络安全";
    static final String WRITING = "需求闭环测试·公文写作";

    @Autowired
    PlannedLeaves planned;
    @Autowired
    TrainingLeaveService training;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    TaskService tasks;
    @Autowired
    TaskCommands commands;
    @Autowired
    ProcessStarts starts;
    @Autowired
    TrainingNeeds needs;
    @Autowired
    JdbcTemplate jdbc;

    /** The needs are 张伟's and a colleague's, whose files other tests read: they go again. */
    @AfterEach
    void removeNeeds() {
        jdbc.update("DELETE FROM training_need WHERE capability_code IN ('NC-1', 'NC-2', 'NC-3')");
    }

    void need(long cadreId, String code, String capability) {
        jdbc.update("INSERT INTO training_need (cadre_id, capability_code, capability_name, source_review_id, status,"
                + " created_at) VALUES (?, ?, ?, NULL, 'OPEN', ?)", cadreId, code, capability,
                Timestamp.valueOf(LocalDateTime.now()));
    }

    String status(long cadreId, String capability) {
        return needs.ofCadre(cadreId).stream().filter(n -> capability.equals(n.capabilityName()))
                .map(TrainingNeed::status).findFirst().orElseThrow();
    }

    @Test
    void completingACatalogueCourseClosesTheCadresOpenNeedsOfItsCapabilitiesOnly() {
        Map<String, Object> known = starts.knownData("zhangwei");
        long cadreId = ((Number) known.get("cadreId")).longValue();
        long unitId = ((Number) known.get("unitId")).longValue();
        PlannedLeaveFixture plan = new PlannedLeaveFixture(planned, training, runtime, management, jdbc, cadreId,
                unitId);
        LocalDate start = TrainingRequests.nextFreeStart();
        jdbc.update("INSERT INTO training_course (title, capabilities, start_date, end_date, place, capacity, hours,"
                + " immersive, full_time, created_by, created_at) VALUES (?, ?, ?, ?, ?, 6, 35, TRUE, TRUE, 'test', ?)",
                "需求闭环测试班", DATA + "、" + SECURITY, start, start.plusDays(4), "青山镇新村",
                Timestamp.valueOf(LocalDateTime.now()));
        long courseId = jdbc.queryForObject("SELECT MAX(id) FROM training_course WHERE title = '需求闭环测试班'",
                Long.class);
        need(cadreId, "NC-1", DATA);
        need(cadreId, "NC-2", WRITING);
        need(plan.colleagueId, "NC-3", DATA);

        long planId = PlannedLeaveFixture.newPlan();
        plan.publish(planId, List.of(new PlannedLeave(planId, cadreId, courseId, "需求闭环测试班", start,
                start.plusDays(4), "青山镇新村", BigDecimal.valueOf(35), true)));
        TrainingLeaveRequest r = plan.request(planId, courseId);
        ProcessInstance pi = plan.instance(r);
        planned.handOver("zhangwei", r.id(), plan.colleagueId, "村集体经济台账交由同事代管。");
        commands.decide(tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId(), "lijun", true,
                "同意。");
        plan.fire(pi, TrainingLeaveSteps.LEAVE_STARTS);
        plan.courseIsOver(training.request(r.id()));
        LocalDate first = training.request(r.id()).startDate();
        for (int day = 0; day < 5; day++) {
            planned.recordDay("wangfang", r.id(), first.plusDays(day), BigDecimal.valueOf(7), BigDecimal.ZERO);
        }
        assertThat(status(cadreId, DATA)).as("attended, not yet credited").isEqualTo("OPEN");

        planned.finishAttendance("wangfang", r.id());
        assertThat(training.request(r.id()).status()).isEqualTo("REPORTING");
        assertThat(status(cadreId, DATA)).as("the course targets it").isEqualTo("CLOSED");
        assertThat(status(cadreId, WRITING)).as("the course does not target it").isEqualTo("OPEN");
        assertThat(status(plan.colleagueId, DATA)).as("another cadre's need").isEqualTo("OPEN");
    }
}
