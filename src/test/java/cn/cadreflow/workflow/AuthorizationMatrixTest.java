package cn.cadreflow.workflow;

import static cn.cadreflow.workflow.AuthorizationMatrixTest.Stage.ADDED_APPROVER;
import static cn.cadreflow.workflow.AuthorizationMatrixTest.Stage.HR;
import static cn.cadreflow.workflow.AuthorizationMatrixTest.Stage.HR_CLAIMED;
import static cn.cadreflow.workflow.AuthorizationMatrixTest.Stage.LEADER;
import static cn.cadreflow.workflow.AuthorizationMatrixTest.Stage.LEADER_ATTACHED;
import static cn.cadreflow.workflow.AuthorizationMatrixTest.Stage.LEADER_CLAIMED;
import static cn.cadreflow.workflow.AuthorizationMatrixTest.Stage.LEADER_COPIED;
import static cn.cadreflow.workflow.AuthorizationMatrixTest.Stage.LEADER_DELEGATED;
import static cn.cadreflow.workflow.AuthorizationMatrixTest.Stage.LEADER_TRANSFERRED;
import static cn.cadreflow.workflow.AuthorizationMatrixTest.Stage.NONE;
import static cn.cadreflow.workflow.AuthorizationMatrixTest.Stage.REVISE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.TrainingRequests;

/**
 * Who may do what in the task centre. Every operation of the task centre's API is tried by every demo user
 * against a fresh training-leave request of 张伟 (zhangwei, cadre of 青山镇) brought to the right step. The
 * expected answer is the table {@link #MATRIX}: an operation at a step, and the set of users who may do it.
 * Everyone else must get a {@link WorkflowException} with a refusal key, and nothing about the request may
 * change: same open tasks with the same holders, owners and delegation, same timeline, copies,
 * attachments, notifications, request status and ledger.
 *
 * <p>The users: zhangwei (the starter), chenjing (another cadre, 白沙镇), lijun (leader of 青山镇, the right
 * leader), liuyang (leader of 白沙镇, the wrong leader), wangfang (HR over 清河县, which covers 青山镇: the
 * right HR), sunli (HR of 云溪县: the wrong HR), zhaomin (discipline officer; in the set-ups below also
 * the third person tasks are transferred, delegated, added or copied to), admin.
 */
@CadreFlowTest
class AuthorizationMatrixTest {

    static final List<String> EVERYONE = List.of("zhangwei", "chenjing", "lijun", "liuyang", "wangfang", "sunli",
            "zhaomin", "admin");
    /** Who can see a request of zhangwei's waiting for his leader: starter, candidate, HR over the unit, admin. */
    static final Set<String> SEE = Set.of("zhangwei", "lijun", "wangfang", "admin");
    static final Set<String> NOBODY = Set.of();

    /** What a refusal may say: who you are does not allow it (never a form or input error). */
    static final Set<String> REFUSALS = Set.of("workflow.error.notYourTask", "workflow.error.taskTaken",
            "workflow.error.claimFirst", "workflow.error.notYourInstance", "workflow.error.cannotRecall",
            "workflow.error.cannotUrge", "workflow.error.cannotTerminate", "workflow.error.notStartable",
            "workflow.error.delegatedResolve", "workflow.error.wrongAction", "workflow.error.notClaimed");

    static final byte[] PDF = "%PDF-1.4 培训通知".getBytes(StandardCharsets.UTF_8);

    /** Where the fresh request is brought before the attempt. */
    enum Stage {
        /** No request (starting one). */
        NONE,
        /** Waiting for 青山镇's leader, nobody has taken it. */
        LEADER,
        /** lijun has signed for the leader step (签收). */
        LEADER_CLAIMED,
        /** lijun has handed the leader step to zhaomin (转办). */
        LEADER_TRANSFERRED,
        /** lijun has delegated the leader step to zhaomin (委派), who has not resolved it yet. */
        LEADER_DELEGATED,
        /** lijun added zhaomin as approver (加签); the task tried is zhaomin's sub-task. */
        ADDED_APPROVER,
        /** lijun attached a PDF to the leader step; the attachment tried is that one. */
        LEADER_ATTACHED,
        /** zhangwei copied the request to zhaomin (抄送). */
        LEADER_COPIED,
        /** lijun approved; waiting for HR over 清河县, nobody has taken it. */
        HR,
        /** lijun approved and wangfang signed for the HR step. */
        HR_CLAIMED,
        /** lijun refused; back with zhangwei to revise. */
        REVISE
    }

