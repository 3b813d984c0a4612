package cn.cadreflow.workflow.internal.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextArea;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.TrainingRequests;
import cn.cadreflow.trainingleave.TrainingLeaveService;
import cn.cadreflow.ui.KaribuSupport;
import cn.cadreflow.workflow.InstanceCommands;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.TaskCommands;
import cn.cadreflow.workflow.WorkflowException;
import cn.cadreflow.workflow.WorkflowQueries;
import cn.cadreflow.workflow.WorkflowViews;

/**
 * Issue 14 defects 2 and 3: a handled task (已办, a bell item, 抄送) opens again read-only, for whoever may see its
 * request and nobody else; every row and task title says whom and what it is about.
 */
@CadreFlowTest
class HandledTaskUiTest extends KaribuSupport {

    @Autowired
    ProcessStarts starts;
    @Autowired
    TaskCommands commands;
    @Autowired
    InstanceCommands instanceCommands;
    @Autowired
    WorkflowQueries queries;

    String taskOf(String user, String processInstanceId) {
        return queries.inbox(user, 0, 200).stream().filter(t -> t.processInstanceId().equals(processInstanceId))
                .map(WorkflowViews.TaskSummary::taskId).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    static <T> Grid<T> grid(String id) {
        return _get(Grid.class, spec -> spec.withId(id));
    }

    static <T> int rowOf(Grid<T> grid, java.util.function.Predicate<T> which) {
        List<T> rows = GridKt._findAll(grid);
        return IntStream.range(0, rows.size()).filter(i -> which.test(rows.get(i))).findFirst()
                .orElseThrow(() -> new AssertionError("no such row"));
    }

    static void selectTab(String id) {
        _get(Tabs.class, spec -> spec.withId("inbox-tabs")).setSelectedTab(_get(Tab.class, spec -> spec.withId(id)));
    }

    static String text(String id) {
        return _get(com.vaadin.flow.component.Component.class, spec -> spec.withId(id)).getElement()
                .getTextRecursively();
    }

    @Test
    void aHandledTaskOpensReadOnlyFromDoneWithItsFormTimelineAndDiagram() {
        LocalDate start = TrainingRequests.nextFreeStart();
        String pi = starts.start(TrainingLeaveService.PROCESS_KEY, "zhangwei",
                TrainingRequests.request("已办复开·数字政府", start, 3, 24.0));
        String number = queries.instance(pi, "zhangwei").summary().businessKey();
        String leaderTask = taskOf("lijun", pi);
        commands.decide(leaderTask, "lijun", true, "同意，工作已安排。");
        instanceCommands.copyTo(pi, "lijun", List.of("zhaomin"));
        String hrTask = taskOf("wangfang", pi);
        commands.decide(hrTask, "wangfang", true, "学时属实，同意。");

        // the HR officer finds her handled task under 已办 and opens it again
        login("wangfang");
        selectTab("tab-done");
        Grid<WorkflowViews.TaskSummary> done = grid("inbox-grid");
        int row = rowOf(done, t -> t.taskId().equals(hrTask));
        String line = "张伟 · 培训请假 · 已办复开·数字政府 · " + start + "至" + start.plusDays(2).toString().substring(5)
                + " · 24学时 · " + number;
        assertThat(GridKt._getFormattedRow(done, row)).as("the row says whom and what").contains(line);
        GridKt._clickItem(done, row);
        NavigatorKt.expectView(TaskView.class);
        assertThat(_get(H2.class, spec -> spec.withId("task-title")).getText()).isEqualTo("组织部审批：" + line);
        assertThat(text("task-handled")).startsWith("已办结：王芳 于");
        TaskCentreUiTest.assertReadOnly("courseName", "已办复开·数字政府");
        TaskCentreUiTest.assertReadOnly("hours", 24.0);
        _assertOne(BpmnViewer.class, spec -> spec.withId("diagram"));
        assertThat(TaskCentreUiTest.timelineText()).contains("同意，工作已安排。", "学时属实，同意。");
        _assertNone(Button.class, spec -> spec.withId("approve"));
        _assertNone(TextArea.class, spec -> spec.withId("opinion"));
        _assertNone(Paragraph.class, spec -> spec.withId("task-error"));

        // the leader's handled step opens for the starter and the copied person too: they may see the request
        for (String reader : List.of("zhangwei", "zhaomin", "lijun")) {
            login(reader);
            navigate("task/" + leaderTask);
            NavigatorKt.expectView(TaskView.class);
            assertThat(_get(H2.class, spec -> spec.withId("task-title")).getText()).as(reader)
                    .isEqualTo("单位负责人审批：" + line);
            assertThat(text("task-handled")).as(reader).startsWith("已办结：李军 于");
        }

        // 抄送: the row says what it is about
        login("zhaomin");
        selectTab("tab-copies");
        Grid<WorkflowViews.Copy> copies = grid("copies-grid");
        assertThat(GridKt._getFormattedRow(copies, rowOf(copies, c -> c.processInstanceId().equals(pi))))
                .contains(line);

        // anyone else reads what a task that never existed reads
        for (String stranger : List.of("chenjing", "liuyang", "sunli")) {
            login(stranger);
            navigate("task/" + hrTask);
            assertThat(text("task-error")).as(stranger).isEqualTo("该事项已办结或不存在。");
            _assertNone(H2.class, spec -> spec.withId("task-title"));
            assertThatThrownBy(() -> queries.handledTask(hrTask, stranger)).isInstanceOf(WorkflowException.class)
                    .hasMessage("workflow.error.taskGone");
        }
        assertThatThrownBy(() -> queries.handledTask("no-such-task", "wangfang"))
                .hasMessage("workflow.error.taskGone");
    }

    @Test
    void anOpenTaskIsNotReadThroughTheHandledView() {
        String pi = starts.start(TrainingLeaveService.PROCESS_KEY, "zhangwei",
                TrainingRequests.request("已办复开·未办", TrainingRequests.nextFreeStart(), 2, 16.0));
        String open = taskOf("lijun", pi);
        // HR may see the request, but the leader's open step is the leader's to open
        assertThatThrownBy(() -> queries.handledTask(open, "wangfang")).hasMessage("workflow.error.taskGone");
        assertThatThrownBy(() -> queries.handledTask(open, "lijun")).hasMessage("workflow.error.taskGone");

        login("lijun");
        int row = rowOf(grid("inbox-grid"), (WorkflowViews.TaskSummary t) -> t.taskId().equals(open));
        assertThat(GridKt._getFormattedRow(grid("inbox-grid"), row)).anyMatch(c -> c.startsWith("张伟 · 培训请假 · 已办复开·未办 · "));
    }
}
