package cn.cadreflow.workflow.internal.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.TrainingRequests;
import cn.cadreflow.trainingleave.TrainingLeaveService;
import cn.cadreflow.ui.KaribuSupport;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.WorkflowQueries;
import cn.cadreflow.workflow.WorkflowViews;

/**
 * No silent truncation: a pasted text longer than its field's limit stays whole, the field counts it and says by
 * how much it is over (numbers written "1000", not "1,000"), and the server refuses it and keeps nothing.
 */
@CadreFlowTest
class TextCounterUiTest extends KaribuSupport {

    @Autowired
    ProcessStarts starts;
    @Autowired
    WorkflowQueries queries;
    @Autowired
    JdbcTemplate jdbc;

    static Button button(String id) {
        return _get(Button.class, spec -> spec.withId(id));
    }

    int requests() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM training_leave_request", Integer.class);
    }

    @Test
    void aPastedReasonOverItsLimitIsCountedShownAndRefusedNotCut() {
        login("zhangwei");
        navigate("start/trainingLeave");
        _setValue(_get(TextField.class, spec -> spec.withId("field-courseName")), "界面测试·字数");
        TextArea reason = _get(TextArea.class, spec -> spec.withId("field-reason"));
        assertThat(reason.getHelperText()).isEqualTo("0 / 1000");

        _setValue(reason, "交".repeat(5000));
        assertThat(reason.getValue()).as("nothing cut off").hasSize(5000);
        assertThat(reason.getHelperText()).isEqualTo("5000 / 1000");
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).isEqualTo("最多 1000 个字，已超出 4000 个字，请删减后再提交");

        int before = requests();
        _click(button("submit"));
        NavigatorKt.expectView(StartFormView.class);
        assertThat(requests()).as("the server refuses it too").isEqualTo(before);
        assertThat(reason.getErrorMessage()).isEqualTo("不能超过 1000 个字");

        _setValue(reason, "交".repeat(1000));
        assertThat(reason.getHelperText()).isEqualTo("1000 / 1000");
    }

    @Test
    void anOpinionOverItsLimitSaysSoAndTheDecisionIsRefused() {
        String pi = starts.start(TrainingLeaveService.PROCESS_KEY, "zhangwei",
                TrainingRequests.request("界面测试·意见字数", TrainingRequests.nextFreeStart(), 2, 16));
        String task = queries.inbox("lijun", 0, 200).stream().filter(t -> t.processInstanceId().equals(pi))
                .map(WorkflowViews.TaskSummary::taskId).findFirst().orElseThrow();
        login("lijun");
        navigate("task/" + task);
        TextArea opinion = _get(TextArea.class, spec -> spec.withId("opinion"));
        _setValue(opinion, "同".repeat(2500));
        assertThat(opinion.getValue()).hasSize(2500);
        assertThat(opinion.getHelperText()).isEqualTo("2500 / 2000");
        assertThat(opinion.getErrorMessage()).isEqualTo("最多 2000 个字，已超出 500 个字，请删减后再提交");

        _click(button("approve"));
        NavigatorKt.expectView(TaskView.class);
        assertThat(notificationTexts()).contains("审批意见不能超过 2000 个字。");
        assertThat(queries.inbox("lijun", 0, 200)).anyMatch(t -> t.taskId().equals(task));

        _setValue(opinion, "同意。");
        assertThat(opinion.getHelperText()).isEqualTo("3 / 2000");
        assertThat(opinion.isInvalid()).isFalse();
    }
}
