package cn.cadreflow.secondment;

import static cn.cadreflow.secondment.SecondmentStep.AUTO_RETURN;
import static cn.cadreflow.secondment.SecondmentStep.CHECK_IN;
import static cn.cadreflow.secondment.SecondmentStep.CONVERT_TO_TRANSFER;
import static cn.cadreflow.secondment.SecondmentStep.DISPATCH;
import static cn.cadreflow.secondment.SecondmentStep.EXTEND;
import static cn.cadreflow.secondment.SecondmentStep.MID_TERM_EVALUATION;
import static cn.cadreflow.secondment.SecondmentStep.RECALLED;
import static cn.cadreflow.secondment.SecondmentStep.REMIND_HR;
import static cn.cadreflow.secondment.SecondmentStep.RETURN_DECISION;
import static cn.cadreflow.secondment.SecondmentStep.RETURN_HOME;
import static cn.cadreflow.secondment.SecondmentStep.RETURN_PROMOTED;
import static cn.cadreflow.secondment.SecondmentStep.TERM_STARTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.workflow.FormError;
import cn.cadreflow.workflow.WorkflowException;

/**
 * The real secondment.bpmn driven through every path of issue 10 with the engine's clock moved across the term:
 * approvals through the task centre, the checks before dispatch, the term's timers (check-ins, mid-term, the return
 * decision, its reminders, the end date) fired as their due dates pass, and each way back. The secondment row, the
 * posts it holds and the cadre's post history follow each step.
 */
@CadreFlowTest
class SecondmentProcessTest extends SecondmentProcessSupport {

    @Test
    void guazhiRunsItsTermWithCheckInsAndAnEvaluationAndReturnsHomeOnHrsDecision() {
        LocalDate from = SecondmentFixture.window(3);
        LocalDate to = from.plusYears(1).minusDays(1);
        long cadre = f.cadres().get(0);
        long post = f.newHostPost(org);
        ProcessInstance pi = start("gz1", null, SecondmentKind.GUAZHI, post, from, to);
        assertThat(pi).hasBusinessKey("GZ-" + row(pi).id());
        assertThat(pi).variables().containsEntry("cadreUser", "gz1").containsEntry("cadreName", "挂职甲")
                .containsEntry("hrGroup", "hr-" + f.sending());
        approvedByAll(pi);

        Secondment approved = row(pi);
        assertThat(secondments.reservedBy(approved.homePostId(), from.plusMonths(6))).map(Secondment::id)
                .as("the home post is reserved for the term").contains(approved.id());
        assertThat(secondments.reservedBy(approved.homePostId(), to.plusDays(1))).isEmpty();
        assertThat(secondments.reservedBy(post, from)).map(Secondment::id).contains(approved.id());

        advanceTo(pi, from);
        assertThat(pi).hasPassed(TERM_STARTS, DISPATCH).isWaitingAt(SecondmentStep.DECISION_OPENS);
        assertThat(row(pi).status()).isEqualTo(Secondment.Status.ON_SECONDMENT);
        assertThat(history(cadre)).anyMatch(h -> h.postName().startsWith("挂职锻炼：挂职副镇长")
                && h.startDate().equals(from) && h.endDate() == null && h.unitId() == f.receiving());

        advanceTo(pi, from.plusMonths(1).plusDays(1));
        Task checkIn = task(pi, CHECK_IN);
        assertThat(checkIn.getAssignee()).isEqualTo("gz1");
        commands.submitForm(checkIn.getId(), "gz1", Map.of("report", "完成村级调研十二次。"));

        advanceTo(pi, from.plusMonths(6).plusDays(1));
        commands.submitForm(task(pi, MID_TERM_EVALUATION).getId(), SecondmentFixture.HOST,
                Map.of("rating", "GOOD", "evaluation", "工作扎实。"));

        advanceTo(pi, to.minusDays(59));
        assertThat(pi).isWaitingAt(RETURN_DECISION);
        Task decision = task(pi, RETURN_DECISION);
        assertThat(decision.getDueDate()).isEqualTo(Date.from(to.minusDays(30).atStartOfDay(ZONE).toInstant()));
        decide(pi, Map.of("decision", "RETURN", "decisionNote", "期满返回原岗位。"));

        assertThat(pi).isEnded().hasPassed(RETURN_HOME).hasNotPassed(AUTO_RETURN, EXTEND);
        Secondment ended = row(pi);
        assertThat(ended.status()).isEqualTo(Secondment.Status.ENDED);
        assertThat(ended.outcome()).isEqualTo(Secondment.Outcome.RETURNED_HOME);
        assertThat(ended.returnedOn()).isEqualTo(to.plusDays(1));
        assertThat(history(cadre)).anyMatch(h -> h.postName().startsWith("挂职锻炼：") && to.equals(h.endDate()));
        assertThat(reports(ended)).contains("CHECK_IN", "MID_TERM", "DECISION");
        assertThat(cadres.find(cadre).map(Cadre::unitId)).contains(f.sending());
    }

