package cn.cadreflow.workflow.internal.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.TrainingRequests;
import cn.cadreflow.trainingleave.TrainingLeaveService;
import cn.cadreflow.ui.KaribuSupport;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.TaskCommands;
import cn.cadreflow.workflow.WorkflowQueries;
import cn.cadreflow.workflow.WorkflowViews;

/**
 * 同意, 不同意, 退回修改 and 撤销 as the users of 钉钉 approvals expect them: 不同意 says on its button and in its
 * confirmation whether it ends the request or returns it (as the model sets it per step), 退回修改 reaches the
 * applicant from the first step on, and the applicant cancels a request in one step.
 */
@CadreFlowTest
class ApprovalChoicesUiTest extends KaribuSupport {

    @Autowired
    ProcessStarts starts;
    @Autowired
    TaskCommands commands;
    @Autowired
    WorkflowQueries queries;
    @Autowired
    JdbcTemplate jdbc;

    String startRequest(String course) {
        return starts.start(TrainingLeaveService.PROCESS_KEY, "zhangwei",
                TrainingRequests.request(course, TrainingRequests.nextFreeStart(), 2, 16.0));
    }

    String taskOf(String user, String processInstanceId) {
        return queries.inbox(user, 0, 200).stream().filter(t -> t.processInstanceId().equals(processInstanceId))
                .map(WorkflowViews.TaskSummary::taskId).findFirst().orElseThrow();
    }

    String status(String processInstanceId) {
        return jdbc.queryForObject("SELECT status FROM training_leave_request WHERE process_instance_id = ?",
                String.class, processInstanceId);
    }

    static Button button(String id) {
        return _get(Button.class, spec -> spec.withId(id));
    }

    @Test
    void hrsDisagreementSaysItEndsTheRequestAndDoes() {
        String pi = startRequest("界面测试·不同意结束");
        commands.decide(taskOf("lijun", pi), "lijun", true, "同意。");
        login("wangfang");
        navigate("task/" + taskOf("wangfang", pi));
        assertThat(button("approve").getText()).isEqualTo("同意");
        assertThat(button("reject").getText()).isEqualTo("不同意（结束申请）");
        _setValue(_get(TextArea.class, spec -> spec.withId("opinion")), "本年度学时已满。");

        _click(button("reject"));
        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("reject-confirm"));
        assertThat(confirm.getElement().getProperty("message")).contains("本申请即结束");
        ConfirmDialogKt._fireCancel(confirm);
        assertThat(status(pi)).as("cancelled: nothing happens").isEqualTo("PENDING_HR");

        _click(button("reject"));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("reject-confirm")
                .withPredicate(ConfirmDialog::isOpened)));
        NavigatorKt.expectView(InboxView.class);
        assertThat(notificationTexts()).contains("已不同意，申请已结束");
        assertThat(status(pi)).isEqualTo("REJECTED");
        assertThat(queries.inbox("zhangwei", 0, 200)).as("nothing comes back to the applicant")
                .noneMatch(t -> t.processInstanceId().equals(pi));
        assertThat(queries.instance(pi, "zhangwei").summary().running()).isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFirstStepSendsTheRequestBackToTheApplicantForChanges() {
        String pi = startRequest("界面测试·首环节退回修改");
        login("lijun");
        navigate("task/" + taskOf("lijun", pi));
        assertThat(button("reject").getText()).isEqualTo("不同意（退回申请人）");
        assertThat(button("return").getText()).isEqualTo("退回修改");
        _click(button("return"));
        Select<WorkflowViews.Step> step = _get(Select.class, spec -> spec.withId("return-step"));
        List<String> labels = step.getListDataView().getItems().map(step.getItemLabelGenerator()).toList();
        assertThat(labels).as("the first step has no earlier one: the applicant").containsExactly("申请人（修改申请）");
        _setValue(_get(TextArea.class, spec -> spec.withId("dialog-note")), "请写明工作交接人。");
        _click(button("dialog-confirm"));
        NavigatorKt.expectView(InboxView.class);
        assertThat(status(pi)).isEqualTo("RETURNED");
        assertThat(queries.inbox("zhangwei", 0, 200)).anyMatch(t -> t.processInstanceId().equals(pi)
                && t.stepKey().equals("revise"));
    }

    @Test
    void theApplicantCancelsTheRequestInOneStep() {
        String pi = startRequest("界面测试·一步撤销");
        commands.decide(taskOf("lijun", pi), "lijun", true, "同意。");
        login("lijun");
        navigate("instance/" + pi);
        _assertNone(Button.class, spec -> spec.withId("cancel"));

        login("zhangwei");
        navigate("instance/" + pi);
        assertThat(button("cancel").getText()).isEqualTo("撤销申请");
        _click(button("cancel"));
        _setValue(_get(TextArea.class, spec -> spec.withId("dialog-note")), "行程有变。");
        _click(button("dialog-confirm"));
        assertThat(notificationTexts()).contains("申请已撤销");
        assertThat(status(pi)).isEqualTo("WITHDRAWN");
        WorkflowViews.InstanceSummary summary = queries.instance(pi, "zhangwei").summary();
        assertThat(summary.running()).isFalse();
        assertThat(summary.outcomeKey()).isEqualTo("withdrawn");
        assertThat(queries.inbox("zhangwei", 0, 200)).as("no 修改申请 step in between")
                .noneMatch(t -> t.processInstanceId().equals(pi));
        _assertNone(Button.class, spec -> spec.withId("cancel"));
    }
}
