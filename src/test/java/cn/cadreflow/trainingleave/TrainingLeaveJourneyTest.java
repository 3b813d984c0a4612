package cn.cadreflow.trainingleave;

import static cn.cadreflow.TrainingRequests.request;
import static cn.cadreflow.trainingleave.TrainingLeaveSteps.HR_APPROVAL;
import static cn.cadreflow.trainingleave.TrainingLeaveSteps.LEADER_APPROVAL;
import static cn.cadreflow.trainingleave.TrainingLeaveSteps.REVISE;
import static cn.cadreflow.trainingleave.TrainingLeaveSteps.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.security.UserService;
import cn.cadreflow.training.TrainingLedger;
import cn.cadreflow.workflow.Action;
import cn.cadreflow.workflow.TimelineEntry;
import cn.cadreflow.workflow.WorkflowException;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.TaskCommands;
import cn.cadreflow.workflow.WorkflowQueries;
import cn.cadreflow.workflow.WorkflowViews;

/** The training-leave journey through the workflow facade, as the three demo users live it. */
@CadreFlowTest
class TrainingLeaveJourneyTest {

    @Autowired
    ProcessStarts starts;
    @Autowired
    TaskCommands commands;
    @Autowired
    WorkflowQueries queries;
    @Autowired
    TrainingLeaveService training;
    @Autowired
    TrainingLedger ledger;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlannedLeaves planned;

