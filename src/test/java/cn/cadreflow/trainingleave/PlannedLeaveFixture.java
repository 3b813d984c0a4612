package cn.cadreflow.trainingleave;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cadreflow.TrainingRequests;

/**
 * Planned leaves of 张伟 (zhangwei) for the process tests: published by the HR officer 王芳 (wangfang) as a plan would
 * publish them, each plan its own id far from real plans, each course five days of 7 学时 (35 学时: 1/7 is 5 hours).
 */
final class PlannedLeaveFixture {

    static final BigDecimal COURSE_HOURS = BigDecimal.valueOf(35);
    private static final AtomicLong PLAN = new AtomicLong(9_000_000);
    private static final AtomicLong COURSE = new AtomicLong(9_000_000);

    private final PlannedLeaves leaves;
    private final TrainingLeaveService requests;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final JdbcTemplate jdbc;
    final long cadreId;
    final long colleagueId;

    PlannedLeaveFixture(PlannedLeaves leaves, TrainingLeaveService requests, RuntimeService runtime,
                        ManagementService management, JdbcTemplate jdbc, long cadreId, long unitId) {
        this.leaves = leaves;
        this.requests = requests;
        this.runtime = runtime;
        this.management = management;
        this.jdbc = jdbc;
        this.cadreId = cadreId;
        this.colleagueId = jdbc.queryForObject("SELECT MIN(id) FROM cadre WHERE unit_id = ? AND status = 'ACTIVE'"
                + " AND id <> ?", Long.class, unitId, cadreId);
    }

    static long newPlan() {
        return PLAN.incrementAndGet();
    }

    PlannedLeave leave(long planId, String title) {
        LocalDate start = TrainingRequests.nextFreeStart();
        return new PlannedLeave(planId, cadreId, COURSE.incrementAndGet(), title, start, start.plusDays(4),
                "青山镇新村", COURSE_HOURS, true);
    }

    /** The plan is published with these leaves; the running instances of the plan, one per leave. */
    PlannedLeaves.Outcome publish(long planId, List<PlannedLeave> published) {
        return leaves.planPublished(planId, published, "wangfang");
    }

    TrainingLeaveRequest request(long planId, long courseId) {
        return jdbc.query("SELECT id FROM training_leave_request WHERE plan_id = ? AND course_id = ? ORDER BY id DESC",
                (rs, i) -> rs.getLong(1), planId, courseId).stream().findFirst()
                .map(requests::request).orElse(null);
    }

    ProcessInstance instance(TrainingLeaveRequest r) {
        return runtime.createProcessInstanceQuery().processInstanceId(r.processInstanceId()).singleResult();
    }

    long count(long planId, long courseId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM training_leave_request WHERE plan_id = ? AND course_id = ?",
                Long.class, planId, courseId);
    }

    /** Runs the instance's timer job at this activity now, whatever its due date. */
    void fire(ProcessInstance pi, String activityId) {
        Job job = management.createJobQuery().processInstanceId(pi.getId()).timers().activityId(activityId)
                .singleResult();
        management.executeJob(job.getId());
    }

    /** The course lies in the past, so that its attendance can be completed. */
    void courseIsOver(TrainingLeaveRequest r) {
        LocalDate today = LocalDate.now();
        jdbc.update("UPDATE training_leave_request SET start_date = ?, end_date = ? WHERE id = ?", today.minusDays(4),
                today, r.id());
    }

    int notifications(String recipient, ProcessInstance pi) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE recipient = ? AND process_instance_id = ?",
                Integer.class, recipient, pi.getId());
    }
}
