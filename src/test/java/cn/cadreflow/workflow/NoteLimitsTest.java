package cn.cadreflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.TrainingRequests;
import cn.cadreflow.workflow.internal.notify.Notification;
import cn.cadreflow.workflow.internal.notify.Notifications;

/**
 * Every opinion, reason and note a person sends with a task-centre action is held to what the trail stores
 * (2,000 characters), on the server, whatever the browser let through: a longer one is refused with the field
 * and the limit, in the user's language, and nothing changes; one of exactly 2,000 is recorded whole.
 */
@CadreFlowTest
class NoteLimitsTest {

    static final int MAX = 2000;
    /** One character too many; also in emoji, which a browser counts twice, as the databases do. */
    static final String TOO_LONG = "长".repeat(MAX - 1) + "😀";
    static final String LONGEST = "😀".repeat(MAX / 2);

    @Autowired
    ProcessStarts starts;
    @Autowired
    TaskCommands commands;
    @Autowired
    InstanceCommands instanceCommands;
    @Autowired
    WorkflowQueries queries;
    @Autowired
    Notifications notifications;
    @Autowired
    JdbcTemplate jdbc;

    String submit() {
        return starts.start("trainingLeave", "zhangwei",
                TrainingRequests.request("专题班", TrainingRequests.nextFreeStart(), 1, 8));
    }

    /** The request's open task: id, step and holder. */
    List<String> open(String pi) {
        return jdbc.queryForObject("SELECT task_id, step_key, assignee FROM wf_task WHERE process_instance_id = ?"
                        + " AND state = 'OPEN' AND parent_task_id IS NULL",
                (rs, i) -> java.util.Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3)), pi);
    }

    int trail(String pi) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM workflow_action WHERE process_instance_id = ?",
                Integer.class, pi);
    }

    /** The action with a note one character too long is refused by name and limit; the request is as it was. */
    void refused(String pi, String field, String key, Runnable action) {
        List<String> before = open(pi);
        int actions = trail(pi);
        assertThatThrownBy(action::run).isInstanceOfSatisfying(WorkflowException.class, e -> {
            assertThat(e.messageKey()).isEqualTo(key);
            assertThat(e.errors()).singleElement().satisfies(err -> {
                assertThat(err.field()).isEqualTo(field);
                assertThat(err.args()).containsExactly(MAX);
            });
        });
        assertThat(open(pi)).as("task, step and holder unchanged").isEqualTo(before);
        assertThat(trail(pi)).as("nothing recorded").isEqualTo(actions);
    }

    String lastOpinion(String pi) {
        List<TimelineEntry> timeline = queries.instance(pi, "zhangwei").timeline();
        return timeline.get(timeline.size() - 1).opinion();
    }

    @Test
    void handingATaskOnWithATooLongNoteChangesNothing() {
        String pi = submit();
        String task = open(pi).get(0);
        String note = "workflow.error.noteTooLong";
        refused(pi, "reason", note, () -> commands.transfer(task, "lijun", "liuyang", TOO_LONG));
        refused(pi, "note", note, () -> commands.delegate(task, "lijun", "liuyang", TOO_LONG));
        refused(pi, "note", note, () -> commands.addApprovers(task, "lijun", List.of("liuyang"), TOO_LONG));
        String opinion = "workflow.error.opinionTooLong";
        refused(pi, "opinion", opinion, () -> commands.decide(task, "lijun", true, TOO_LONG));
        refused(pi, "opinion", opinion, () -> commands.returnTo(task, "lijun", "leaderApproval", TOO_LONG));

        commands.delegate(task, "lijun", "liuyang", LONGEST);
        assertThat(lastOpinion(pi)).isEqualTo(LONGEST);
        refused(pi, "opinion", opinion, () -> commands.resolve(task, "liuyang", TOO_LONG));
        commands.resolve(task, "liuyang", "已核实。");
        commands.transfer(task, "lijun", "liuyang", LONGEST);
        assertThat(lastOpinion(pi)).isEqualTo(LONGEST);
    }

    @Test
    void theStartersNotesOnAReturnedRequestAreLimitedToo() {
        String pi = submit();
        commands.decide(open(pi).get(0), "lijun", false, "请补充工作安排");
        String revise = open(pi).get(0);
        assertThat(open(pi).get(1)).isEqualTo("revise");
        String note = "workflow.error.noteTooLong";
        refused(pi, "note", note, () -> commands.resubmit(revise, "zhangwei",
                TrainingRequests.request("专题班", TrainingRequests.nextFreeStart(), 1, 8), TOO_LONG));
        refused(pi, "note", note, () -> commands.withdraw(revise, "zhangwei", TOO_LONG));
        commands.withdraw(revise, "zhangwei", LONGEST);
        assertThat(lastOpinion(pi)).isEqualTo(LONGEST);
    }

    @Test
    void recallUrgeAndTerminateAreLimitedAndALongReasonStillReachesTheStarter() {
        String pi = submit();
        String note = "workflow.error.noteTooLong";
        refused(pi, "reason", note, () -> instanceCommands.recall(pi, "zhangwei", TOO_LONG));
        refused(pi, "note", note, () -> instanceCommands.urge(pi, "zhangwei", TOO_LONG));
        refused(pi, "reason", note, () -> instanceCommands.terminate(pi, "wangfang", TOO_LONG));
        instanceCommands.urge(pi, "zhangwei", LONGEST);
        assertThat(lastOpinion(pi)).isEqualTo(LONGEST);

        // the bell keeps a subject of at most 255 characters: the reason is shortened there, whole in the trail
        String reason = "该班次已取消。".repeat(MAX / 7) + "止";
        instanceCommands.terminate(pi, "wangfang", reason);
        assertThat(queries.instance(pi, "zhangwei").summary().running()).isFalse();
        assertThat(lastOpinion(pi)).isEqualTo(reason);
        Notification ended = notifications.latest("zhangwei", 1).get(0);
        assertThat(ended.kind()).isEqualTo(Notification.Kind.ENDED);
        assertThat(ended.subject()).hasSize(255).startsWith("该班次已取消。").endsWith("…");
    }

    @Test
    void aBatchApprovalWithATooLongOpinionApprovesNothing() {
        String pi = submit();
        List<String> before = open(pi);
        Consumer<String> batch = opinion -> commands.approveAll(List.of(before.get(0)), "lijun", opinion);
        assertThatThrownBy(() -> batch.accept(TOO_LONG)).isInstanceOf(WorkflowException.class)
                .hasMessage("workflow.error.opinionTooLong");
        assertThat(open(pi)).isEqualTo(before);
    }
}
