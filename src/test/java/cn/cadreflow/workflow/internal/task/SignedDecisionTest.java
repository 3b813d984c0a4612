package cn.cadreflow.workflow.internal.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.TrainingRequests;
import cn.cadreflow.trainingleave.TrainingLeaveService;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.TaskCommands;
import cn.cadreflow.workflow.WorkflowException;
import cn.cadreflow.workflow.WorkflowQueries;
import cn.cadreflow.workflow.WorkflowViews;

/**
 * 附签名 with the real engine: a signed decision keeps the signature as it was when signed, and the decision and its
 * signature are one transaction: when recording the signature fails, the engine's task is still open and nothing of
 * the decision is kept.
 */
@CadreFlowTest
class SignedDecisionTest {

    /** The smallest PNG: a 1×1 image. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
    /** Another image: the server tells the type by the first bytes only. */
    static final byte[] OTHER_PNG = Arrays.copyOf(PNG, PNG.length + 1);

    @Autowired
    ProcessStarts starts;
    @Autowired
    TaskCommands commands;
    @Autowired
    WorkflowQueries queries;
    @Autowired
    Signatures signatures;
    @Autowired
    TaskService engineTasks;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void noSignature() {
        jdbc.update("DELETE FROM wf_user_signature WHERE username = 'lijun'");
    }

    /** A new request of 张伟, and the task of its first step, 李军's approval. */
    String leaderTask(String course) {
        String pi = starts.start(TrainingLeaveService.PROCESS_KEY, "zhangwei",
                TrainingRequests.request(course, TrainingRequests.nextFreeStart(), 3, 24.0));
        return queries.inbox("lijun", 0, 200).stream().filter(t -> t.processInstanceId().equals(pi))
                .map(WorkflowViews.TaskSummary::taskId).findFirst().orElseThrow();
    }

    Long signedImage(String taskId) {
        return signatures.signed(List.of(taskId)).get(taskId + "/lijun");
    }

    @Test
    void aSignedDecisionKeepsTheSignatureAsItWasWhenSigned() {
        signatures.save("lijun", PNG);
        String first = leaderTask("签名·快照一");
        commands.decide(first, "lijun", true, "同意。", true);
        Long image = signedImage(first);
        assertThat(image).isNotNull();

        signatures.save("lijun", OTHER_PNG);
        assertThat(signatures.signedImage(image)).hasValueSatisfying(s -> assertThat(s.content()).isEqualTo(PNG));
        signatures.remove("lijun");
        assertThat(signatures.signedImage(signedImage(first)))
                .hasValueSatisfying(s -> assertThat(s.content()).isEqualTo(PNG));

        // the new signature for later decisions, one copy for every decision made with the same image
        signatures.save("lijun", OTHER_PNG);
        String second = leaderTask("签名·快照二");
        String third = leaderTask("签名·快照三");
        commands.decide(second, "lijun", true, "同意。", true);
        commands.decide(third, "lijun", false, "不同意。", true);
        assertThat(signedImage(second)).isNotEqualTo(image).isEqualTo(signedImage(third));
        assertThat(signatures.signedImage(signedImage(second)))
                .hasValueSatisfying(s -> assertThat(s.content()).isEqualTo(OTHER_PNG));
        assertThat(signatures.signed(List.of(first, second, third))).hasSize(3);

        // without the tick nothing is recorded
        String unsigned = leaderTask("签名·不附");
        commands.decide(unsigned, "lijun", true, "同意。", false);
        assertThat(signatures.signed(List.of(unsigned))).isEmpty();
    }

    @Test
    void withoutASignatureTheSignedDecisionIsRefusedAndTheTaskStaysOpen() {
        String task = leaderTask("签名·无签名");
        assertThatThrownBy(() -> commands.decide(task, "lijun", true, "同意。", true))
                .isInstanceOf(WorkflowException.class).hasMessageContaining("workflow.error.signatureGone");
        assertNothingKept(task);
    }

    @Test
    void whenRecordingTheSignatureFailsTheEnginesCompletionIsUndoneToo() {
        signatures.save("lijun", OTHER_PNG);
        String task = leaderTask("签名·写入失败");
        int copies = copies();
        // the database refuses this one decision's signature row, the decision's last write
        jdbc.execute("ALTER TABLE wf_signed_decision ADD CONSTRAINT ck_signed_decision_test CHECK (task_id <> '"
                + task + "')");
        try {
            assertThatThrownBy(() -> commands.decide(task, "lijun", true, "同意。", true))
                    .isInstanceOf(RuntimeException.class);
        } finally {
            jdbc.execute("ALTER TABLE wf_signed_decision DROP CONSTRAINT ck_signed_decision_test");
        }
        assertNothingKept(task);
        assertThat(copies()).as("no copy of the image kept either").isEqualTo(copies);

        // once it can be recorded, the same decision goes through with its signature
        commands.decide(task, "lijun", true, "同意。", true);
        assertThat(engineTasks.createTaskQuery().taskId(task).count()).isZero();
        assertThat(signedImage(task)).isNotNull();
    }

    int copies() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM wf_signature_image WHERE username = 'lijun'", Integer.class);
    }

    void assertNothingKept(String task) {
        assertThat(engineTasks.createTaskQuery().taskId(task).count()).as("the engine's task is still open").isOne();
        assertThat(jdbc.queryForObject("SELECT state FROM wf_task WHERE task_id = ?", String.class, task))
                .isEqualTo("OPEN");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM workflow_action WHERE task_id = ?"
                + " AND action IN ('APPROVE', 'REJECT')", Integer.class, task)).as("no decision recorded").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wf_signed_decision WHERE task_id = ?", Integer.class,
                task)).isZero();
        assertThat(queries.inbox("lijun", 0, 200)).extracting(WorkflowViews.TaskSummary::taskId).contains(task);
    }
}
