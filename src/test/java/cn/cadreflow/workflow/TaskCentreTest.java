package cn.cadreflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.TrainingRequests;
import cn.cadreflow.workflow.internal.notify.Notification;
import cn.cadreflow.workflow.internal.notify.Notifications;
import cn.cadreflow.workflow.internal.query.TaskLists;
import cn.cadreflow.workflow.internal.query.TaskRow;

/** Every task-centre operation on the training-leave process, as the demo users would use them. */
@CadreFlowTest
class TaskCentreTest {

    // far beyond this and next year, whose published training plans (other tests') give zhangwei leaves of his own
    static final AtomicInteger DAY = new AtomicInteger(1000);

    @Autowired
    ProcessStarts starts;
    @Autowired
    TaskCommands commands;
    @Autowired
    InstanceCommands instanceCommands;
    @Autowired
    WorkflowQueries queries;
    @Autowired
    TaskLists lists;
    @Autowired
    Notifications notifications;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TaskService tasks;
    @Autowired
    UserDirectory directory;

    /** A fresh request by zhangwei on dates no other test uses. */
    String submit() {
        LocalDate start = LocalDate.now().plusDays(DAY.addAndGet(3));
        return starts.start("trainingLeave", "zhangwei", TrainingRequests.request("专题班", start, 1, 8));
    }

    TaskRow open(String processInstanceId) {
        List<TaskRow> open = jdbc.query("SELECT task_id, step_key, assignee FROM wf_task"
                        + " WHERE process_instance_id = ? AND state = 'OPEN' AND parent_task_id IS NULL",
                (rs, i) -> new TaskRow(rs.getString(1), null, processInstanceId, "trainingLeave", rs.getString(2), "",
                        null, null, null, null, null, rs.getString(3), null, "OPEN", null, null, null, null),
                processInstanceId);
        assertThat(open).hasSize(1);
        return open.get(0);
    }

    List<Action> actions(String processInstanceId) {
        return queries.instance(processInstanceId, "zhangwei").timeline().stream().map(TimelineEntry::action).toList();
    }

    @Test
    void claimMovesATaskFromTheGroupToOnePersonAndBack() {
        String pi = submit();
        String task = open(pi).taskId();
        assertThat(lists.list("lijun", TaskLists.Box.CLAIMABLE, TaskFilter.NONE, 0, 100))
                .extracting(TaskRow::taskId).contains(task);
        commands.claim(task, "lijun");
        assertThat(lists.list("lijun", TaskLists.Box.CLAIMABLE, TaskFilter.NONE, 0, 100))
                .extracting(TaskRow::taskId).doesNotContain(task);
        assertThat(lists.list("lijun", TaskLists.Box.TODO, TaskFilter.NONE, 0, 100))
                .extracting(TaskRow::taskId).contains(task);
        assertThat(queries.task(task, "lijun").unclaimable()).isTrue();
        commands.unclaim(task, "lijun");
        assertThat(open(pi).assignee()).isNull();
        assertThat(actions(pi)).containsSubsequence(Action.SUBMIT, Action.CLAIM, Action.UNCLAIM);
    }

    @Test
    void transferredTaskBelongsToTheNewPersonAndDelegatedComesBack() {
        String pi = submit();
        String task = open(pi).taskId();
        commands.transfer(task, "lijun", "liuyang", "本周出差，请刘洋代为审批");
        assertThat(open(pi).assignee()).isEqualTo("liuyang");
        assertThatThrownBy(() -> commands.decide(task, "lijun", true, "同意"))
                .isInstanceOf(WorkflowException.class);
        commands.delegate(task, "liuyang", "chenjing", "请核实培训通知");
        assertThat(open(pi).assignee()).isEqualTo("chenjing");
        WorkflowViews.TaskDetail delegated = queries.task(task, "chenjing");
        assertThat(delegated.delegated()).isTrue();
        assertThatThrownBy(() -> commands.decide(task, "chenjing", true, "同意"))
                .hasMessage("workflow.error.delegatedResolve");
        commands.resolve(task, "chenjing", "已核实，通知属实。");
        assertThat(open(pi).assignee()).isEqualTo("liuyang");
        commands.decide(task, "liuyang", true, "同意");
        assertThat(open(pi).stepKey()).isEqualTo("hrApproval");
        assertThat(actions(pi)).containsSubsequence(Action.TRANSFER, Action.DELEGATE, Action.RESOLVE, Action.APPROVE);
    }