    WorkflowViews.TaskSummary only(String user, String processInstanceId) {
        List<WorkflowViews.TaskSummary> tasks = queries.inbox(user, 0, 100).stream()
                .filter(t -> t.processInstanceId().equals(processInstanceId)).toList();
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    boolean hasTask(String user, String processInstanceId) {
        return queries.inbox(user, 0, 100).stream().anyMatch(t -> t.processInstanceId().equals(processInstanceId));
    }

    @Test
    void cadreSeesTheFormPrefilledWithWhatTheSystemKnows() {
        assertThat(starts.startOptions("zhangwei")).extracting(WorkflowViews.StartOption::processKey)
                .contains(TrainingLeaveService.PROCESS_KEY);
        Map<String, Object> known = starts.startForm(TrainingLeaveService.PROCESS_KEY, "zhangwei").known();
        assertThat(known).containsEntry("cadreName", "张伟").containsEntry("unitName", "青山镇")
                .containsEntry("postName", "党政综合办公室科员").containsEntry("rankName", "科员");
        assertThat(((Number) known.get("trainingHoursThisYear")).doubleValue()).isGreaterThanOrEqualTo(24.0);
    }

    @Test
    void approvedByLeaderAndHrTheLeaveWaitsForTheHandoverThenItsFirstDayNotForTheLedger() {
        long cadreId = users.find("zhangwei").orElseThrow().cadreId();
        LocalDate start = LocalDate.now().plusDays(30);
        String pi = starts.start(TrainingLeaveService.PROCESS_KEY, "zhangwei", request("数字政府建设专题班", start, 3, 24));

        assertThat(hasTask("liuyang", pi)).as("the leader of another township").isFalse();
        WorkflowViews.TaskSummary leaderTask = only("lijun", pi);
        assertThat(leaderTask.stepKey()).isEqualTo(LEADER_APPROVAL);
        assertThat(leaderTask.starterName()).isEqualTo("张伟");
        WorkflowViews.TaskDetail detail = queries.task(leaderTask.taskId(), "lijun");
        assertThat(detail.kind()).isEqualTo(WorkflowViews.StepKind.APPROVAL);
        assertThat(detail.values()).containsEntry("courseName", "数字政府建设专题班").containsEntry("cadreName", "张伟");
        commands.decide(leaderTask.taskId(), "lijun", true, "同意，工作已安排。");

        assertThat(hasTask("sunli", pi)).as("HR of another county").isFalse();
        WorkflowViews.TaskSummary hrTask = only("wangfang", pi);
        assertThat(hrTask.stepKey()).isEqualTo(HR_APPROVAL);
        commands.decide(hrTask.taskId(), "wangfang", true, "同意。");

        long requestId = jdbc.queryForObject(
                "SELECT id FROM training_leave_request WHERE process_instance_id = ?", Long.class, pi);
        assertThat(training.request(requestId).status()).isEqualTo("HANDOVER");
        assertThat(ledger.ledger(cadreId)).as("an approved leave is not yet a course attended")
                .noneMatch(r -> Long.valueOf(requestId).equals(r.requestId()));
        WorkflowViews.TaskSummary handover = only("zhangwei", pi);
        assertThat(handover.stepKey()).isEqualTo(TrainingLeaveSteps.HANDOVER);
        assertThatThrownBy(() -> commands.submitForm(handover.taskId(), "zhangwei", Map.of("handover", "文件收发。")))
                .as("no substitute named on the 工作交接 page yet")
                .isInstanceOfSatisfying(WorkflowException.class, e -> assertThat(e.errors())
                        .extracting(err -> err.messageKey()).containsExactly("training.error.noSubstitute"));

        long colleague = planned.colleagues("zhangwei", requestId).get(0).cadreId();
        planned.handOver("zhangwei", requestId, colleague, "党政办文件收发交由同事代管。");
        assertThat(training.request(requestId).status()).as("waits for its first day").isEqualTo("APPROVED");
        assertThat(hasTask("zhangwei", pi)).isFalse();
        assertThat(hasTask("lijun", pi)).as("the leader approved already").isFalse();
        assertThat(ledger.ledger(cadreId)).noneMatch(r -> Long.valueOf(requestId).equals(r.requestId()));
        WorkflowViews.InstanceSummary mine = queries.started("zhangwei", 0, 100).stream()
                .filter(i -> i.processInstanceId().equals(pi)).findFirst().orElseThrow();
        assertThat(mine.running()).isTrue();
        assertThat(queries.instance(pi, "zhangwei").timeline()).extracting(TimelineEntry::action)
                .containsExactly(Action.SUBMIT, Action.APPROVE, Action.APPROVE, Action.SUBMIT_FORM);
        assertThat(queries.diagram(pi, "zhangwei").completed()).contains(LEADER_APPROVAL, HR_APPROVAL,
                TrainingLeaveSteps.HANDOVER);
        assertThat(queries.diagram(pi, "zhangwei").active()).contains(TrainingLeaveSteps.LEAVE_STARTS);
    }

    @Test
    void rejectedRequestIsRevisedAndResubmittedOrWithdrawn() {
        LocalDate start = LocalDate.now().plusDays(60);
        String pi = starts.start(TrainingLeaveService.PROCESS_KEY, "zhangwei", request("乡村振兴专题班", start, 2, 16));
        WorkflowViews.TaskSummary leaderTask = only("lijun", pi);
        assertThatThrownBy(() -> commands.decide(leaderTask.taskId(), "lijun", false, "  "))
                .isInstanceOf(WorkflowException.class).hasMessage("workflow.error.opinionRequired");
        commands.decide(leaderTask.taskId(), "lijun", false, "时间与防汛值班冲突，请调整。");

        WorkflowViews.TaskSummary revise = only("zhangwei", pi);
        assertThat(revise.stepKey()).isEqualTo(REVISE);
        long requestId = jdbc.queryForObject(
                "SELECT id FROM training_leave_request WHERE process_instance_id = ?", Long.class, pi);
        assertThat(training.request(requestId).status()).isEqualTo("RETURNED");
        commands.resubmit(revise.taskId(), "zhangwei", request("乡村振兴专题班", start.plusDays(7), 2, 16), "已调整时间");
        assertThat(training.request(requestId).startDate()).isEqualTo(start.plusDays(7));
        assertThat(training.request(requestId).status()).isEqualTo("PENDING_LEADER");

        WorkflowViews.TaskSummary again = only("lijun", pi);
        commands.decide(again.taskId(), "lijun", false, "仍有冲突。");
        commands.withdraw(only("zhangwei", pi).taskId(), "zhangwei", "不再参加");
        assertThat(training.request(requestId).status()).isEqualTo("WITHDRAWN");
        assertThat(queries.instance(pi, "zhangwei").timeline()).extracting(TimelineEntry::action)
                .containsExactly(Action.SUBMIT, Action.REJECT, Action.RESUBMIT, Action.REJECT, Action.WITHDRAW);
        assertThat(queries.started("zhangwei", 0, 100).stream()
                .filter(i -> i.processInstanceId().equals(pi)).findFirst().orElseThrow().outcomeKey())
                .isEqualTo(WITHDRAWN);
    }

    @Test
    void badInputIsRefusedWithReasonsAndChangesNothing() {
        int requests = jdbc.queryForObject("SELECT COUNT(*) FROM training_leave_request", Integer.class);
        long instances = queries.countStarted("zhangwei");
        Map<String, Object> bad = request("", LocalDate.now().plusDays(10), 2, 100);
        bad.put("endDate", LocalDate.now().plusDays(5).toString());
        assertThatThrownBy(() -> starts.start(TrainingLeaveService.PROCESS_KEY, "zhangwei", bad))
                .isInstanceOfSatisfying(WorkflowException.class, e -> assertThat(e.errors())
                        .extracting(err -> err.field() + ":" + err.messageKey())
                        .as("every problem at once: the form's rules and the training rules")
                        .containsExactly("courseName:form.error.required", "endDate:training.error.endBeforeStart"));
        bad.put("courseName", "专题班");
        assertThatThrownBy(() -> starts.start(TrainingLeaveService.PROCESS_KEY, "zhangwei", bad))
                .isInstanceOfSatisfying(WorkflowException.class, e -> assertThat(e.errors())
                        .extracting(err -> err.field() + ":" + err.messageKey())
                        .containsExactly("endDate:training.error.endBeforeStart"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM training_leave_request", Integer.class))
                .isEqualTo(requests);
        assertThat(queries.countStarted("zhangwei")).isEqualTo(instances);
    }

    @Test
    void nobodyElseCanReachTheTask() {
        String pi = starts.start(TrainingLeaveService.PROCESS_KEY, "zhangwei",
                request("应急管理专题班", LocalDate.now().plusDays(90), 1, 8));
        String taskId = only("lijun", pi).taskId();
        for (String outsider : List.of("chenjing", "liuyang", "zhangwei", "sunli", "admin")) {
            assertThatThrownBy(() -> queries.task(taskId, outsider)).as(outsider)
                    .isInstanceOfSatisfying(WorkflowException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("workflow.error.notYourTask"));
            assertThatThrownBy(() -> commands.decide(taskId, outsider, true, "同意")).as(outsider)
                    .isInstanceOf(WorkflowException.class);
        }
        assertThatThrownBy(() -> queries.instance(pi, "chenjing")).isInstanceOf(WorkflowException.class);
        commands.decide(taskId, "lijun", true, "同意");
    }
}
