package cn.cadreflow.trainingleave;

import static cn.cadreflow.trainingleave.TrainingLeaveSteps.COMPLETED;
import static cn.cadreflow.trainingleave.TrainingLeaveSteps.COMPLETION_CHECK;
import static cn.cadreflow.trainingleave.TrainingLeaveSteps.COMPLETION_DECISION;
import static cn.cadreflow.trainingleave.TrainingLeaveSteps.COMPLETION_REPORT;
import static cn.cadreflow.trainingleave.TrainingLeaveSteps.CREDIT_HOURS;
import static cn.cadreflow.trainingleave.TrainingLeaveSteps.HR_APPROVAL;
import static cn.cadreflow.trainingleave.TrainingLeaveSteps.HR_DECISION;
import static cn.cadreflow.trainingleave.TrainingLeaveSteps.LEADER_APPROVAL;
import static cn.cadreflow.trainingleave.TrainingLeaveSteps.LEADER_DECISION;
import static cn.cadreflow.trainingleave.TrainingLeaveSteps.REJECTED;
import static cn.cadreflow.trainingleave.TrainingLeaveSteps.RESUBMIT_DECISION;
import static cn.cadreflow.trainingleave.TrainingLeaveSteps.REVISE;
import static cn.cadreflow.trainingleave.TrainingLeaveSteps.SUBMITTED;
import static cn.cadreflow.trainingleave.TrainingLeaveSteps.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.TrainingRequests;
import cn.cadreflow.security.AppGroups;
import cn.cadreflow.training.TrainingLedger;
import cn.cadreflow.workflow.InstanceCommands;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.TaskCommands;
import cn.cadreflow.workflow.WorkflowException;

/**
 * The real trainingLeave.bpmn, deployed by the application, driven through every path a request can take.
 * Instances start and move on through the task centre's API (as users act); camunda-bpm-assert checks where
 * they stand and what they passed, and the request row follows each step.
 */
@CadreFlowTest
class TrainingLeaveProcessTest {

    /** Each instance gets its own dates, far from other tests' requests, so the overlap check stays quiet. */

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ProcessStarts starts;
    @Autowired
    TaskCommands commands;
    @Autowired
    InstanceCommands instanceCommands;
    @Autowired
    TrainingLeaveService training;
    @Autowired
    TrainingLedger ledger;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlannedLeaves planned;
    @Autowired
    ManagementService management;

