package cn.cadreflow.workflow.internal.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.TrainingRequests;
import cn.cadreflow.trainingleave.TrainingLeaveService;
import cn.cadreflow.ui.KaribuSupport;
import cn.cadreflow.workflow.internal.form.FormRenderer;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.TaskCommands;
import cn.cadreflow.workflow.WorkflowQueries;
import cn.cadreflow.workflow.WorkflowViews;

/** The task centre as its users work it: start a request, find it in the inbox, approve, reject, revise. */
@CadreFlowTest
class TaskCentreUiTest extends KaribuSupport {

    /** Each request gets its own dates, clear of other tests' requests (the overlap check). */

    @Autowired
    ProcessStarts starts;
    @Autowired
    TaskCommands commands;
    @Autowired
    WorkflowQueries queries;
    @Autowired
    TrainingLeaveService training;
    @Autowired
    JdbcTemplate jdbc;

    static LocalDate freeStart() {
        return TrainingRequests.nextFreeStart();
    }

    /** zhangwei's request, started as the form would send it. */
    String startRequest(String course) {
        return starts.start(TrainingLeaveService.PROCESS_KEY, "zhangwei",
                TrainingRequests.request(course, freeStart(), 3, 24.0));
    }

    String taskOf(String user, String processInstanceId) {
        return queries.inbox(user, 0, 200).stream().filter(t -> t.processInstanceId().equals(processInstanceId))
                .map(WorkflowViews.TaskSummary::taskId).findFirst().orElseThrow();
    }

    String status(String processInstanceId) {
        return jdbc.queryForObject("SELECT status FROM training_leave_request WHERE process_instance_id = ?",
                String.class, processInstanceId);
    }

    static <T extends com.vaadin.flow.component.Component> T field(Class<T> type, String key) {
        return _get(type, spec -> spec.withId("field-" + key));
    }

    static Button button(String id) {
        return _get(Button.class, spec -> spec.withId(id));
    }

    @SuppressWarnings("unchecked")
    static Grid<WorkflowViews.TaskSummary> inboxGrid() {
        return _get(Grid.class, spec -> spec.withId("inbox-grid"));
    }

    static List<WorkflowViews.TaskSummary> inboxRows() {
        return GridKt._findAll(inboxGrid());
    }

    static int inboxRowOf(String processInstanceId) {
        List<WorkflowViews.TaskSummary> rows = inboxRows();
        return IntStream.range(0, rows.size()).filter(i -> rows.get(i).processInstanceId().equals(processInstanceId))
                .findFirst().orElseThrow(() -> new AssertionError("not in the inbox: " + processInstanceId));
    }

    static void assertReadOnly(String key, Object value) {
        HasValue<?, ?> f = (HasValue<?, ?>) _get(com.vaadin.flow.component.Component.class,
                spec -> spec.withId("field-" + key));
        assertThat(f.isReadOnly()).as(key + " read-only").isTrue();
        if (value != null) {
            assertThat(f.getValue()).as(key).isEqualTo(value);
        }
    }

    static String timelineText() {
        return _get(UnorderedList.class, spec -> spec.withId("timeline")).getElement().getTextRecursively();
    }

    // ---------------------------------------------------------------- starting

