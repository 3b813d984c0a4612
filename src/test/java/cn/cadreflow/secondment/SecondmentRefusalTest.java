package cn.cadreflow.secondment;

import static cn.cadreflow.secondment.SecondmentStep.HR_APPROVAL;
import static cn.cadreflow.secondment.SecondmentStep.RECEIVING_APPROVAL;
import static cn.cadreflow.secondment.SecondmentStep.SENDING_APPROVAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.workflow.FormError;
import cn.cadreflow.workflow.WorkflowException;

/**
 * The checks before dispatch refusing, with the engine's clock untouched: a town that would fall below its minimum
 * on duty (at the request, and at HR's approval when two requests together break it), a post already held or
 * reserved, a term outside its kind's limits. Each refusal says why, in the words the user reads.
 */
@CadreFlowTest
class SecondmentRefusalTest extends SecondmentProcessSupport {

    @Test
    void aRequestThatWouldLeaveTheTownBelowItsMinimumIsRefusedWithTheDayAndTheNumbers() {
        LocalDate from = SecondmentFixture.window(3);
        LocalDate to = from.plusYears(1).minusDays(1);
        ProcessInstance first = start("gz1", null, SecondmentKind.GUAZHI, f.newHostPost(org), from, to);
        approvedByAll(first);

        // 挂职测试镇 has four cadres and needs three on duty: a second absence overlapping the first breaks it
        LocalDate later = from.plusMonths(3);
        assertThatThrownBy(() -> start("gz2", null, SecondmentKind.GUAZHI, f.newHostPost(org), later,
                later.plusYears(1).minusDays(1))).isInstanceOfSatisfying(WorkflowException.class, e ->
                assertThat(e.errors()).anySatisfy(err -> {
                    assertThat(err.messageKey()).isEqualTo("secondment.error.staffing");
                    assertThat(err.args()).containsExactly("挂职测试镇", later.toString(), 2, 3);
                }));
        // after the first term it is fine
        start("gz2", null, SecondmentKind.GUAZHI, f.newHostPost(org), to.plusDays(1), to.plusYears(1));
    }

    @Test
    void aLeaveOfAPublishedTrainingPlanCountsAsAwayUntilItIsWithdrawn() {
        // gz3's immersive week of a published plan, still waiting for 工作交接: the plan has promised those days
        LocalDate week = SecondmentFixture.window(2).plusMonths(2).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        jdbc.update("INSERT INTO training_leave_request (cadre_id, course_name, organizer, training_type, start_date,"
                        + " end_date, hours, location, reason, status, plan_id, course_id, created_at, updated_at)"
                        + " VALUES (?, '同吃同住同劳动周', '组织部', 'FULL_TIME', ?, ?, 40, '青山村', '年度培训计划', 'HANDOVER',"
                        + " 1, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
                f.cadres().get(2), week, week.plusDays(4));
        long leave = jdbc.queryForObject("SELECT MAX(id) FROM training_leave_request", Long.class);
        try {
            assertThatThrownBy(() -> start("gz2", null, SecondmentKind.GUAZHI, f.newHostPost(org), week.minusDays(1),
                    week.plusYears(1))).isInstanceOfSatisfying(WorkflowException.class, e ->
                    assertThat(e.errors()).anySatisfy(err -> {
                        assertThat(err.messageKey()).isEqualTo("secondment.error.staffing");
                        assertThat(err.args()).containsExactly("挂职测试镇", week.toString(), 2, 3);
                    }));
            jdbc.update("UPDATE training_leave_request SET status = 'WITHDRAWN' WHERE id = ?", leave);
            start("gz2", null, SecondmentKind.GUAZHI, f.newHostPost(org), week.minusDays(1), week.plusYears(1));
        } finally {
            jdbc.update("DELETE FROM training_leave_request WHERE id = ?", leave);
        }
    }

    @Test
    void aRequestForAPostAlreadyTakenOrReservedIsRefused() {
        LocalDate from = SecondmentFixture.window(3);
        LocalDate to = from.plusYears(1).minusDays(1);
        long post = f.newHostPost(org);
        ProcessInstance first = start("gz1", null, SecondmentKind.GUAZHI, post, from, to);
        approvedByAll(first);

        // HR asks for 挂职己 (of 挂职测试二镇) to be sent to the post gz1 fills, or to gz1's home post kept for gz1
        long other = f.cadres().get(5);
        long homePost = row(first).homePostId();
        for (long taken : List.of(post, homePost)) {
            assertThatThrownBy(() -> start(SecondmentFixture.HR, other, SecondmentKind.GUAZHI, taken,
                    from.plusMonths(2), from.plusMonths(14).minusDays(1)))
                    .isInstanceOfSatisfying(WorkflowException.class, e -> assertThat(e.errors())
                            .extracting(FormError::messageKey).contains("secondment.error.postReserved"));
        }
        // once gz1's term is over, the post is free again
        start(SecondmentFixture.HR, other, SecondmentKind.GUAZHI, post, to.plusDays(1), to.plusYears(1));
    }

    @Test
    void aTermOutsideItsKindsLimitsIsRefused() {
        LocalDate from = SecondmentFixture.window(3);
        assertThatThrownBy(() -> start("gz1", null, SecondmentKind.GUAZHI, f.newHostPost(org), from,
                from.plusMonths(30))).isInstanceOfSatisfying(WorkflowException.class, e ->
                assertThat(e.errors()).anySatisfy(err -> {
                    assertThat(err.messageKey()).isEqualTo("secondment.error.term");
                    assertThat(err.args()).containsExactly(12, 24);
                }));
    }

    @Test
    void theSecondOfTwoApprovalsThatTogetherBreakTheMinimumIsRefusedAtHrsApproval() {
        LocalDate from = SecondmentFixture.window(3);
        LocalDate to = from.plusYears(1).minusDays(1);
        ProcessInstance a = start("gz1", null, SecondmentKind.GUAZHI, f.newHostPost(org), from, to);
        ProcessInstance b = start("gz2", null, SecondmentKind.GUAZHI, f.newHostPost(org), from, to);
        for (ProcessInstance pi : List.of(a, b)) {
            commands.decide(task(pi, SENDING_APPROVAL).getId(), SecondmentFixture.LEADER, true, "同意。");
            commands.decide(task(pi, RECEIVING_APPROVAL).getId(), SecondmentFixture.HOST, true, "同意。");
        }
        commands.decide(task(a, HR_APPROVAL).getId(), SecondmentFixture.HR, true, "同意。");
        assertThatThrownBy(() -> commands.decide(task(b, HR_APPROVAL).getId(), SecondmentFixture.HR, true, "同意。"))
                .isInstanceOfSatisfying(WorkflowException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("secondment.error.staffing"));
        assertThat(b).isWaitingAtExactly(HR_APPROVAL);
        assertThat(row(b).status()).isEqualTo(Secondment.Status.PENDING_HR);
        commands.decide(task(b, HR_APPROVAL).getId(), SecondmentFixture.HR, false, "人手不足，请调整时间。");
        assertThat(b).isWaitingAtExactly(SecondmentStep.REVISE);
        commands.withdraw(task(b, SecondmentStep.REVISE).getId(), "gz2", "改期再报。");
        assertThat(row(b).status()).isEqualTo(Secondment.Status.WITHDRAWN);
    }
}