    long unitId;
    PlannedLeaveFixture plan;

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(processEngine);
        Map<String, Object> known = starts.knownData("zhangwei");
        unitId = ((Number) known.get("unitId")).longValue();
        plan = new PlannedLeaveFixture(planned, training, runtime, management, jdbc,
                ((Number) known.get("cadreId")).longValue(), unitId);
    }

    @AfterEach
    void resetAssertions() {
        AbstractAssertions.reset();
    }

    static Map<String, Object> form(String course) {
        return TrainingRequests.request(course, TrainingRequests.nextFreeStart(), 2, 12);
    }

    ProcessInstance start(String course) {
        String id = starts.start(TrainingLeaveService.PROCESS_KEY, "zhangwei", form(course));
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
        assertThat(pi).isNotNull();
        return pi;
    }

    Task openTask(ProcessInstance pi) {
        Task task = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult();
        assertThat(task).as("one open task").isNotNull();
        return task;
    }

    long requestId(ProcessInstance pi) {
        return jdbc.queryForObject("SELECT id FROM training_leave_request WHERE process_instance_id = ?",
                Long.class, pi.getId());
    }

    String status(ProcessInstance pi) {
        return training.request(requestId(pi)).status();
    }

    /** A fresh instance stands at the leader's approval, for the leaders of the cadre's unit. */
    ProcessInstance startedAndWaitingForLeader(String course) {
        ProcessInstance pi = start(course);
        assertThat(pi).isStarted().isNotEnded().hasProcessDefinitionKey("trainingLeave")
                .hasBusinessKey("PX-" + requestId(pi))
                .isWaitingAtExactly(LEADER_APPROVAL)
                .hasPassed(SUBMITTED)
                .hasVariables("requestId", "initiator", "unitLeaderGroup", "hrGroup", "courseName", "cadreName");
        assertThat(pi).variables()
                .containsEntry("initiator", "zhangwei")
                .containsEntry("courseName", course)
                .containsEntry("cadreName", "张伟")
                .containsEntry("unitLeaderGroup", AppGroups.unitLeaders(unitId))
                .containsEntry("hrGroup", AppGroups.hrOfficers(unitId));
        assertThat(pi).task().hasDefinitionKey(LEADER_APPROVAL).isNotAssigned()
                .hasCandidateGroup("leader-" + unitId);
        assertThat(status(pi)).isEqualTo("PENDING_LEADER");
        assertThat(training.request(requestId(pi)).processInstanceId()).isEqualTo(pi.getId());
        return pi;
    }

    void leaderDecides(ProcessInstance pi, boolean approve) {
        commands.decide(openTask(pi).getId(), "lijun", approve, approve ? "同意。" : "与防汛值班冲突，请调整。");
    }

    void hrDecides(ProcessInstance pi, boolean approve) {
        commands.decide(openTask(pi).getId(), "wangfang", approve, approve ? "同意。" : "学时填写有误，请核实。");
    }

    void assertReturnedToStarter(ProcessInstance pi) {
        assertThat(pi).isWaitingAtExactly(REVISE);
        assertThat(pi).task().hasDefinitionKey(REVISE).isAssignedTo("zhangwei");
        assertThat(pi).variables().containsEntry("approved", false);
        assertThat(status(pi)).isEqualTo("RETURNED");
    }

    @Test
    void deployedDefinitionKeepsItsHistoryForTenYears() {
        ProcessDefinition def = repository.createProcessDefinitionQuery()
                .processDefinitionKey(TrainingLeaveService.PROCESS_KEY).latestVersion().singleResult();
        assertThat(def).isNotNull();
        assertThat(def.getHistoryTimeToLive()).isEqualTo(3650);
        assertThat(def.getName()).isEqualTo("培训请假");
    }

    /** The two-day course is over: its dates lie in the past, so that its attendance can be completed. */
    void courseIsOver(ProcessInstance pi) {
        LocalDate today = LocalDate.now();
        jdbc.update("UPDATE training_leave_request SET start_date = ?, end_date = ? WHERE id = ?", today.minusDays(1),
                today, requestId(pi));
    }

    boolean inLedger(ProcessInstance pi) {
        long cadreId = training.request(requestId(pi)).cadreId();
        return ledger.ledger(cadreId).stream().anyMatch(r -> Long.valueOf(requestId(pi)).equals(r.requestId()));
    }

    /** Whether the secondment's staffing check sees the request's cadre away on its dates. */
    boolean away(ProcessInstance pi) {
        TrainingLeaveRequest r = training.request(requestId(pi));
        return training.awayOnTraining(List.of(r.cadreId()), r.startDate(), r.endDate()).stream()
                .anyMatch(l -> l.id().equals(r.id()));
    }

    /** 张伟's own request, approved by the leader and HR: it waits for his 工作交接, as a planned leave does. */
    ProcessInstance approvedAndWaitingForHandover(String course) {
        ProcessInstance pi = startedAndWaitingForLeader(course);
        assertThat(away(pi)).as("not approved yet").isFalse();
        leaderDecides(pi, true);
        assertThat(pi).isWaitingAtExactly(HR_APPROVAL).hasPassed(LEADER_APPROVAL, LEADER_DECISION);
        assertThat(pi).task().hasDefinitionKey(HR_APPROVAL).isNotAssigned().hasCandidateGroup("hr-" + unitId);
        assertThat(pi).variables().containsEntry("approved", true);
        assertThat(status(pi)).isEqualTo("PENDING_HR");
        assertThat(away(pi)).isFalse();
        hrDecides(pi, true);
        assertThat(pi).isWaitingAtExactly(TrainingLeaveSteps.HANDOVER).hasPassed(HR_APPROVAL, HR_DECISION)
                .hasNotPassed(COMPLETION_REPORT, CREDIT_HOURS);
        assertThat(pi).task().hasDefinitionKey(TrainingLeaveSteps.HANDOVER).isAssignedTo("zhangwei");
        assertThat(status(pi)).isEqualTo("HANDOVER");
        assertThat(away(pi)).as("approved: counts against the unit's minimum on duty").isTrue();
        assertThat(planned.handoversOf("zhangwei")).extracting(TrainingLeaveRequest::id).contains(requestId(pi));
        return pi;
    }

    @Test
    void anOwnRequestOnceApprovedRunsTheHandoverTheTimerAndAttendanceToTheLedgerAndTheLeadersReading() {
        ProcessInstance pi = approvedAndWaitingForHandover("流程测试·自行申请结业");
        assertThat(inLedger(pi)).as("approved, not attended: nothing credited").isFalse();
        assertThatThrownBy(() -> planned.handOver("zhangwei", requestId(pi), null, "工作交由同事代管。"))
                .as("no substitute").isInstanceOfSatisfying(WorkflowException.class, e -> assertThat(e.errors())
                        .extracting(err -> err.messageKey()).containsExactly("training.error.noSubstitute"));
        assertThat(pi).isWaitingAtExactly(TrainingLeaveSteps.HANDOVER);

        planned.handOver("zhangwei", requestId(pi), plan.colleagueId, "党政办文件收发交由同事代管。");
        assertThat(pi).as("the leader approved already: no second approval").isWaitingAtExactly(
                TrainingLeaveSteps.LEAVE_STARTS).hasPassed(TrainingLeaveSteps.HANDED_OVER)
                .hasNotPassed(TrainingLeaveSteps.PLAN_LEADER_APPROVAL);
        assertThat(status(pi)).isEqualTo("APPROVED");
        assertThat(training.request(requestId(pi)).substituteCadreId()).isEqualTo(plan.colleagueId);
        assertThat(away(pi)).isTrue();

        plan.fire(pi, TrainingLeaveSteps.LEAVE_STARTS);
        assertThat(pi).isWaitingAtExactly(TrainingLeaveSteps.ATTENDANCE);
        assertThat(pi).task().isNotAssigned().hasCandidateGroup("hr-" + unitId);
        assertThat(status(pi)).isEqualTo("ON_LEAVE");
        assertThat(planned.attendanceOf("wangfang")).extracting(TrainingLeaveRequest::id).contains(requestId(pi));
        assertThat(away(pi)).isTrue();
        // 12 学时 over two days (now over): one hour absent stays within 1/7
        courseIsOver(pi);
        assertThat(record(pi, 0, "6", "0")).isFalse();
        assertThat(record(pi, 1, "5", "1")).isFalse();
        planned.finishAttendance("wangfang", requestId(pi));

        assertThat(pi).isWaitingAtExactly(TrainingLeaveSteps.LEARNING_REPORT)
                .hasPassed(TrainingLeaveSteps.ATTENDANCE_OUTCOME, TrainingLeaveSteps.CREDIT_ATTENDED);
        assertThat(status(pi)).isEqualTo("REPORTING");
        long cadreId = training.request(requestId(pi)).cadreId();
        assertThat(ledger.ledger(cadreId)).anyMatch(r -> "流程测试·自行申请结业".equals(r.courseName())
                && Long.valueOf(requestId(pi)).equals(r.requestId()) && r.hours().compareTo(BigDecimal.valueOf(11)) == 0);
        commands.submitForm(openTask(pi).getId(), "zhangwei", Map.of("learningReport", "学习体会：数字政府建设的做法可在本镇推广。"));
        assertThat(pi).isWaitingAtExactly(TrainingLeaveSteps.REPORT_READ);
        commands.submitForm(openTask(pi).getId(), "lijun", Map.of("readNote", "已阅。"));
        assertThat(pi).isEnded()
                .hasPassedInOrder(SUBMITTED, LEADER_APPROVAL, LEADER_DECISION, HR_APPROVAL, HR_DECISION,
                        TrainingLeaveSteps.HANDOVER, TrainingLeaveSteps.HANDED_OVER, TrainingLeaveSteps.LEAVE_STARTS,
                        TrainingLeaveSteps.ATTENDANCE, TrainingLeaveSteps.CREDIT_ATTENDED,
                        TrainingLeaveSteps.LEARNING_REPORT, TrainingLeaveSteps.REPORT_READ,
                        TrainingLeaveSteps.PLAN_COMPLETED)
                .hasNotPassed(REVISE, RESUBMIT_DECISION, WITHDRAWN, REJECTED, COMPLETION_REPORT, COMPLETION_CHECK,
                        CREDIT_HOURS, COMPLETED);
        assertThat(status(pi)).isEqualTo("COMPLETED");
        assertThat(away(pi)).as("the days were spent on the course").isTrue();
    }

    @Test
    void anOwnApprovedLeaveStopsCountingAsAwayOnceEndedOrDroppedOut() {
        ProcessInstance ended = approvedAndWaitingForHandover("流程测试·自行申请终止");
        instanceCommands.terminate(ended.getId(), "wangfang", "培训班取消。");
        assertThat(ended).isEnded();
        assertThat(status(ended)).isEqualTo("TERMINATED");
        assertThat(away(ended)).isFalse();

        ProcessInstance dropped = approvedAndWaitingForHandover("流程测试·自行申请退学");
        planned.handOver("zhangwei", requestId(dropped), plan.colleagueId, "党政办文件收发交由同事代管。");
        plan.fire(dropped, TrainingLeaveSteps.LEAVE_STARTS);
        // 12 学时: 1/7 is 1.71 hours; two hours absent withdraw the cadre at once
        assertThat(record(dropped, 0, "4", "2")).isTrue();
        assertThat(dropped).isWaitingAtExactly(TrainingLeaveSteps.DROP_OUT_NOTICE)
                .hasPassed(TrainingLeaveSteps.DROP_OUT).hasNotPassed(TrainingLeaveSteps.CREDIT_ATTENDED);
        assertThat(status(dropped)).isEqualTo("DROPPED_OUT");
        assertThat(inLedger(dropped)).isFalse();
        assertThat(away(dropped)).isFalse();
    }

    @Test
    void rejectedByLeaderThenResubmittedGoesBackToTheLeaderAndOnToHr() {
        ProcessInstance pi = startedAndWaitingForLeader("流程测试·退回重报");

        leaderDecides(pi, false);
        assertReturnedToStarter(pi);
        assertThat(pi).hasPassed(LEADER_APPROVAL, LEADER_DECISION).hasNotPassed(HR_APPROVAL);

        TrainingLeaveRequest returned = training.request(requestId(pi));
        Map<String, Object> revised = form("流程测试·退回重报（已调整）");
        // the same dates as before: a request does not overlap itself
        revised.put("startDate", returned.startDate().toString());
        revised.put("endDate", returned.endDate().toString());
        commands.resubmit(openTask(pi).getId(), "zhangwei", revised, "已调整时间");
        assertThat(pi).isWaitingAtExactly(LEADER_APPROVAL).hasPassed(REVISE, RESUBMIT_DECISION);
        assertThat(pi).task().hasDefinitionKey(LEADER_APPROVAL).isNotAssigned()
                .hasCandidateGroup("leader-" + unitId);
        assertThat(pi).variables().containsEntry("resubmit", true)
                .containsEntry("courseName", "流程测试·退回重报（已调整）")
                .containsEntry("startDate", revised.get("startDate"));
        assertThat(status(pi)).isEqualTo("PENDING_LEADER");
        assertThat(training.request(requestId(pi)).courseName()).isEqualTo("流程测试·退回重报（已调整）");
        assertThat(training.request(requestId(pi)).startDate()).isEqualTo(LocalDate.parse(
                revised.get("startDate").toString()));

        leaderDecides(pi, true);
        assertThat(pi).isWaitingAtExactly(HR_APPROVAL);
        assertThat(pi).task().hasCandidateGroup("hr-" + unitId);
        assertThat(status(pi)).isEqualTo("PENDING_HR");

        hrDecides(pi, true);
        assertThat(pi).isWaitingAtExactly(TrainingLeaveSteps.HANDOVER)
                .hasPassedInOrder(SUBMITTED, REVISE, RESUBMIT_DECISION, HR_APPROVAL, HR_DECISION)
                .hasNotPassed(WITHDRAWN);
        assertThat(status(pi)).isEqualTo("HANDOVER");
    }

    @Test
    void historyKeepsThePathTasksCandidatesAndLastValuesButNotTheEnginesOwnLogs() {
        ProcessInstance pi = startedAndWaitingForLeader("流程测试·历史记录");
        leaderDecides(pi, false);
        commands.resubmit(openTask(pi).getId(), "zhangwei", form("流程测试·历史记录（已调整）"), "已调整");
        leaderDecides(pi, true);

        assertThat(processEngine.getProcessEngineConfiguration().getHistory()).isEqualTo("cadreflow");
        HistoryService history = processEngine.getHistoryService();
        String id = pi.getId();
        // what the task centre, the diagram and the timeline read is all there ...
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(id).activityId(REVISE).count())
                .isEqualTo(1);
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(id).count()).isEqualTo(4);
        assertThat(history.createHistoricIdentityLinkLogQuery().taskId(openTask(pi).getId()).groupId("hr-" + unitId)
                .count()).isEqualTo(1);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(id).variableName("courseName")
                .singleResult().getValue()).isEqualTo("流程测试·历史记录（已调整）");
        // ... but not every intermediate variable value, nor the engine's operation log (workflow_action is ours)
        assertThat(history.createHistoricDetailQuery().processInstanceId(id).count()).isZero();
        assertThat(history.createUserOperationLogQuery().processInstanceId(id).count()).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM workflow_action WHERE process_instance_id = ?",
                Integer.class, id)).isEqualTo(4);
    }

    @Test
    void hrsDisagreementEndsTheRequestAsTheModelSays() {
        ProcessInstance pi = startedAndWaitingForLeader("流程测试·组织部不同意");
        leaderDecides(pi, true);
        assertThat(pi).isWaitingAtExactly(HR_APPROVAL);
        assertThat(status(pi)).isEqualTo("PENDING_HR");

        hrDecides(pi, false);
        assertThat(pi).isEnded()
                .hasPassedInOrder(SUBMITTED, LEADER_APPROVAL, HR_APPROVAL, HR_DECISION, REJECTED)
                .hasNotPassed(REVISE, COMPLETION_REPORT, CREDIT_HOURS);
        assertThat(pi).variables().containsEntry("approved", false);
        assertThat(status(pi)).isEqualTo("REJECTED");
        assertThat(inLedger(pi)).isFalse();
    }

    @Test
    void theFirstApprovalStepSendsTheRequestBackToTheApplicantForChanges() {
        ProcessInstance pi = startedAndWaitingForLeader("流程测试·首环节退回修改");
        commands.returnTo(openTask(pi).getId(), "lijun", REVISE, "请写明工作交接人。");
        assertThat(pi).isWaitingAtExactly(REVISE);
        assertThat(pi).task().hasDefinitionKey(REVISE).isAssignedTo("zhangwei");
        assertThat(status(pi)).isEqualTo("RETURNED");
        commands.resubmit(openTask(pi).getId(), "zhangwei", form("流程测试·首环节退回修改"), "已补充");
        assertThat(pi).isWaitingAtExactly(LEADER_APPROVAL);
        assertThat(status(pi)).isEqualTo("PENDING_LEADER");
    }

    @Test
    void theApplicantCancelsInOneStepWhileTheRequestIsBeingApproved() {
        ProcessInstance pi = startedAndWaitingForLeader("流程测试·撤销");
        assertThatThrownBy(() -> instanceCommands.cancel(pi.getId(), "lijun", null))
                .as("only the applicant").isInstanceOf(WorkflowException.class);
        leaderDecides(pi, true);
        instanceCommands.cancel(pi.getId(), "zhangwei", "行程有变");
        assertThat(pi).isEnded().hasPassed(WITHDRAWN).hasNotPassed(REVISE, RESUBMIT_DECISION, REJECTED);
        assertThat(status(pi)).isEqualTo("WITHDRAWN");
        assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(pi.getId()).singleResult().getEndActivityId()).isEqualTo(WITHDRAWN);

        ProcessInstance approved = startedAndWaitingForLeader("流程测试·批准后不能撤销");
        leaderDecides(approved, true);
        hrDecides(approved, true);
        assertThatThrownBy(() -> instanceCommands.cancel(approved.getId(), "zhangwei", null))
                .as("approved: 工作交接 is no approval any more")
                .isInstanceOfSatisfying(WorkflowException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("workflow.error.cannotCancel"));
    }

    @Test
    void rejectedByLeaderThenWithdrawnEndsWithoutHr() {
        ProcessInstance pi = startedAndWaitingForLeader("流程测试·负责人退回撤回");

        leaderDecides(pi, false);
        assertReturnedToStarter(pi);

        commands.withdraw(openTask(pi).getId(), "zhangwei", null);
        assertThat(pi).isEnded()
                .hasPassedInOrder(SUBMITTED, LEADER_APPROVAL, LEADER_DECISION, REVISE, RESUBMIT_DECISION,
                        WITHDRAWN)
                .hasNotPassed(HR_APPROVAL, HR_DECISION, COMPLETION_REPORT, CREDIT_HOURS);
        assertThat(status(pi)).isEqualTo("WITHDRAWN");
    }

    // ------------------------------------------------------------------ a leave of a published yearly plan

    /** The plan is published with one leave: its instance waits for 张伟's 工作交接. */
    ProcessInstance publishedAndWaitingForHandover(long planId, PlannedLeave leave) {
        plan.publish(planId, List.of(leave));
        TrainingLeaveRequest r = plan.request(planId, leave.courseId());
        ProcessInstance pi = plan.instance(r);
        assertThat(pi).isStarted().hasProcessDefinitionKey("trainingLeave").hasBusinessKey("PX-" + r.id())
                .isWaitingAtExactly(TrainingLeaveSteps.HANDOVER).hasPassed(SUBMITTED, TrainingLeaveSteps.ORIGIN)
                .hasNotPassed(LEADER_APPROVAL);
        assertThat(pi).task().hasDefinitionKey(TrainingLeaveSteps.HANDOVER).isAssignedTo("zhangwei");
        assertThat(pi).variables().containsEntry("initiator", "zhangwei").containsEntry("courseName", leave.title())
                .containsEntry("unitLeaderGroup", AppGroups.unitLeaders(unitId))
                .containsEntry("hrGroup", AppGroups.hrOfficers(unitId));
        assertThat(r.status()).isEqualTo("HANDOVER");
        assertThat(r.planned()).isTrue();
        return pi;
    }

    long requestId(PlannedLeave leave, long planId) {
        return plan.request(planId, leave.courseId()).id();
    }

    void handOver(ProcessInstance pi) {
        long id = requestId(pi);
        assertThat(planned.colleagues("zhangwei", id)).extracting(PlannedLeaves.Colleague::cadreId)
                .contains(plan.colleagueId).doesNotContain(plan.cadreId);
        planned.handOver("zhangwei", id, plan.colleagueId, "防汛值班表、村集体经济台账交由同事代管。");
    }

    /** The leader agreed and the course's first day came: the attendance step, for HR. */
    void onLeave(ProcessInstance pi) {
        handOver(pi);
        assertThat(pi).isWaitingAtExactly(TrainingLeaveSteps.PLAN_LEADER_APPROVAL);
        assertThat(pi).task().isNotAssigned().hasCandidateGroup("leader-" + unitId);
        leaderDecides(pi, true);
        assertThat(pi).isWaitingAtExactly(TrainingLeaveSteps.LEAVE_STARTS);
        assertThat(status(pi)).isEqualTo("APPROVED");
        plan.fire(pi, TrainingLeaveSteps.LEAVE_STARTS);
        assertThat(pi).isWaitingAtExactly(TrainingLeaveSteps.ATTENDANCE);
        assertThat(pi).task().isNotAssigned().hasCandidateGroup("hr-" + unitId);
        assertThat(status(pi)).isEqualTo("ON_LEAVE");
    }

    boolean record(ProcessInstance pi, int day, String attended, String absent) {
        TrainingLeaveRequest r = training.request(requestId(pi));
        return planned.recordDay("wangfang", r.id(), r.startDate().plusDays(day), new BigDecimal(attended),
                new BigDecimal(absent));
    }

    @Test
    void aPublishedLeaveRunsFromTheHandoverThroughAttendanceToTheLedgerAndTheLeadersReading() {
        long planId = PlannedLeaveFixture.newPlan();
        PlannedLeave leave = plan.leave(planId, "流程测试·计划培训结业");
        ProcessInstance pi = publishedAndWaitingForHandover(planId, leave);
        assertThat(plan.publish(planId, List.of(leave)).started()).as("published again: no duplicate").isZero();
        assertThat(plan.count(planId, leave.courseId())).isEqualTo(1);

        onLeave(pi);
        assertThat(training.request(requestId(pi)).substituteCadreId()).isEqualTo(plan.colleagueId);
        for (int day = 0; day < 5; day++) {
            assertThat(record(pi, day, day == 2 ? "5" : "7", day == 2 ? "2" : "0")).isFalse();
        }
        assertThatThrownBy(() -> planned.finishAttendance("wangfang", requestId(pi)))
                .as("the course is not over yet").isInstanceOfSatisfying(WorkflowException.class,
                        e -> assertThat(e.errors()).extracting(err -> err.messageKey())
                                .containsExactly("training.error.attendanceNotOver"));
        plan.courseIsOver(training.request(requestId(pi)));
        planned.finishAttendance("wangfang", requestId(pi));

        assertThat(pi).isWaitingAtExactly(TrainingLeaveSteps.LEARNING_REPORT)
                .hasPassed(TrainingLeaveSteps.ATTENDANCE_OUTCOME, TrainingLeaveSteps.CREDIT_ATTENDED)
                .hasNotPassed(TrainingLeaveSteps.DROP_OUT, HR_APPROVAL, COMPLETION_REPORT);
        assertThat(pi).task().isAssignedTo("zhangwei");
        assertThat(status(pi)).isEqualTo("REPORTING");
        assertThat(ledger.ledger(plan.cadreId)).anyMatch(r -> Long.valueOf(requestId(pi)).equals(r.requestId())
                && r.hours().compareTo(BigDecimal.valueOf(33)) == 0);

        commands.submitForm(openTask(pi).getId(), "zhangwei", Map.of("learningReport", "同吃同住同劳动一周，摸清了村里的产业底数。"));
        assertThat(pi).isWaitingAtExactly(TrainingLeaveSteps.REPORT_READ);
        assertThat(pi).task().isNotAssigned().hasCandidateGroup("leader-" + unitId);
        commands.submitForm(openTask(pi).getId(), "lijun", Map.of("readNote", "已阅。"));
        assertThat(pi).isEnded().hasPassedInOrder(SUBMITTED, TrainingLeaveSteps.ORIGIN, TrainingLeaveSteps.HANDOVER,
                TrainingLeaveSteps.PLAN_LEADER_APPROVAL, TrainingLeaveSteps.LEAVE_STARTS, TrainingLeaveSteps.ATTENDANCE,
                TrainingLeaveSteps.CREDIT_ATTENDED, TrainingLeaveSteps.LEARNING_REPORT, TrainingLeaveSteps.REPORT_READ,
                TrainingLeaveSteps.PLAN_COMPLETED);
        assertThat(status(pi)).isEqualTo("COMPLETED");
    }

    @Test
    void withoutASubstituteTheHandoverCannotBeCompletedAndNothingChanges() {
        long planId = PlannedLeaveFixture.newPlan();
        ProcessInstance pi = publishedAndWaitingForHandover(planId, plan.leave(planId, "流程测试·未指定交接人"));
        long id = requestId(pi);
        assertThatThrownBy(() -> planned.handOver("zhangwei", id, null, "工作交由同事代管。"))
                .isInstanceOfSatisfying(WorkflowException.class, e -> assertThat(e.errors())
                        .extracting(err -> err.messageKey()).containsExactly("training.error.noSubstitute"));
        assertThatThrownBy(() -> commands.submitForm(openTask(pi).getId(), "zhangwei",
                Map.of("handover", "工作交由同事代管。"))).as("nor from the task centre")
                .isInstanceOfSatisfying(WorkflowException.class, e -> assertThat(e.errors())
                        .extracting(err -> err.messageKey()).containsExactly("training.error.noSubstitute"));
        assertThatThrownBy(() -> planned.handOver("zhangwei", id, plan.cadreId, "工作交由同事代管。"))
                .as("not oneself").isInstanceOfSatisfying(WorkflowException.class, e -> assertThat(e.errors())
                        .extracting(err -> err.messageKey()).containsExactly("training.error.notColleague"));
        assertThatThrownBy(() -> planned.handOver("lijun", id, plan.colleagueId, "代为交接"))
                .as("only the cadre").isInstanceOfSatisfying(WorkflowException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("training.error.requestNotFound"));
        assertThat(pi).isWaitingAtExactly(TrainingLeaveSteps.HANDOVER);
        assertThat(training.request(id).substituteCadreId()).isNull();
        assertThat(status(pi)).isEqualTo("HANDOVER");
    }

    @Test
    void theLeadersRefusalGoesBackToTheCadreWhoRevisesThenWithdraws() {
        long planId = PlannedLeaveFixture.newPlan();
        ProcessInstance pi = publishedAndWaitingForHandover(planId, plan.leave(planId, "流程测试·计划培训不同意"));
        handOver(pi);
        leaderDecides(pi, false);
        assertThat(pi).isWaitingAtExactly(TrainingLeaveSteps.HANDOVER_REVISE)
                .hasPassed(TrainingLeaveSteps.PLAN_LEADER_DECISION).hasNotPassed(TrainingLeaveSteps.LEAVE_STARTS);
        assertThat(pi).task().isAssignedTo("zhangwei");
        assertThat(status(pi)).isEqualTo("RETURNED");

        planned.handOver("zhangwei", requestId(pi), plan.colleagueId, "补充：党建台账也交由同事代管。");
        assertThat(pi).isWaitingAtExactly(TrainingLeaveSteps.PLAN_LEADER_APPROVAL);
        assertThat(training.request(requestId(pi)).handover()).startsWith("补充");
        leaderDecides(pi, false);
        commands.withdraw(openTask(pi).getId(), "zhangwei", "另行安排");
        assertThat(pi).isEnded().hasPassed(TrainingLeaveSteps.HANDOVER_RESUBMIT, WITHDRAWN)
                .hasNotPassed(TrainingLeaveSteps.LEAVE_STARTS, HR_APPROVAL);
        assertThat(status(pi)).isEqualTo("WITHDRAWN");
    }

    @Test
    void absenceUpToOneSeventhIsAllowedAndAnHourMoreWithdrawsTheCadreAtOnce() {
        long planId = PlannedLeaveFixture.newPlan();
        ProcessInstance pi = publishedAndWaitingForHandover(planId, plan.leave(planId, "流程测试·缺勤退学"));
        onLeave(pi);
        // 35 学时: 1/7 is 5 hours
        assertThat(record(pi, 0, "3", "4")).as("one hour under 1/7").isFalse();
        assertThat(pi).isWaitingAtExactly(TrainingLeaveSteps.ATTENDANCE);
        assertThat(record(pi, 1, "6", "1")).as("exactly 1/7").isFalse();
        assertThat(pi).isWaitingAtExactly(TrainingLeaveSteps.ATTENDANCE);
        assertThat(status(pi)).isEqualTo("ON_LEAVE");
        assertThat(record(pi, 2, "6", "1")).as("above 1/7").isTrue();

        assertThat(pi).isWaitingAtExactly(TrainingLeaveSteps.DROP_OUT_NOTICE).hasPassed(TrainingLeaveSteps.DROP_OUT)
                .hasNotPassed(TrainingLeaveSteps.CREDIT_ATTENDED);
        assertThat(pi).task().isNotAssigned().hasCandidateGroup("hr-" + unitId);
        assertThat(status(pi)).isEqualTo("DROPPED_OUT");
        assertThat(ledger.ledger(plan.cadreId)).noneMatch(r -> Long.valueOf(requestId(pi)).equals(r.requestId()));
        commands.submitForm(openTask(pi).getId(), "wangfang", Map.of("attendanceNote", "已通知本人及所在单位。"));
        assertThat(pi).isEnded().hasPassed(TrainingLeaveSteps.DROPPED_OUT);
    }

    @Test
    void aCadreWhoHasNotHandedOverIsRemindedThenHrIsTold() {
        long planId = PlannedLeaveFixture.newPlan();
        ProcessInstance pi = publishedAndWaitingForHandover(planId, plan.leave(planId, "流程测试·交接提醒"));
        assertThat(plan.notifications("zhangwei", pi)).isZero();
        plan.fire(pi, TrainingLeaveSteps.HANDOVER_REMINDER);
        assertThat(pi).isWaitingAtExactly(TrainingLeaveSteps.HANDOVER).hasPassed(TrainingLeaveSteps.REMIND_HANDOVER);
        assertThat(plan.notifications("zhangwei", pi)).isEqualTo(1);
        assertThat(plan.notifications("wangfang", pi)).isZero();
        plan.fire(pi, TrainingLeaveSteps.HANDOVER_OVERDUE);
        assertThat(pi).isWaitingAtExactly(TrainingLeaveSteps.HANDOVER)
                .hasPassed(TrainingLeaveSteps.ESCALATE_HANDOVER);
        assertThat(plan.notifications("wangfang", pi)).as("HR escalated").isEqualTo(1);
        assertThat(pi).task().isAssignedTo("zhangwei");
    }

    @Test
    void aLeaderWhoHoldsAPlannedLeaveIsRemindedThenHrIsToldUntilTheLeaderActs() {
        long planId = PlannedLeaveFixture.newPlan();
        ProcessInstance pi = publishedAndWaitingForHandover(planId, plan.leave(planId, "流程测试·审批提醒"));
        handOver(pi);
        assertThat(pi).isWaitingAtExactly(TrainingLeaveSteps.PLAN_LEADER_APPROVAL);
        // the new task itself may be announced to the leader; the reminders come on top of that
        int leader = plan.notifications("lijun", pi);
        int cadre = plan.notifications("zhangwei", pi);
        int hr = plan.notifications("wangfang", pi);

        plan.fire(pi, TrainingLeaveSteps.LEADER_REMINDER);
        assertThat(pi).isWaitingAtExactly(TrainingLeaveSteps.PLAN_LEADER_APPROVAL)
                .hasPassed(TrainingLeaveSteps.REMIND_LEADER).hasNotPassed(TrainingLeaveSteps.ESCALATE_LEADER);
        assertThat(plan.notifications("lijun", pi)).as("the leader holding the step").isEqualTo(leader + 1);
        assertThat(plan.notifications("zhangwei", pi)).as("the cadre has done his part").isEqualTo(cadre);
        assertThat(plan.notifications("wangfang", pi)).isEqualTo(hr);

        plan.fire(pi, TrainingLeaveSteps.LEADER_OVERDUE);
        assertThat(pi).isWaitingAtExactly(TrainingLeaveSteps.PLAN_LEADER_APPROVAL)
                .hasPassed(TrainingLeaveSteps.ESCALATE_LEADER);
        assertThat(plan.notifications("lijun", pi)).as("the same 催办 item, refreshed").isEqualTo(leader + 1);
        assertThat(plan.notifications("wangfang", pi)).as("HR escalated").isEqualTo(hr + 1);
        assertThat(plan.notifications("zhangwei", pi)).isEqualTo(cadre);
        assertThat(pi).task().isNotAssigned().hasCandidateGroup("leader-" + unitId);

        // once the leader acts, nothing more is sent
        leaderDecides(pi, true);
        assertThat(pi).isWaitingAtExactly(TrainingLeaveSteps.LEAVE_STARTS);
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).timers().count())
                .as("only the first day's timer is left").isEqualTo(1);
        assertThat(management.createJobQuery().processInstanceId(pi.getId()).timers()
                .activityId(TrainingLeaveSteps.LEAVE_STARTS).count()).isEqualTo(1);
    }

    @Test
    void republishingStartsNoDuplicatesAndEndsTheLeavesItDroppedWithTheReason() {
        long planId = PlannedLeaveFixture.newPlan();
        PlannedLeave kept = plan.leave(planId, "流程测试·保留");
        PlannedLeave dropped = plan.leave(planId, "流程测试·取消");
        assertThat(plan.publish(planId, List.of(kept, dropped)).started()).isEqualTo(2);
        ProcessInstance droppedPi = plan.instance(plan.request(planId, dropped.courseId()));

        PlannedLeaves.Outcome again = plan.publish(planId, List.of(kept));
        assertThat(again.started()).isZero();
        assertThat(again.ended()).isEqualTo(1);
        assertThat(droppedPi).isEnded();
        assertThat(plan.request(planId, dropped.courseId()).status()).isEqualTo("TERMINATED");
        assertThat(jdbc.queryForObject("SELECT ended_reason FROM training_leave_request WHERE id = ?", String.class,
                requestId(dropped, planId))).isEqualTo(PlannedLeaves.PLAN_CHANGED);
        assertThat(plan.count(planId, kept.courseId())).isEqualTo(1);
        assertThat(plan.instance(plan.request(planId, kept.courseId()))).isNotNull();

        assertThat(plan.publish(planId, List.of(kept, dropped)).started()).as("assigned again: a new leave").isEqualTo(1);
        assertThat(plan.count(planId, dropped.courseId())).isEqualTo(2);
    }
}