    @Test
    void cadreFillsThePrefilledFormAndFindsTheRequestUnderMyRequests() {
        login("zhangwei");
        long before = queries.countStarted("zhangwei");

        navigate("start");
        NavigatorKt.expectView(StartView.class);
        _click(button("start-trainingLeave"));
        NavigatorKt.expectView(StartFormView.class);
        assertThat(NavigatorKt.getCurrentPath()).isEqualTo("start/trainingLeave");

        _assertOne(FormRenderer.class);
        assertReadOnly("cadreName", "张伟");
        assertReadOnly("unitName", "青山镇");
        assertReadOnly("postName", "党政综合办公室科员");
        assertReadOnly("rankName", "科员");
        assertReadOnly("trainingHoursThisYear", null);
        assertThat(field(NumberField.class, "trainingHoursThisYear").getValue()).isGreaterThanOrEqualTo(24.0);
        assertThatThrownBy(() -> _setValue(field(TextField.class, "cadreName"), "李四"))
                .as("a user cannot type into a read-only field").isInstanceOf(IllegalStateException.class);
        assertThat(field(TextField.class, "courseName").isRequiredIndicatorVisible()).isTrue();

        LocalDate start = freeStart();
        _setValue(field(TextField.class, "courseName"), "界面测试·数字乡村专题班");
        _setValue(field(TextField.class, "organizer"), "湘江市委党校");
        @SuppressWarnings("unchecked")
        Select<String> type = field(Select.class, "trainingType");
        assertThat(type.getListDataView().getItems()).containsExactly("FULL_TIME", "PART_TIME", "ONLINE");
        assertThat(type.getItemLabelGenerator().apply("PART_TIME")).isEqualTo("半脱产培训");
        _setValue(type, "PART_TIME");
        _setValue(field(DatePicker.class, "startDate"), start);
        _setValue(field(DatePicker.class, "endDate"), start.plusDays(1));
        _setValue(field(NumberField.class, "hours"), 12.0);
        _setValue(field(TextField.class, "location"), "湘江市委党校");
        _setValue(field(TextArea.class, "reason"), "参加数字乡村专题培训，工作由同事代管。");
        _click(button("submit"));

        NavigatorKt.expectView(StartedView.class);
        assertThat(notificationTexts()).contains("申请已提交");
        Long requestId = jdbc.queryForObject("SELECT id FROM training_leave_request WHERE course_name = ?",
                Long.class, "界面测试·数字乡村专题班");
        assertThat(training.request(requestId).status()).isEqualTo("PENDING_LEADER");
        assertThat(training.request(requestId).startDate()).isEqualTo(start);
        assertThat(training.request(requestId).trainingType()).isEqualTo("PART_TIME");

        @SuppressWarnings("unchecked")
        Grid<WorkflowViews.InstanceSummary> grid = _get(Grid.class, spec -> spec.withId("started-grid"));
        assertThat(GridKt._size(grid)).isEqualTo((int) before + 1);
        List<WorkflowViews.InstanceSummary> mine = GridKt._findAll(grid).stream()
                .filter(i -> ("PX-" + requestId).equals(i.businessKey())).toList();
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).running()).isTrue();
        // newest first
        assertThat(GridKt._getFormattedRow(grid, 0)).startsWith("培训请假", "PX-" + requestId)
                .contains("办理中：单位负责人审批");
    }

    @Test
    void badInputShowsFieldErrorsAndStartsNothing() {
        login("zhangwei");
        int requests = jdbc.queryForObject("SELECT COUNT(*) FROM training_leave_request", Integer.class);
        long instances = queries.countStarted("zhangwei");
        navigate("start/trainingLeave");

        LocalDate start = freeStart();
        _setValue(field(TextField.class, "organizer"), "湘江市委党校");
        _setValue(field(Select.class, "trainingType"), "FULL_TIME");
        _setValue(field(DatePicker.class, "startDate"), start.plusDays(3));
        _setValue(field(DatePicker.class, "endDate"), start);
        _setValue(field(NumberField.class, "hours"), 8.0);
        _setValue(field(TextField.class, "location"), "湘江市委党校");
        _setValue(field(TextArea.class, "reason"), "测试");
        _click(button("submit"));

        NavigatorKt.expectView(StartFormView.class);
        TextField course = field(TextField.class, "courseName");
        assertThat(course.isInvalid()).isTrue();
        assertThat(course.getErrorMessage()).isEqualTo("此项为必填项");
        assertThat(notificationTexts()).as("one message names both problems")
                .anyMatch(t -> t.contains("此项为必填项") && t.contains("结束日期不能早于开始日期"));
        DatePicker end = field(DatePicker.class, "endDate");
        assertThat(end.isInvalid()).as("the date problem shows at the same time").isTrue();

        _setValue(course, "界面测试·错误日期");
        _click(button("submit"));
        NavigatorKt.expectView(StartFormView.class);
        assertThat(end.isInvalid()).isTrue();
        assertThat(end.getErrorMessage()).isEqualTo("结束日期不能早于开始日期");
        assertThat(course.isInvalid()).as("fixed field is no longer marked").isFalse();
        assertThat(notificationTexts()).contains("结束日期不能早于开始日期");

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM training_leave_request", Integer.class))
                .isEqualTo(requests);
        assertThat(queries.countStarted("zhangwei")).isEqualTo(instances);
    }

    // ---------------------------------------------------------------- approving

    @Test
    void leaderOpensTheTaskFromTheInboxAndApprovesOnlyWithAnOpinion() {
        String pi = startRequest("界面测试·负责人审批");
        login("lijun");

        WorkflowViews.TaskSummary row = inboxRows().get(inboxRowOf(pi));
        assertThat(row.starterName()).isEqualTo("张伟");
        assertThat(GridKt._getFormattedRow(inboxGrid(), inboxRowOf(pi)))
                .startsWith("单位负责人审批", "培训请假", "张伟").endsWith("待签收");
        GridKt._clickItem(inboxGrid(), inboxRowOf(pi));

        NavigatorKt.expectView(TaskView.class);
        assertThat(NavigatorKt.getCurrentPath()).isEqualTo("task/" + row.taskId());
        assertReadOnly("courseName", "界面测试·负责人审批");
        assertReadOnly("cadreName", "张伟");
        // the cadre's own request: no separate line for whom it is about
        assertThat(_get(Paragraph.class, spec -> spec.withId("task-meta")).getText()).startsWith("发起人：张伟");
        _assertNone(Paragraph.class, spec -> spec.withId("task-subject"));
        assertReadOnly("hours", 24.0);
        assertReadOnly("trainingType", "FULL_TIME");
        _assertOne(BpmnViewer.class, spec -> spec.withId("diagram"));
        assertThat(_get(BpmnViewer.class, spec -> spec.withId("diagram")).getElement().getProperty("active"))
                .isEqualTo("leaderApproval");
        assertThat(timelineText()).contains("张伟", "提交了申请", "待 李军 办理");
        _assertNone(Button.class, spec -> spec.withId("resubmit"));

        // no opinion: refused, the task stays
        _click(button("approve"));
        TextArea opinion = _get(TextArea.class, spec -> spec.withId("opinion"));
        assertThat(opinion.isInvalid()).isTrue();
        assertThat(opinion.getErrorMessage()).isEqualTo("请填写审批意见。");
        NavigatorKt.expectView(TaskView.class);
        assertThat(queries.inbox("lijun", 0, 200)).anyMatch(t -> t.taskId().equals(row.taskId()));
        assertThat(status(pi)).isEqualTo("PENDING_LEADER");

        _setValue(opinion, "同意，工作已安排。");
        _click(button("approve"));
        NavigatorKt.expectView(InboxView.class);
        assertThat(notificationTexts()).contains("已同意");
        assertThat(inboxRows()).noneMatch(t -> t.processInstanceId().equals(pi));
        assertThat(status(pi)).isEqualTo("PENDING_HR");
        assertThat(queries.inbox("wangfang", 0, 200)).anyMatch(t -> t.processInstanceId().equals(pi)
                && t.stepKey().equals("hrApproval"));
    }

    @Test
    void rejectedRequestComesBackToTheCadreWhoResubmitsOrWithdraws() {
        String pi = startRequest("界面测试·退回");
        login("lijun");
        navigate("task/" + taskOf("lijun", pi));
        _setValue(_get(TextArea.class, spec -> spec.withId("opinion")), "与防汛值班冲突，请调整时间。");
        assertThat(button("reject").getText()).as("the button says what 不同意 does here")
                .isEqualTo("不同意（退回申请人）");
        _click(button("reject"));
        ConfirmDialog refusal = _get(ConfirmDialog.class, spec -> spec.withId("reject-confirm"));
        assertThat(ConfirmDialogKt.getHeader(refusal)).isEqualTo("不同意（退回申请人）");
        assertThat(refusal.getElement().getProperty("message")).contains("退回申请人");
        ConfirmDialogKt._fireConfirm(refusal);
        NavigatorKt.expectView(InboxView.class);
        assertThat(notificationTexts()).contains("已不同意，申请已退回申请人");
        assertThat(status(pi)).isEqualTo("RETURNED");

        login("zhangwei");
        int row = inboxRowOf(pi);
        assertThat(GridKt._getFormattedRow(inboxGrid(), row)).startsWith("修改申请").endsWith("待我办理");
        GridKt._clickItem(inboxGrid(), row);
        NavigatorKt.expectView(TaskView.class);
        TextField course = field(TextField.class, "courseName");
        assertThat(course.isReadOnly()).as("the starter may edit the request").isFalse();
        assertThat(course.getValue()).isEqualTo("界面测试·退回");
        assertReadOnly("cadreName", "张伟");
        _assertOne(Button.class, spec -> spec.withId("resubmit"));
        _assertOne(Button.class, spec -> spec.withId("withdraw"));
        _assertNone(Button.class, spec -> spec.withId("approve"));
        assertThat(timelineText()).contains("李军 不同意", "与防汛值班冲突，请调整时间。");

        _setValue(course, "界面测试·退回（已调整）");
        _setValue(_get(TextArea.class, spec -> spec.withId("note")), "已调整");
        _click(button("resubmit"));
        NavigatorKt.expectView(InboxView.class);
        assertThat(notificationTexts()).contains("已重新提交");
        assertThat(status(pi)).isEqualTo("PENDING_LEADER");
        assertThat(jdbc.queryForObject("SELECT course_name FROM training_leave_request WHERE process_instance_id = ?",
                String.class, pi)).isEqualTo("界面测试·退回（已调整）");

        commands.decide(taskOf("lijun", pi), "lijun", false, "仍有冲突。");
        navigate("task/" + taskOf("zhangwei", pi));
        _click(button("withdraw"));
        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("withdraw-confirm"));
        assertThat(confirm.isOpened()).isTrue();
        assertThat(ConfirmDialogKt.getHeader(confirm)).isEqualTo("撤销申请");
        ConfirmDialogKt._fireCancel(confirm);
        assertThat(status(pi)).as("cancel keeps the request").isEqualTo("RETURNED");

        _click(button("withdraw"));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("withdraw-confirm")
                .withPredicate(ConfirmDialog::isOpened)));
        NavigatorKt.expectView(InboxView.class);
        assertThat(notificationTexts()).contains("申请已撤销");
        assertThat(status(pi)).isEqualTo("WITHDRAWN");
        assertThat(inboxRows()).noneMatch(t -> t.processInstanceId().equals(pi));
    }

    // ---------------------------------------------------------------- access

    @Test
    void anotherCadreCannotOpenTheLeadersTask() {
        String pi = startRequest("界面测试·越权");
        String taskId = taskOf("lijun", pi);
        login("chenjing");
        assertThat(inboxRows()).noneMatch(t -> t.processInstanceId().equals(pi));

        navigate("task/" + taskId);
        NavigatorKt.expectView(TaskView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withId("task-error")).getText()).isEqualTo("您无权办理该事项。");
        _assertNone(Button.class, spec -> spec.withId("approve"));
        _assertNone(Button.class, spec -> spec.withId("reject"));
        _assertNone(FormRenderer.class);

        navigate("instance/" + pi);
        assertThat(_get(Paragraph.class, spec -> spec.withId("instance-error")).getText())
                .isEqualTo("您无权查看该申请。");
        assertThat(status(pi)).isEqualTo("PENDING_LEADER");
    }
}