    @Test
    void aRequestIsNeverHandedToItsOwnRequester() {
        String pi = submit();
        String task = open(pi).taskId();
        for (Runnable handOver : List.<Runnable>of(
                () -> commands.transfer(task, "lijun", "zhangwei", "请自行审批"),
                () -> commands.delegate(task, "lijun", "zhangwei", null),
                () -> commands.addApprovers(task, "lijun", List.of("zhangwei"), null))) {
            assertThatThrownBy(handOver::run).hasMessage("workflow.error.targetIsSubject");
        }
        assertThat(open(pi).assignee()).as("a refusal undoes even the claim on the way").isNull();
        assertThat(queries.task(task, "lijun").addedApprovers()).isEmpty();
    }

    @Test
    void addedApproversMustAllApproveAndOneRefusalRefuses() {
        String pi = submit();
        String task = open(pi).taskId();
        commands.addApprovers(task, "lijun", List.of("liuyang", "chenjing"), "请共同会签");
        String liuyangTask = queries.inbox("liuyang", 0, 100).stream()
                .filter(t -> pi.equals(t.processInstanceId())).findFirst().orElseThrow().taskId();
        commands.decide(task, "lijun", true, "同意");
        assertThat(queries.task(task, "lijun").ownerApproved()).isTrue();
        assertThat(open(pi).stepKey()).as("waits for the added approvers").isEqualTo("leaderApproval");
        commands.decide(liuyangTask, "liuyang", true, "同意");
        assertThat(open(pi).stepKey()).isEqualTo("leaderApproval");
        String chenjingTask = queries.inbox("chenjing", 0, 100).stream()
                .filter(t -> pi.equals(t.processInstanceId())).findFirst().orElseThrow().taskId();
        commands.decide(chenjingTask, "chenjing", true, "同意");
        assertThat(open(pi).stepKey()).isEqualTo("hrApproval");

        String pi2 = submit();
        String task2 = open(pi2).taskId();
        commands.addApprovers(task2, "lijun", List.of("liuyang"), null);
        String sub = queries.inbox("liuyang", 0, 100).stream()
                .filter(t -> pi2.equals(t.processInstanceId())).findFirst().orElseThrow().taskId();
        commands.decide(sub, "liuyang", false, "时间冲突");
        assertThat(open(pi2).stepKey()).as("one refusal refuses the step").isEqualTo("revise");
    }

    @Test
    void returnedToAnEarlierStepItGoesToWhoHandledItLastTime() {
        String pi = submit();
        commands.decide(open(pi).taskId(), "lijun", true, "同意");
        String hrTask = open(pi).taskId();
        WorkflowViews.TaskDetail detail = queries.task(hrTask, "wangfang");
        assertThat(detail.returnTargets()).as("the applicant, then the earlier steps")
                .extracting(WorkflowViews.Step::key).containsExactly("revise", "leaderApproval");
        assertThatThrownBy(() -> commands.returnTo(hrTask, "wangfang", "approved", "x"))
                .hasMessage("workflow.error.noSuchStep");
        commands.returnTo(hrTask, "wangfang", "leaderApproval", "请补充工作安排");
        TaskRow back = open(pi);
        assertThat(back.stepKey()).isEqualTo("leaderApproval");
        assertThat(back.assignee()).isEqualTo("lijun");
    }

    @Test
    void theLastApproverOrTheStarterRecallsWhileTheNextStepIsUntouched() {
        String pi = submit();
        assertThat(queries.instance(pi, "zhangwei").canRecall()).isTrue();
        instanceCommands.recall(pi, "zhangwei", "填错了日期");
        assertThat(open(pi).stepKey()).as("the starter gets the request back to revise").isEqualTo("revise");
        commands.resubmit(open(pi).taskId(), "zhangwei",
                TrainingRequests.request("专题班", LocalDate.now().plusDays(DAY.addAndGet(3)), 1, 8), null);

        commands.decide(open(pi).taskId(), "lijun", true, "同意");
        assertThatThrownBy(() -> instanceCommands.recall(pi, "zhangwei", null)).hasMessage("workflow.error.cannotRecall");
        instanceCommands.recall(pi, "lijun", "再考虑一下");
        TaskRow back = open(pi);
        assertThat(back.stepKey()).isEqualTo("leaderApproval");
        assertThat(back.assignee()).isEqualTo("lijun");

        commands.decide(back.taskId(), "lijun", true, "同意");
        commands.claim(open(pi).taskId(), "wangfang");
        assertThatThrownBy(() -> instanceCommands.recall(pi, "lijun", null))
                .as("the next step was touched").hasMessage("workflow.error.cannotRecall");
    }