    @Test
    void aJiediaoNobodyDecidesRemindsHrAndReturnsHomeOnTheEndDate() {
        LocalDate from = SecondmentFixture.window(3);
        LocalDate to = from.plusMonths(6).minusDays(1);
        long cadre = f.cadres().get(1);
        // HR asks for the cadre
        ProcessInstance pi = start(SecondmentFixture.HR, cadre, SecondmentKind.JIEDIAO, f.newHostPost(org), from, to);
        assertThat(pi).variables().containsEntry("cadreUser", "gz2").containsEntry("initiator", SecondmentFixture.HR);
        approvedByAll(pi);
        advanceTo(pi, from);
        advanceTo(pi, to.minusDays(59));
        assertThat(pi).isWaitingAt(RETURN_DECISION);
        advanceTo(pi, to.minusDays(50));
        assertThat(pi).hasPassed(REMIND_HR);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE recipient = ? AND kind = 'REMIND'"
                + " AND process_instance_id = ?", Integer.class, SecondmentFixture.HR, pi.getId())).isEqualTo(1);

        advanceTo(pi, to);
        assertThat(pi).isEnded().hasPassed(AUTO_RETURN).hasNotPassed(RETURN_HOME);
        Secondment ended = row(pi);
        assertThat(ended.outcome()).isEqualTo(Secondment.Outcome.AUTO_RETURNED);
        assertThat(ended.endDate()).isEqualTo(to);
        assertThat(history(cadre)).anyMatch(h -> h.postName().startsWith("借调：") && to.equals(h.endDate()));
        assertThat(secondments.reservedBy(ended.homePostId(), to.plusDays(1))).isEmpty();
    }

    @Test
    void aXiapaiIsExtendedOnceWithinItsLimitAndNotAgain() {
        LocalDate from = SecondmentFixture.window(3);
        LocalDate to = from.plusYears(1).minusDays(1);
        ProcessInstance pi = start("gz3", null, SecondmentKind.XIAPAI, f.newHostPost(org), from, to);
        approvedByAll(pi);
        advanceTo(pi, from);
        advanceTo(pi, to.minusDays(59));

        assertThatThrownBy(() -> decide(pi, Map.of("decision", "EXTEND", "newEndDate", to.plusMonths(13).toString(),
                "decisionNote", "延期。"))).isInstanceOfSatisfying(WorkflowException.class, e ->
                assertThat(e.errors()).extracting(FormError::messageKey).contains("secondment.error.extension"));
        assertThat(pi).isWaitingAt(RETURN_DECISION);

        LocalDate newEnd = to.plusMonths(6);
        decide(pi, Map.of("decision", "EXTEND", "newEndDate", newEnd.toString(), "decisionNote", "工作需要，延期半年。"));
        assertThat(pi).hasPassed(EXTEND).isWaitingAt(SecondmentStep.DECISION_OPENS);
        Secondment extended = row(pi);
        assertThat(extended.extended()).isTrue();
        assertThat(extended.endDate()).isEqualTo(newEnd);
        assertThat(extended.plannedEndDate()).isEqualTo(to);
        assertThat(secondments.reservedBy(extended.homePostId(), newEnd)).map(Secondment::id)
                .contains(extended.id());

        advanceTo(pi, newEnd.minusDays(59));
        assertThatThrownBy(() -> decide(pi, Map.of("decision", "EXTEND", "newEndDate", newEnd.plusMonths(1).toString(),
                "decisionNote", "再延期。"))).isInstanceOfSatisfying(WorkflowException.class, e ->
                assertThat(e.errors()).extracting(FormError::messageKey).contains("secondment.error.extendedOnce"));
        decide(pi, Map.of("decision", "RETURN", "decisionNote", "返回。"));
        assertThat(pi).isEnded().hasPassed(RETURN_HOME);
        assertThat(row(pi).endDate()).isEqualTo(newEnd);
    }

    @Test
    void aJiaoliuConvertedToATransferReleasesTheHomePost() {
        LocalDate from = SecondmentFixture.window(3);
        LocalDate to = from.plusYears(2).minusDays(1);
        long cadre = f.cadres().get(4);
        long post = f.newHostPost(org);
        ProcessInstance pi = start("gz5", null, SecondmentKind.JIAOLIU, post, from, to);
        approvedByAll(pi);
        long homePost = row(pi).homePostId();
        advanceTo(pi, from);
        advanceTo(pi, to.minusDays(59));
        decide(pi, Map.of("decision", "TRANSFER", "decisionNote", "转为交流任职。"));

        assertThat(pi).isEnded().hasPassed(CONVERT_TO_TRANSFER);
        Secondment ended = row(pi);
        assertThat(ended.outcome()).isEqualTo(Secondment.Outcome.TRANSFERRED);
        Cadre moved = cadres.find(cadre).orElseThrow();
        assertThat(moved.unitId()).isEqualTo(f.receiving());
        assertThat(moved.postId()).isEqualTo(post);
        assertThat(secondments.reservedBy(homePost, from.plusMonths(1))).as("released").isEmpty();
        assertThat(history(cadre)).anyMatch(h -> h.unitId() == f.receiving() && h.startDate().equals(to.plusDays(1))
                && h.endDate() == null);
        assertThat(history(cadre)).noneMatch(h -> h.unitId() == f.sending2() && h.endDate() == null);
    }

    @Test
    void aGuazhiReturnsToTheGrassrootsWithPromotion() {
        LocalDate from = SecondmentFixture.window(3);
        LocalDate to = from.plusYears(1).minusDays(1);
        long cadre = f.cadres().get(3);
        ProcessInstance pi = start("gz4", null, SecondmentKind.GUAZHI, f.newHostPost(org), from, to);
        approvedByAll(pi);
        advanceTo(pi, from);
        advanceTo(pi, to.minusDays(59));
        long higher = org.addPost(f.sending(), "副镇长（挂职测试）", true);

        long countyPost = org.addPost(f.county(), "县直科室副主任（挂职测试）", true);
        assertThatThrownBy(() -> decide(pi, Map.of("decision", "PROMOTE", "newPostId", countyPost, "newRank", "FUKE",
                "decisionNote", "提拔。"))).isInstanceOfSatisfying(WorkflowException.class, e ->
                assertThat(e.errors()).extracting(FormError::messageKey).contains("secondment.error.notGrassroots"));
        decide(pi, Map.of("decision", "PROMOTE", "newPostId", higher, "newRank", "FUKE", "decisionNote", "挂职表现优秀，提拔。"));
        assertThat(pi).isEnded().hasPassed(RETURN_PROMOTED);
        Cadre promoted = cadres.find(cadre).orElseThrow();
        assertThat(promoted.postId()).isEqualTo(higher);
        assertThat(promoted.rankCode()).isEqualTo("FUKE");
        assertThat(promoted.unitId()).isEqualTo(f.sending());
        assertThat(row(pi).outcome()).isEqualTo(Secondment.Outcome.PROMOTED);
        assertThat(history(cadre)).anyMatch(h -> "副镇长（挂职测试）".equals(h.postName())
                && h.startDate().equals(to.plusDays(1)));
    }

    @Test
    void hrRecallsEarlyWithAReason() {
        LocalDate from = SecondmentFixture.window(3);
        LocalDate to = from.plusYears(1).minusDays(1);
        long cadre = f.cadres().get(2);
        ProcessInstance pi = start("gz3", null, SecondmentKind.GUAZHI, f.newHostPost(org), from, to);
        approvedByAll(pi);
        advanceTo(pi, from);
        Secondment s = row(pi);

        assertThatThrownBy(() -> secondments.recall(s.id(), users.context("sunli").orElseThrow(), "召回"))
                .isInstanceOfSatisfying(SecondmentException.class,
                        e -> assertThat(e.key()).isEqualTo("secondment.error.notFound"));
        assertThatThrownBy(() -> secondments.recall(s.id(), users.context(SecondmentFixture.HR).orElseThrow(), " "))
                .isInstanceOfSatisfying(SecondmentException.class,
                        e -> assertThat(e.key()).isEqualTo("secondment.error.reasonRequired"));
        secondments.recall(s.id(), users.context(SecondmentFixture.HR).orElseThrow(), "原单位防汛工作需要，提前召回。");

        assertThat(pi).isEnded().hasPassed(RECALLED).hasNotPassed(RETURN_DECISION);
        Secondment ended = row(pi);
        assertThat(ended.outcome()).isEqualTo(Secondment.Outcome.RECALLED);
        assertThat(ended.outcomeNote()).isEqualTo("原单位防汛工作需要，提前召回。");
        assertThat(ended.endDate()).isBefore(to);
        assertThat(history(cadre)).anyMatch(h -> h.postName().startsWith("挂职锻炼：")
                && h.postName().endsWith("（召回）") && h.endDate().equals(ended.endDate()));
        assertThat(reports(ended)).contains("RECALL");
        // the timeline says 召回 (not a step's 撤回), by HR, with the reason
        assertThat(jdbc.queryForList("SELECT action FROM workflow_action WHERE process_instance_id = ?"
                + " AND actor = ?", String.class, pi.getId(), SecondmentFixture.HR)).contains("CALL_BACK")
                .doesNotContain("RECALL");
    }
}