    /** One row of the matrix: an operation at a stage, who may do it, and how to try it. */
    record Rule(String operation, Stage stage, Set<String> allowed, boolean changes, Attempt attempt) {
        @Override
        public String toString() {
            return operation + " @ " + stage;
        }
    }

    @FunctionalInterface
    interface Attempt {
        Object run(AuthorizationMatrixTest t, Request r, String user) throws Exception;
    }

    /** The request an attempt is made on: the instance, the task to act on, an attachment if any. */
    record Request(String processInstanceId, String taskId, String attachmentId) {
    }

    static Rule changes(String operation, Stage stage, Set<String> allowed, Attempt attempt) {
        return new Rule(operation, stage, allowed, true, attempt);
    }

    static Rule reads(String operation, Stage stage, Set<String> allowed, Attempt attempt) {
        return new Rule(operation, stage, allowed, false, attempt);
    }

    /** Someone to hand a task or a copy to who is not the actor. */
    static String other(String user) {
        return user.equals("zhaomin") ? "sunli" : "zhaomin";
    }

    // ------------------------------------------------------------------------------------------------ the matrix

    static final List<Rule> MATRIX = List.of(
            // starting: the CADRE role and a cadre file (admin has neither)
            changes("start trainingLeave", NONE, Set.of("zhangwei", "chenjing", "lijun", "liuyang", "wangfang",
                    "sunli", "zhaomin"), (t, r, u) -> t.start(u)),

            // reading one task: its candidates or its holder
            reads("task", LEADER, Set.of("lijun"), (t, r, u) -> t.queries.task(r.taskId(), u)),
            reads("task", HR, Set.of("wangfang"), (t, r, u) -> t.queries.task(r.taskId(), u)),
            reads("task", REVISE, Set.of("zhangwei"), (t, r, u) -> t.queries.task(r.taskId(), u)),
            reads("task", LEADER_TRANSFERRED, Set.of("zhaomin"), (t, r, u) -> t.queries.task(r.taskId(), u)),

            // 签收 / 取消签收
            changes("claim", LEADER, Set.of("lijun"), (t, r, u) -> run(() -> t.commands.claim(r.taskId(), u))),
            changes("claim", HR, Set.of("wangfang"), (t, r, u) -> run(() -> t.commands.claim(r.taskId(), u))),
            changes("claim", LEADER_CLAIMED, NOBODY, (t, r, u) -> run(() -> t.commands.claim(r.taskId(), u))),
            changes("unclaim", LEADER_CLAIMED, Set.of("lijun"),
                    (t, r, u) -> run(() -> t.commands.unclaim(r.taskId(), u))),
            changes("unclaim", LEADER_DELEGATED, NOBODY, (t, r, u) -> run(() -> t.commands.unclaim(r.taskId(), u))),

            // 通过 / 不通过: the step's candidates or its holder
            changes("decide 通过", LEADER, Set.of("lijun"),
                    (t, r, u) -> run(() -> t.commands.decide(r.taskId(), u, true, "同意"))),
            changes("decide 不通过", LEADER, Set.of("lijun"),
                    (t, r, u) -> run(() -> t.commands.decide(r.taskId(), u, false, "时间冲突"))),
            changes("decide 通过", LEADER_CLAIMED, Set.of("lijun"),
                    (t, r, u) -> run(() -> t.commands.decide(r.taskId(), u, true, "同意"))),
            changes("decide 通过", LEADER_TRANSFERRED, Set.of("zhaomin"),
                    (t, r, u) -> run(() -> t.commands.decide(r.taskId(), u, true, "同意"))),
            changes("decide 通过", LEADER_DELEGATED, NOBODY,
                    (t, r, u) -> run(() -> t.commands.decide(r.taskId(), u, true, "同意"))),
            changes("decide 通过 (added approver's task)", ADDED_APPROVER, Set.of("zhaomin"),
                    (t, r, u) -> run(() -> t.commands.decide(r.taskId(), u, true, "同意"))),
            changes("decide 通过", HR, Set.of("wangfang"),
                    (t, r, u) -> run(() -> t.commands.decide(r.taskId(), u, true, "同意"))),
            changes("decide 不通过", HR, Set.of("wangfang"),
                    (t, r, u) -> run(() -> t.commands.decide(r.taskId(), u, false, "学时不符"))),
            changes("decide 通过", HR_CLAIMED, Set.of("wangfang"),
                    (t, r, u) -> run(() -> t.commands.decide(r.taskId(), u, true, "同意"))),
            changes("decide 通过", REVISE, NOBODY,
                    (t, r, u) -> run(() -> t.commands.decide(r.taskId(), u, true, "同意"))),

            // 转办 / 委派 / 委派办结
            changes("transfer", LEADER, Set.of("lijun"),
                    (t, r, u) -> run(() -> t.commands.transfer(r.taskId(), u, other(u), "出差"))),
            changes("transfer", LEADER_CLAIMED, Set.of("lijun"),
                    (t, r, u) -> run(() -> t.commands.transfer(r.taskId(), u, other(u), "出差"))),
            changes("transfer", LEADER_TRANSFERRED, Set.of("zhaomin"),
                    (t, r, u) -> run(() -> t.commands.transfer(r.taskId(), u, other(u), "出差"))),
            changes("transfer", HR, Set.of("wangfang"),
                    (t, r, u) -> run(() -> t.commands.transfer(r.taskId(), u, other(u), "出差"))),
            changes("transfer", REVISE, NOBODY,
                    (t, r, u) -> run(() -> t.commands.transfer(r.taskId(), u, other(u), "请代为修改"))),
            changes("delegate", LEADER, Set.of("lijun"),
                    (t, r, u) -> run(() -> t.commands.delegate(r.taskId(), u, other(u), "请核实"))),
            changes("delegate", HR, Set.of("wangfang"),
                    (t, r, u) -> run(() -> t.commands.delegate(r.taskId(), u, other(u), "请核实"))),
            changes("delegate", REVISE, NOBODY,
                    (t, r, u) -> run(() -> t.commands.delegate(r.taskId(), u, other(u), "请代为修改"))),
            changes("resolve", LEADER_DELEGATED, Set.of("zhaomin"),
                    (t, r, u) -> run(() -> t.commands.resolve(r.taskId(), u, "已核实"))),

            // 加签 / 退回
            changes("addApprovers", LEADER, Set.of("lijun"),
                    (t, r, u) -> run(() -> t.commands.addApprovers(r.taskId(), u, List.of(other(u)), "会签"))),
            changes("addApprovers", HR, Set.of("wangfang"),
                    (t, r, u) -> run(() -> t.commands.addApprovers(r.taskId(), u, List.of(other(u)), "会签"))),
            changes("addApprovers (added approver's task)", ADDED_APPROVER, NOBODY,
                    (t, r, u) -> run(() -> t.commands.addApprovers(r.taskId(), u, List.of(other(u)), "会签"))),
            changes("returnTo leaderApproval", HR, Set.of("wangfang"),
                    (t, r, u) -> run(() -> t.commands.returnTo(r.taskId(), u, "leaderApproval", "请补充"))),
            changes("returnTo leaderApproval", HR_CLAIMED, Set.of("wangfang"),
                    (t, r, u) -> run(() -> t.commands.returnTo(r.taskId(), u, "leaderApproval", "请补充"))),
            changes("returnTo leaderApproval (added approver's task)", ADDED_APPROVER, NOBODY,
                    (t, r, u) -> run(() -> t.commands.returnTo(r.taskId(), u, "leaderApproval", "请补充"))),

            // 批量审批: a refused task is reported, not thrown; the attempt turns it into the exception
            changes("approveAll", LEADER, Set.of("lijun"), (t, r, u) -> t.approveAll(r, u)),
            changes("approveAll", HR, Set.of("wangfang"), (t, r, u) -> t.approveAll(r, u)),

            // the revise step: only the starter
            changes("resubmit", REVISE, Set.of("zhangwei"),
                    (t, r, u) -> run(() -> t.commands.resubmit(r.taskId(), u, t.form(), "已调整"))),
            changes("withdraw", REVISE, Set.of("zhangwei"),
                    (t, r, u) -> run(() -> t.commands.withdraw(r.taskId(), u, "不去了"))),

            // 撤回: the starter while the first step is untouched, the last approver while the next one is
            changes("recall", LEADER, Set.of("zhangwei"),
                    (t, r, u) -> run(() -> t.instanceCommands.recall(r.processInstanceId(), u, "填错了"))),
            changes("recall", LEADER_CLAIMED, NOBODY,
                    (t, r, u) -> run(() -> t.instanceCommands.recall(r.processInstanceId(), u, "填错了"))),
            changes("recall", HR, Set.of("lijun"),
                    (t, r, u) -> run(() -> t.instanceCommands.recall(r.processInstanceId(), u, "再考虑"))),
            changes("recall", HR_CLAIMED, NOBODY,
                    (t, r, u) -> run(() -> t.instanceCommands.recall(r.processInstanceId(), u, "再考虑"))),
            changes("recall", REVISE, Set.of("lijun"),
                    (t, r, u) -> run(() -> t.instanceCommands.recall(r.processInstanceId(), u, "再考虑"))),

            // 催办: the starter, HR over the unit, admin
            changes("urge", LEADER, Set.of("zhangwei", "wangfang", "admin"),
                    (t, r, u) -> run(() -> t.instanceCommands.urge(r.processInstanceId(), u, "请尽快"))),
            changes("urge", HR, Set.of("zhangwei", "wangfang", "admin"),
                    (t, r, u) -> run(() -> t.instanceCommands.urge(r.processInstanceId(), u, "请尽快"))),

            // 终止: HR over the unit and admin, with a reason
            changes("terminate", LEADER, Set.of("wangfang", "admin"),
                    (t, r, u) -> run(() -> t.instanceCommands.terminate(r.processInstanceId(), u, "班次取消"))),
            changes("terminate", HR, Set.of("wangfang", "admin"),
                    (t, r, u) -> run(() -> t.instanceCommands.terminate(r.processInstanceId(), u, "班次取消"))),

            // 抄送 and reading the instance: whoever can see it
            changes("copyTo", LEADER, SEE,
                    (t, r, u) -> run(() -> t.instanceCommands.copyTo(r.processInstanceId(), u, List.of(other(u))))),
            changes("copyTo", LEADER_COPIED, plus(SEE, "zhaomin"),
                    (t, r, u) -> run(() -> t.instanceCommands.copyTo(r.processInstanceId(), u, List.of(
                            u.equals("zhaomin") ? "sunli" : "liuyang")))),
            reads("instance", LEADER, SEE, (t, r, u) -> t.queries.instance(r.processInstanceId(), u)),
            reads("instance", HR, SEE, (t, r, u) -> t.queries.instance(r.processInstanceId(), u)),
            reads("instance", LEADER_COPIED, plus(SEE, "zhaomin"),
                    (t, r, u) -> t.queries.instance(r.processInstanceId(), u)),
            reads("instance", LEADER_TRANSFERRED, plus(SEE, "zhaomin"),
                    (t, r, u) -> t.queries.instance(r.processInstanceId(), u)),
            reads("instance", ADDED_APPROVER, plus(SEE, "zhaomin"),
                    (t, r, u) -> t.queries.instance(r.processInstanceId(), u)),
            reads("diagram", LEADER, SEE, (t, r, u) -> t.queries.diagram(r.processInstanceId(), u)),
            reads("diagram", LEADER_COPIED, plus(SEE, "zhaomin"),
                    (t, r, u) -> t.queries.diagram(r.processInstanceId(), u)),
            reads("attachments", LEADER_ATTACHED, SEE,
                    (t, r, u) -> t.queries.attachments(r.processInstanceId(), u)),
            reads("attachmentContent", LEADER_ATTACHED, SEE,
                    (t, r, u) -> t.queries.attachmentContent(r.processInstanceId(), r.attachmentId(), u)),

            // attaching a file: to a task one may act on
            changes("attach", LEADER, Set.of("lijun"),
                    (t, r, u) -> run(() -> t.commands.attach(r.taskId(), u, "培训通知.pdf", PDF))),
            changes("attach", HR, Set.of("wangfang"),
                    (t, r, u) -> run(() -> t.commands.attach(r.taskId(), u, "培训通知.pdf", PDF))),
            changes("attach", REVISE, Set.of("zhangwei"),
                    (t, r, u) -> run(() -> t.commands.attach(r.taskId(), u, "培训通知.pdf", PDF))));