    @Test
    void urgingTellsTheApproversAndIsRateLimited() {
        String pi = submit();
        long before = notifications.unread("lijun");
        instanceCommands.urge(pi, "zhangwei", "下周就要报到了");
        assertThat(notifications.unread("lijun")).isEqualTo(before + 1);
        assertThat(notifications.latest("lijun", 1).get(0).kind()).isEqualTo(Notification.Kind.URGE);
        assertThatThrownBy(() -> instanceCommands.urge(pi, "zhangwei", null)).hasMessage("workflow.error.urgedRecently");
        assertThatThrownBy(() -> instanceCommands.urge(pi, "chenjing", null)).isInstanceOf(WorkflowException.class);
    }

    @Test
    void onlyHrOverTheUnitOrAnAdminTerminates() {
        String pi = submit();
        assertThatThrownBy(() -> instanceCommands.terminate(pi, "sunli", "x")).isInstanceOf(WorkflowException.class);
        assertThatThrownBy(() -> instanceCommands.terminate(pi, "lijun", "x")).isInstanceOf(WorkflowException.class);
        assertThatThrownBy(() -> instanceCommands.terminate(pi, "wangfang", " ")).hasMessage("workflow.error.reasonRequired");
        instanceCommands.terminate(pi, "wangfang", "该班次已取消");
        assertThat(jdbc.queryForObject("SELECT status FROM training_leave_request WHERE process_instance_id = ?",
                String.class, pi)).isEqualTo("TERMINATED");
        assertThat(queries.started("zhangwei", 0, 100).stream().filter(i -> i.processInstanceId().equals(pi))
                .findFirst().orElseThrow().running()).isFalse();
        assertThat(notifications.latest("zhangwei", 1).get(0).kind()).isEqualTo(Notification.Kind.ENDED);
        String pi2 = submit();
        instanceCommands.terminate(pi2, "admin", "重复提交");
    }

    @Test
    void batchApprovalReportsEachTask() {
        String a = submit();
        String b = submit();
        String ta = open(a).taskId();
        String tb = open(b).taskId();
        commands.claim(tb, "lijun");
        commands.transfer(tb, "lijun", "liuyang", "转给刘洋");
        List<WorkflowViews.BatchResult> results = commands.approveAll(List.of(ta, tb), "lijun", "同意");
        assertThat(results).extracting(WorkflowViews.BatchResult::ok).containsExactly(true, false);
        assertThat(results.get(1).messageKey()).as("someone else holds it").isEqualTo("workflow.error.taskTaken");
        assertThat(open(a).stepKey()).isEqualTo("hrApproval");
        assertThat(lists.list("lijun", TaskLists.Box.DONE, TaskFilter.NONE, 0, 100)).extracting(TaskRow::taskId)
                .contains(ta);
        String hrA = open(a).taskId();
        assertThatThrownBy(() -> commands.approveAll(List.of(hrA, open(b).taskId()), "lijun", "同意"))
                .hasMessage("workflow.error.batchMixed");
    }

    @Test
    void copiedRequestsCanBeReadByTheirRecipients() {
        String pi = submit();
        assertThatThrownBy(() -> queries.instance(pi, "chenjing")).isInstanceOf(WorkflowException.class);
        long unread = queries.countCopies("chenjing", true);
        instanceCommands.copyTo(pi, "zhangwei", List.of("chenjing"));
        assertThat(queries.countCopies("chenjing", true)).isEqualTo(unread + 1);
        assertThat(queries.copies("chenjing", 0, 10).get(0).processInstanceId()).isEqualTo(pi);
        assertThat(queries.instance(pi, "chenjing").summary().processInstanceId()).isEqualTo(pi);
        assertThat(queries.countCopies("chenjing", true)).isEqualTo(unread);
    }

