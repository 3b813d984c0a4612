package cn.cadreflow.trainingleave;

import static cn.cadreflow.trainingleave.TrainingLeaveSteps.APPROVED;
import static cn.cadreflow.trainingleave.TrainingLeaveSteps.HR_APPROVAL;
import static cn.cadreflow.trainingleave.TrainingLeaveSteps.HR_DECISION;
import static cn.cadreflow.trainingleave.TrainingLeaveSteps.LEADER_APPROVAL;
import static cn.cadreflow.trainingleave.TrainingLeaveSteps.LEADER_DECISION;
import static cn.cadreflow.trainingleave.TrainingLeaveSteps.RECORD_LEDGER;
import static cn.cadreflow.trainingleave.TrainingLeaveSteps.RESUBMIT_DECISION;
import static cn.cadreflow.trainingleave.TrainingLeaveSteps.REVISE;
import static cn.cadreflow.trainingleave.TrainingLeaveSteps.SUBMITTED;
import static cn.cadreflow.trainingleave.TrainingLeaveSteps.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
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
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.TaskCommands;

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
    TrainingLeaveService training;
    @Autowired
    TrainingLedger ledger;
    @Autowired
    JdbcTemplate jdbc;

    long unitId;

    @BeforeEach
    void initAssertions() {
        BpmnAwareTests.init(processEngine);
        unitId = ((Number) starts.knownData("zhangwei").get("unitId")).longValue();
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

    @Test
    void approvedByLeaderAndHrIsRecordedInTheLedger() {
        ProcessInstance pi = startedAndWaitingForLeader("流程测试·双同意");

        leaderDecides(pi, true);
        assertThat(pi).isWaitingAtExactly(HR_APPROVAL).hasPassed(LEADER_APPROVAL, LEADER_DECISION);
        assertThat(pi).task().hasDefinitionKey(HR_APPROVAL).isNotAssigned().hasCandidateGroup("hr-" + unitId);
        assertThat(pi).variables().containsEntry("approved", true);
        assertThat(status(pi)).isEqualTo("PENDING_HR");

        hrDecides(pi, true);
        assertThat(pi).isEnded()
                .hasPassedInOrder(SUBMITTED, LEADER_APPROVAL, LEADER_DECISION, HR_APPROVAL, HR_DECISION,
                        RECORD_LEDGER, APPROVED)
                .hasNotPassed(REVISE, RESUBMIT_DECISION, WITHDRAWN);
        assertThat(status(pi)).isEqualTo("APPROVED");
        long cadreId = training.request(requestId(pi)).cadreId();
        assertThat(ledger.ledger(cadreId)).anyMatch(r -> "流程测试·双同意".equals(r.courseName())
                && Long.valueOf(requestId(pi)).equals(r.requestId()));
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
        assertThat(pi).isEnded()
                .hasPassedInOrder(SUBMITTED, REVISE, RESUBMIT_DECISION, HR_APPROVAL, HR_DECISION,
                        RECORD_LEDGER, APPROVED)
                .hasNotPassed(WITHDRAWN);
        assertThat(status(pi)).isEqualTo("APPROVED");
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
    void rejectedByHrThenWithdrawnNeverReachesTheLedger() {
        ProcessInstance pi = startedAndWaitingForLeader("流程测试·组织部退回");
        leaderDecides(pi, true);
        assertThat(pi).isWaitingAtExactly(HR_APPROVAL);
        assertThat(status(pi)).isEqualTo("PENDING_HR");

        hrDecides(pi, false);
        assertReturnedToStarter(pi);
        assertThat(pi).hasPassed(HR_APPROVAL, HR_DECISION);

        commands.withdraw(openTask(pi).getId(), "zhangwei", "不再参加");
        assertThat(pi).isEnded()
                .hasPassedInOrder(SUBMITTED, LEADER_APPROVAL, HR_APPROVAL, REVISE, RESUBMIT_DECISION,
                        WITHDRAWN)
                .hasNotPassed(RECORD_LEDGER, APPROVED);
        assertThat(pi).variables().containsEntry("resubmit", false);
        assertThat(status(pi)).isEqualTo("WITHDRAWN");
        long cadreId = training.request(requestId(pi)).cadreId();
        assertThat(ledger.ledger(cadreId)).noneMatch(r -> Long.valueOf(requestId(pi)).equals(r.requestId()));
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
                .hasNotPassed(HR_APPROVAL, HR_DECISION, RECORD_LEDGER, APPROVED);
        assertThat(status(pi)).isEqualTo("WITHDRAWN");
    }
}