    static Set<String> plus(Set<String> set, String more) {
        Set<String> all = new java.util.HashSet<>(set);
        all.add(more);
        return Set.copyOf(all);
    }

    static Object run(Runnable action) {
        action.run();
        return null;
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Rule rule : MATRIX) {
            for (String user : EVERYONE) {
                cases.add(Arguments.of(rule, user, rule.allowed().contains(user) ? "may" : "may not"));
            }
        }
        return cases.stream();
    }

    // ------------------------------------------------------------------------------------------------ wiring

    @Autowired
    ProcessStarts starts;
    @Autowired
    TaskCommands commands;
    @Autowired
    InstanceCommands instanceCommands;
    @Autowired
    WorkflowQueries queries;
    @Autowired
    TaskService tasks;
    @Autowired
    RuntimeService runtime;
    @Autowired
    JdbcTemplate jdbc;

    /** Requests made by a test, ended afterwards so that they do not crowd other tests' inboxes. */
    final List<String> made = new ArrayList<>();

    @AfterEach
    void endTheRequests() {
        for (String pi : made) {
            if (runtime.createProcessInstanceQuery().processInstanceId(pi).count() > 0) {
                instanceCommands.terminate(pi, "admin", "测试结束");
            }
        }
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @MethodSource("matrix")
    void everyoneGetsExactlyWhatTheMatrixSays(Rule rule, String user, String verdict) throws Exception {
        Request r = prepare(rule.stage());
        Snapshot before = snapshot(r);
        if (rule.allowed().contains(user)) {
            Object result = rule.attempt().run(this, r, user);
            if (rule.changes()) {
                assertThat(snapshot(r)).as("%s by %s changed the request", rule, user).isNotEqualTo(before);
            } else {
                assertThat(result).as("%s by %s answered", rule, user).isNotNull();
                assertThat(snapshot(r)).as("reading changes nothing").isEqualTo(before);
            }
        } else {
            Throwable refused = catchThrowable(() -> rule.attempt().run(this, r, user));
            assertThat(refused).as("%s by %s must be refused", rule, user).isInstanceOf(WorkflowException.class);
            assertThat(((WorkflowException) refused).messageKey()).as("%s by %s: why", rule, user).isIn(REFUSALS);
            assertThat(snapshot(r)).as("%s by %s: nothing changed", rule, user).isEqualTo(before);
        }
    }

    @Test
    void theMatrixCoversEveryOperation() {
        Set<String> covered = new java.util.HashSet<>();
        MATRIX.forEach(rule -> covered.add(rule.operation().split(" ")[0]));
        assertThat(covered).containsAll(List.of("start", "decide", "resubmit", "withdraw", "claim", "unclaim",
                "transfer", "delegate", "resolve", "addApprovers", "returnTo", "approveAll", "recall", "urge",
                "terminate", "copyTo", "attach", "attachments", "attachmentContent", "task", "instance", "diagram"));
    }

    // ------------------------------------------------------------------------------------------------ reaching
    //                                                                                 for other people's ids

    @Test
    void aCadreCannotReachAnotherCadresRequestByItsIds() {
        Request his = prepare(LEADER_ATTACHED);
        Snapshot before = snapshot(his);
        String task = his.taskId();
        String pi = his.processInstanceId();
        Map<String, Attempt> tries = new LinkedHashMap<>();
        tries.put("task", (t, r, u) -> queries.task(task, u));
        tries.put("claim", (t, r, u) -> run(() -> commands.claim(task, u)));
        tries.put("decide", (t, r, u) -> run(() -> commands.decide(task, u, true, "同意")));
        tries.put("transfer", (t, r, u) -> run(() -> commands.transfer(task, u, "zhaomin", null)));
        tries.put("delegate", (t, r, u) -> run(() -> commands.delegate(task, u, "zhaomin", null)));
        tries.put("addApprovers", (t, r, u) -> run(() -> commands.addApprovers(task, u, List.of("zhaomin"), null)));
        tries.put("attach", (t, r, u) -> run(() -> commands.attach(task, u, "a.pdf", PDF)));
        tries.put("approveAll", (t, r, u) -> approveAll(his, u));
        tries.put("instance", (t, r, u) -> queries.instance(pi, u));
        tries.put("diagram", (t, r, u) -> queries.diagram(pi, u));
        tries.put("attachments", (t, r, u) -> queries.attachments(pi, u));
        tries.put("attachmentContent", (t, r, u) -> queries.attachmentContent(pi, his.attachmentId(), u));
        tries.put("copyTo", (t, r, u) -> run(() -> instanceCommands.copyTo(pi, u, List.of("chenjing"))));
        tries.put("urge", (t, r, u) -> run(() -> instanceCommands.urge(pi, u, null)));
        tries.put("recall", (t, r, u) -> run(() -> instanceCommands.recall(pi, u, null)));
        tries.put("terminate", (t, r, u) -> run(() -> instanceCommands.terminate(pi, u, "不要了")));
        tries.forEach((name, attempt) -> assertThatThrownBy(() -> attempt.run(this, his, "chenjing"))
                .as("chenjing: %s on zhangwei's request", name).isInstanceOf(WorkflowException.class));

        assertThat(snapshot(his)).isEqualTo(before);

        // her own instance id does not open his attachment either
        Request hers = start("chenjing");
        assertThatThrownBy(() -> queries.attachmentContent(hers.processInstanceId(), his.attachmentId(), "chenjing"))
                .isInstanceOf(WorkflowException.class).hasMessage("attachment.error.gone");
        assertThat(openTasks(his.processInstanceId())).isEqualTo(before.openTasks());
    }

    @Test
    void onlyTheStarterResubmitsOrWithdrawsEvenIfSomeoneElseHoldsTheReviseStep() {
        Request r = prepare(REVISE);
        // e.g. reassigned with an engine tool behind the task centre's back
        tasks.setAssignee(r.taskId(), "chenjing");
        Snapshot before = snapshot(r);
        assertThatThrownBy(() -> commands.resubmit(r.taskId(), "chenjing", form(), null))
                .hasMessage("workflow.error.notYourTask");
        assertThatThrownBy(() -> commands.withdraw(r.taskId(), "chenjing", null))
                .hasMessage("workflow.error.notYourTask");
        assertThat(snapshot(r)).isEqualTo(before);
    }

    @Test
    void aCadreCannotActOnAnotherCadresTaskAtTheirLeadersStep() {
        Request hers = start("chenjing");
        Snapshot before = snapshot(hers);
        String task = hers.taskId();
        String pi = hers.processInstanceId();
        for (String user : List.of("zhangwei", "lijun", "sunli", "zhaomin", "admin")) {
            List<Attempt> tries = List.of(
                    (t, r, u) -> queries.task(task, u),
                    (t, r, u) -> run(() -> commands.claim(task, u)),
                    (t, r, u) -> run(() -> commands.decide(task, u, true, "同意")),
                    (t, r, u) -> run(() -> commands.decide(task, u, false, "不同意")),
                    (t, r, u) -> run(() -> commands.transfer(task, u, "liuyang", null)),
                    (t, r, u) -> run(() -> commands.delegate(task, u, "liuyang", null)),
                    (t, r, u) -> run(() -> commands.addApprovers(task, u, List.of("liuyang"), null)),
                    (t, r, u) -> run(() -> commands.unclaim(task, u)),
                    (t, r, u) -> run(() -> commands.attach(task, u, "a.pdf", PDF)),
                    (t, r, u) -> approveAll(hers, u),
                    (t, r, u) -> run(() -> instanceCommands.recall(pi, u, null)));
            for (Attempt attempt : tries) {
                assertThatThrownBy(() -> attempt.run(this, hers, user)).as("%s on chenjing's task", user)
                        .isInstanceOf(WorkflowException.class);
            }
        }
        assertThatThrownBy(() -> queries.instance(pi, "zhangwei")).isInstanceOf(WorkflowException.class);
        assertThatThrownBy(() -> queries.diagram(pi, "zhangwei")).isInstanceOf(WorkflowException.class);
        assertThatThrownBy(() -> queries.attachments(pi, "zhangwei")).isInstanceOf(WorkflowException.class);
        assertThatThrownBy(() -> instanceCommands.urge(pi, "zhangwei", null)).isInstanceOf(WorkflowException.class);
        assertThat(snapshot(hers)).isEqualTo(before);

        // her leader and the HR over 清河县 (which covers 白沙镇) may
        assertThat(queries.instance(pi, "wangfang").summary().processInstanceId()).isEqualTo(pi);
        commands.decide(task, "liuyang", true, "同意");
        assertThat(jdbc.queryForObject("SELECT step_key FROM wf_task WHERE task_id = ?", String.class, mainTask(pi)))
                .isEqualTo("hrApproval");
    }

    @Test
    void terminatingNeedsAReasonEvenFromThoseWhoMay() {
        Request r = prepare(LEADER);
        Snapshot before = snapshot(r);
        for (String user : List.of("wangfang", "admin")) {
            assertThatThrownBy(() -> instanceCommands.terminate(r.processInstanceId(), user, "  "))
                    .hasMessage("workflow.error.reasonRequired");
        }
        assertThat(snapshot(r)).isEqualTo(before);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Form values on dates no other request in this test run uses (the shared date allocator). */
    Map<String, Object> form() {
        return TrainingRequests.request("数字政府专题班", TrainingRequests.nextFreeStart(), 1, 8);
    }

    Request start(String user) {
        String pi = starts.start("trainingLeave", user, form());
        made.add(pi);
        return new Request(pi, mainTask(pi), null);
    }

    Request prepare(Stage stage) {
        if (stage == NONE) {
            return new Request(null, null, null);
        }
        Request r = start("zhangwei");
        String pi = r.processInstanceId();
        String task = r.taskId();
        return switch (stage) {
            case NONE, LEADER -> r;
            case LEADER_CLAIMED -> {
                commands.claim(task, "lijun");
                yield r;
            }
            case LEADER_TRANSFERRED -> {
                commands.transfer(task, "lijun", "zhaomin", "出差");
                yield r;
            }
            case LEADER_DELEGATED -> {
                commands.delegate(task, "lijun", "zhaomin", "请核实");
                yield r;
            }
            case ADDED_APPROVER -> {
                commands.addApprovers(task, "lijun", List.of("zhaomin"), "会签");
                String sub = jdbc.queryForObject("SELECT task_id FROM wf_task WHERE parent_task_id = ?"
                        + " AND state = 'OPEN'", String.class, task);
                yield new Request(pi, sub, null);
            }
            case LEADER_ATTACHED -> {
                commands.attach(task, "lijun", "培训通知.pdf", PDF);
                yield new Request(pi, task, queries.attachments(pi, "lijun").get(0).id());
            }
            case LEADER_COPIED -> {
                instanceCommands.copyTo(pi, "zhangwei", List.of("zhaomin"));
                yield r;
            }
            case HR -> {
                commands.decide(task, "lijun", true, "同意");
                yield new Request(pi, mainTask(pi), null);
            }
            case HR_CLAIMED -> {
                commands.decide(task, "lijun", true, "同意");
                String hr = mainTask(pi);
                commands.claim(hr, "wangfang");
                yield new Request(pi, hr, null);
            }
            case REVISE -> {
                commands.decide(task, "lijun", false, "时间冲突");
                yield new Request(pi, mainTask(pi), null);
            }
        };
    }

    Object approveAll(Request r, String user) {
        WorkflowViews.BatchResult result = commands.approveAll(List.of(r.taskId()), user, "同意").get(0);
        if (!result.ok()) {
            throw new WorkflowException(result.messageKey());
        }
        return result;
    }

    String mainTask(String pi) {
        List<String> open = jdbc.queryForList("SELECT task_id FROM wf_task WHERE process_instance_id = ?"
                + " AND state = 'OPEN' AND parent_task_id IS NULL", String.class, pi);
        assertThat(open).hasSize(1);
        return open.get(0);
    }

    /** The open tasks of the instance as the read model and the engine see them. */
    List<String> openTasks(String pi) {
        List<String> rows = new ArrayList<>(jdbc.query("SELECT task_id, parent_task_id, step_key, assignee, owner"
                        + " FROM wf_task WHERE process_instance_id = ? AND state = 'OPEN' ORDER BY task_id",
                (rs, i) -> "index " + rs.getString(1) + " parent=" + rs.getString(2) + " " + rs.getString(3)
                        + " assignee=" + rs.getString(4) + " owner=" + rs.getString(5), pi));
        for (Task t : tasks.createTaskQuery().processInstanceId(pi).list()) {
            rows.add("engine " + t.getId() + " " + t.getTaskDefinitionKey() + " assignee=" + t.getAssignee()
                    + " owner=" + t.getOwner() + " " + t.getDelegationState());
            for (Task sub : tasks.getSubTasks(t.getId())) {
                rows.add("engine sub " + sub.getId() + " assignee=" + sub.getAssignee());
            }
        }
        rows.addAll(jdbc.query("SELECT c.task_id, c.group_id FROM wf_task_candidate c JOIN wf_task t"
                        + " ON t.task_id = c.task_id WHERE t.process_instance_id = ? ORDER BY c.task_id, c.group_id",
                (rs, i) -> "candidate " + rs.getString(1) + " " + rs.getString(2), pi));
        return rows;
    }

    /** Everything an attempt could change about a request (or, without one, about requests at all). */
    record Snapshot(List<String> openTasks, long actions, long copies, long attachments, long notifications,
                    String status, boolean running, long ledger, long instances, long requests) {
    }

    Snapshot snapshot(Request r) {
        long instances = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST", Long.class);
        long requests = jdbc.queryForObject("SELECT COUNT(*) FROM training_leave_request", Long.class);
        if (r.processInstanceId() == null) {
            return new Snapshot(List.of(), 0, 0, 0, 0, null, false, 0, instances, requests);
        }
        String pi = r.processInstanceId();
        return new Snapshot(openTasks(pi),
                count("SELECT COUNT(*) FROM workflow_action WHERE process_instance_id = ?", pi),
                count("SELECT COUNT(*) FROM wf_copy WHERE process_instance_id = ?", pi),
                tasks.getProcessInstanceAttachments(pi).size(),
                count("SELECT COUNT(*) FROM notification WHERE process_instance_id = ?", pi),
                jdbc.queryForObject("SELECT status FROM training_leave_request WHERE process_instance_id = ?",
                        String.class, pi),
                runtime.createProcessInstanceQuery().processInstanceId(pi).count() > 0,
                count("SELECT COUNT(*) FROM training_record t JOIN training_leave_request q ON q.id = t.request_id"
                        + " WHERE q.process_instance_id = ?", pi),
                instances, requests);
    }

    long count(String sql, String pi) {
        return jdbc.queryForObject(sql, Long.class, pi);
    }
}