    @Test
    void attachmentsAreCheckedAndReadableByParticipants() {
        String pi = submit();
        String task = open(pi).taskId();
        byte[] pdf = "%PDF-1.4 培训通知".getBytes(StandardCharsets.UTF_8);
        commands.attach(task, "lijun", "../../etc/培训通知.pdf", pdf);
        assertThatThrownBy(() -> commands.attach(task, "lijun", "virus.exe", new byte[] {1}))
                .hasMessage("attachment.error.type");
        assertThatThrownBy(() -> commands.attach(task, "lijun", "fake.pdf", "MZ...".getBytes()))
                .hasMessage("attachment.error.content");
        assertThatThrownBy(() -> commands.attach(task, "lijun", "big.txt", new byte[11 * 1024 * 1024]))
                .hasMessage("attachment.error.size");
        assertThatThrownBy(() -> commands.attach(task, "chenjing", "a.pdf", pdf)).isInstanceOf(WorkflowException.class);
        List<WorkflowViews.AttachmentInfo> files = queries.attachments(pi, "zhangwei");
        assertThat(files).extracting(WorkflowViews.AttachmentInfo::name).containsExactly("培训通知.pdf");
        assertThat(queries.attachmentContent(pi, files.get(0).id(), "zhangwei")).isEqualTo(pdf);
        assertThatThrownBy(() -> queries.attachmentContent(pi, files.get(0).id(), "chenjing"))
                .isInstanceOf(WorkflowException.class);
    }

    @Test
    void listsFilterByProcessUnitCadreAndDueState() {
        String pi = submit();
        long unit = jdbc.queryForObject("SELECT id FROM org_unit WHERE name = '青山镇'", Long.class);
        long other = jdbc.queryForObject("SELECT id FROM org_unit WHERE name = '白沙镇'", Long.class);
        TaskFilter byUnit = new TaskFilter("trainingLeave", List.of(unit), "张", TaskFilter.Due.ANY, null);
        assertThat(lists.list("lijun", TaskLists.Box.TODO, byUnit, 0, 100)).extracting(TaskRow::processInstanceId)
                .contains(pi);
        assertThat(lists.list("lijun", TaskLists.Box.TODO,
                new TaskFilter(null, List.of(other), null, null, null), 0, 100)).isEmpty();
        assertThat(lists.list("lijun", TaskLists.Box.TODO,
                new TaskFilter(null, List.of(), "陈", null, null), 0, 100)).isEmpty();
        TaskRow row = lists.list("lijun", TaskLists.Box.TODO, byUnit, 0, 100).stream()
                .filter(t -> t.processInstanceId().equals(pi)).findFirst().orElseThrow();
        assertThat(row.dueAt()).as("the leader has three days").isNotNull();
        assertThat(lists.count("lijun", TaskLists.Box.TODO, new TaskFilter(null, null, null, TaskFilter.Due.SOON,
                null))).isZero();
        assertThat(lists.count("lijun", TaskLists.Box.TODO, new TaskFilter(null, null, null, TaskFilter.Due.ANY,
                TaskFilter.Sort.DUE))).isPositive();
        assertThat(notifications.latest("lijun", 50)).anyMatch(n -> pi.equals(n.processInstanceId())
                && n.kind() == Notification.Kind.TASK);
    }

    @Test
    void aTaskOfferedToSeveralOfMyGroupsTakesOnePlaceOnThePage() {
        String leaders = directory.groupsOf("lijun").stream().map(UserDirectory.DirectoryGroup::id)
                .filter(g -> g.startsWith("leader-")).findFirst().orElseThrow();
        List<String> ids = new ArrayList<>();
        // created "tomorrow", so that they head lijun's lists, and each offered to him twice: group and person
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(1, ChronoUnit.DAYS)));
        try {
            for (int i = 0; i < 3; i++) {
                Task task = tasks.newTask();
                task.setName("双重候选 " + i);
                tasks.saveTask(task);
                tasks.addCandidateGroup(task.getId(), leaders);
                tasks.addCandidateUser(task.getId(), "lijun");
                ids.add(task.getId());
            }
        } finally {
            ClockUtil.reset();
        }
        try {
            List<String> expected = ids.stream().sorted().toList(); // same second: by task id
            for (TaskLists.Box box : List.of(TaskLists.Box.TODO, TaskLists.Box.CLAIMABLE)) {
                assertThat(lists.list("lijun", box, TaskFilter.NONE, 0, 2)).extracting(TaskRow::taskId)
                        .as(box.name()).containsExactly(expected.get(0), expected.get(1));
                assertThat(lists.list("lijun", box, TaskFilter.NONE, 2, 2)).extracting(TaskRow::taskId)
                        .as(box.name()).startsWith(expected.get(2));
            }
        } finally {
            ids.forEach(id -> tasks.deleteTask(id, "test over"));
        }
        assertThat(lists.list("lijun", TaskLists.Box.TODO, TaskFilter.NONE, 0, 100)).extracting(TaskRow::taskId)
                .doesNotContainAnyElementsOf(ids);
    }
}
