package cn.cadreflow.workflow.internal.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.TrainingRequests;
import cn.cadreflow.annualreview.AnnualReviewStep;
import cn.cadreflow.annualreview.CampaignService;
import cn.cadreflow.ui.KaribuSupport;
import cn.cadreflow.ui.Texts;
import cn.cadreflow.workflow.internal.notify.Notifications;
import cn.cadreflow.workflow.internal.query.TaskLists;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.TaskCommands;
import cn.cadreflow.workflow.TaskFilter;
import cn.cadreflow.workflow.UserDirectory;
import cn.cadreflow.workflow.WorkflowQueries;
import cn.cadreflow.workflow.WorkflowViews;

/**
 * The task centre's actions as each role works them in the UI: tabs with counts, filters, batch approval,
 * claim, transfer, delegate, add approvers, return, copy, recall, urge, terminate, attachments, the bell and
 * the menu badge. All test classes share one database, so counts are compared before and after.
 */
@CadreFlowTest
class TaskCentreActionsUiTest extends KaribuSupport {

    /** Each request gets its own dates, far from other test classes' requests (the overlap rule). */
    private static final AtomicInteger SLOT = new AtomicInteger();

    @Autowired
    cn.cadreflow.org.WorkCalendar calendar;
    @Autowired
    ProcessStarts starts;
    @Autowired
    TaskCommands commands;
    @Autowired
    WorkflowQueries queries;
    @Autowired
    TaskLists lists;
    @Autowired
    Notifications notifications;
    @Autowired
    Texts texts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CampaignService campaigns;

    /** zhangwei's request, started as the form would send it; it waits for 青山镇's leader (lijun). */
    String startRequest(String course) {
        LocalDate start = LocalDate.now().plusDays(1600 + 10L * SLOT.getAndIncrement());
        return starts.start("trainingLeave", "zhangwei", TrainingRequests.request(course, start, 2, 16));
    }

    /** zhangwei's request, approved by lijun: it waits for 清河县's HR officers (wangfang). */
    String startRequestAtHr(String course) {
        String pi = startRequest(course);
        commands.decide(taskOf("lijun", pi), "lijun", true, "同意。");
        return pi;
    }

    String taskOf(String user, String processInstanceId) {
        return lists.summaries(lists.list(user, TaskLists.Box.TODO, TaskFilter.NONE, 0, 1000)).stream()
                .filter(t -> t.processInstanceId().equals(processInstanceId) && t.parentTaskId() == null)
                .map(WorkflowViews.TaskSummary::taskId).findFirst()
                .orElseThrow(() -> new AssertionError(user + " has no task of " + processInstanceId));
    }

    boolean hasTask(String user, String processInstanceId) {
        return lists.list(user, TaskLists.Box.TODO, TaskFilter.NONE, 0, 1000).stream()
                .anyMatch(t -> t.processInstanceId().equals(processInstanceId));
    }

    String status(String processInstanceId) {
        return jdbc.queryForObject("SELECT status FROM training_leave_request WHERE process_instance_id = ?",
                String.class, processInstanceId);
    }

    // ---------------------------------------------------------------- what a user sees

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

    static boolean listed(String processInstanceId) {
        return inboxRows().stream().anyMatch(t -> t.processInstanceId().equals(processInstanceId));
    }

    static int rowOf(String processInstanceId) {
        List<WorkflowViews.TaskSummary> rows = inboxRows();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).processInstanceId().equals(processInstanceId)) {
                return i;
            }
        }
        throw new AssertionError("not listed: " + processInstanceId);
    }

    /**
     * Ticks one more row's checkbox, as the browser reports it. (Karibu's {@code _select} deselects everything
     * first, like a click in single-select mode, so it picks only the first row of a multi-selection.)
     */
    static void tick(WorkflowViews.TaskSummary row) {
        inboxGrid().getSelectionModel().selectFromClient(row);
    }

    static String tabLabel(String id) {
        return _get(Tab.class, spec -> spec.withId(id)).getLabel();
    }

    static void selectTab(String id) {
        _get(Tabs.class, spec -> spec.withId("inbox-tabs")).setSelectedTab(_get(Tab.class, spec -> spec.withId(id)));
    }

    static String text(String id) {
        return _get(com.vaadin.flow.component.Component.class, spec -> spec.withId(id)).getElement()
                .getTextRecursively();
    }

    /** The action dialog now open. */
    static ActionDialog dialog() {
        return _get(ActionDialog.class, spec -> spec.withPredicate(Dialog::isOpened));
    }

    @SuppressWarnings("unchecked")
    static void pickPerson(String userId) {
        ComboBox<UserDirectory.DirectoryUser> person = _get(ComboBox.class, spec -> spec.withId("dialog-person"));
        _setValue(person, person.getListDataView().getItems().filter(u -> u.id().equals(userId)).findFirst()
                .orElseThrow());
    }

    @SuppressWarnings("unchecked")
    static void pickPeople(String... userIds) {
        MultiSelectComboBox<UserDirectory.DirectoryUser> people = _get(MultiSelectComboBox.class,
                spec -> spec.withId("dialog-people"));
        Set<String> wanted = Set.of(userIds);
        _setValue(people, people.getListDataView().getItems().filter(u -> wanted.contains(u.id()))
                .collect(java.util.stream.Collectors.toSet()));
    }

    static void note(String value) {
        _setValue(_get(TextArea.class, spec -> spec.withId("dialog-note")), value);
    }

    static void opinion(String value) {
        _setValue(_get(TextArea.class, spec -> spec.withId("opinion")), value);
    }

    // ---------------------------------------------------------------- inbox: tabs, filters, columns

    @Test
    void tabsShowCountsAndTheClaimableTabListsAnUnclaimedTask() {
        login("lijun");
        long todoBefore = lists.count("lijun", TaskLists.Box.TODO, TaskFilter.NONE);
        long claimableBefore = lists.count("lijun", TaskLists.Box.CLAIMABLE, TaskFilter.NONE);
        assertThat(tabLabel("tab-todo")).isEqualTo("待办 (" + todoBefore + ")");
        assertThat(tabLabel("tab-claimable")).isEqualTo("待签收 (" + claimableBefore + ")");
        assertThat(tabLabel("tab-done")).isEqualTo("已办");
        assertThat(tabLabel("tab-copies")).startsWith("抄送我的 (");

        String pi = startRequest("操作界面·页签计数");
        login("lijun");
        assertThat(tabLabel("tab-todo")).isEqualTo("待办 (" + (todoBefore + 1) + ")");
        assertThat(tabLabel("tab-claimable")).isEqualTo("待签收 (" + (claimableBefore + 1) + ")");
        assertThat(GridKt._getFormattedRow(inboxGrid(), rowOf(pi))).last().isEqualTo("待签收");

        selectTab("tab-claimable");
        assertThat(GridKt._size(inboxGrid())).isEqualTo((int) claimableBefore + 1);
        assertThat(listed(pi)).isTrue();
        assertThat(button("batch-approve").isVisible()).isTrue();

        // once claimed it is no longer waiting to be claimed, but still to do
        commands.claim(taskOf("lijun", pi), "lijun");
        login("lijun");
        assertThat(tabLabel("tab-todo")).isEqualTo("待办 (" + (todoBefore + 1) + ")");
        assertThat(tabLabel("tab-claimable")).isEqualTo("待签收 (" + claimableBefore + ")");
        assertThat(GridKt._getFormattedRow(inboxGrid(), rowOf(pi))).last().isEqualTo("待我办理");
        selectTab("tab-claimable");
        assertThat(listed(pi)).isFalse();
    }

    @Test
    void filtersNarrowTheGrid() {
        String pi = startRequestAtHr("操作界面·筛选");
        login("wangfang");
        assertThat(listed(pi)).isTrue();

        @SuppressWarnings("unchecked")
        Select<String> process = _get(Select.class, spec -> spec.withId("filter-process"));
        assertThat(process.getItemLabelGenerator().apply("trainingLeave")).isEqualTo("培训请假");
        assertThat(process.getItemLabelGenerator().apply("")).isEqualTo("全部");
        _setValue(process, "trainingLeave");
        assertThat(listed(pi)).isTrue();
        assertThat(inboxRows()).allMatch(t -> t.processKey().equals("trainingLeave"));
        _setValue(process, "");

        @SuppressWarnings("unchecked")
        ComboBox<TaskLists.UnitOption> unit = _get(ComboBox.class, spec -> spec.withId("filter-unit"));
        List<TaskLists.UnitOption> units = unit.getListDataView().getItems().toList();
        assertThat(units).extracting(TaskLists.UnitOption::name).contains("清河县", "青山镇", "白沙镇");
        _setValue(unit, units.stream().filter(u -> u.name().equals("白沙镇")).findFirst().orElseThrow());
        assertThat(listed(pi)).as("a 青山镇 cadre's request under 白沙镇").isFalse();
        assertThat(tabLabel("tab-todo")).as("the count follows the filter")
                .isEqualTo("待办 (" + GridKt._size(inboxGrid()) + ")");
        _setValue(unit, units.stream().filter(u -> u.name().equals("青山镇")).findFirst().orElseThrow());
        assertThat(listed(pi)).isTrue();
        _setValue(unit, null);

        TextField cadre = _get(TextField.class, spec -> spec.withId("filter-cadre"));
        _setValue(cadre, "张伟");
        assertThat(listed(pi)).isTrue();
        assertThat(inboxRows()).allMatch(t -> t.cadreName().contains("张伟"));
        _setValue(cadre, "陈静");
        assertThat(listed(pi)).isFalse();
        _setValue(cadre, "");

        @SuppressWarnings("unchecked")
        Select<TaskFilter.Due> due = _get(Select.class, spec -> spec.withId("filter-due"));
        assertThat(due.getItemLabelGenerator().apply(TaskFilter.Due.OVERDUE)).isEqualTo("已超期");
        _setValue(due, TaskFilter.Due.OVERDUE);
        assertThat(GridKt._size(inboxGrid())).as("fresh tasks are not overdue").isZero();
        assertThat(tabLabel("tab-todo")).isEqualTo("待办 (0)");
        _setValue(due, TaskFilter.Due.ANY);
        assertThat(listed(pi)).isTrue();
    }

    @Test
    void dueColumnShowsTheDueDateAndDoneTabListsTheTaskAfterApproving() {
        String pi = startRequest("操作界面·期限与已办");
        login("lijun");
        WorkflowViews.TaskSummary row = inboxRows().get(rowOf(pi));
        assertThat(row.due()).isNotNull();
        // 单位负责人审批 has three working days on the work calendar
        java.time.ZonedDateTime created = row.created().atZone(java.time.ZoneId.systemDefault());
        assertThat(Duration.between(calendar.afterWorkingDays(created, 3).toInstant(), row.due()).abs())
                .as("单位负责人审批 has three working days").isLessThan(Duration.ofSeconds(5));
        List<String> cells = GridKt._getFormattedRow(inboxGrid(), rowOf(pi));
        assertThat(cells.get(5)).isEqualTo(texts.dateTime(row.due())).doesNotContain("已超期");
        assertThat(cells.get(0)).isEqualTo("单位负责人审批");

        GridKt._clickItem(inboxGrid(), rowOf(pi));
        NavigatorKt.expectView(TaskView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withId("task-due")).getText())
                .isEqualTo("办理期限：" + texts.dateTime(row.due()));
        opinion("同意参加。");
        _click(button("approve"));
        NavigatorKt.expectView(InboxView.class);
        assertThat(listed(pi)).isFalse();

        selectTab("tab-done");
        _assertNone(Button.class, spec -> spec.withId("batch-approve"));
        assertThat(listed(pi)).isTrue();
        assertThat(GridKt._getFormattedRow(inboxGrid(), rowOf(pi))).first().isEqualTo("单位负责人审批");
        assertThat(GridKt._getFormattedRow(inboxGrid(), rowOf(pi))).last().isEqualTo("已办结");
    }

    // ---------------------------------------------------------------- batch approval

    @Test
    void leaderApprovesTwoTasksOfTheSameStepTogether() {
        String first = startRequest("操作界面·批量一");
        String second = startRequest("操作界面·批量二");
        login("lijun");
        // a look at the done tab (no selection there) and back keeps the multi-selection working
        selectTab("tab-done");
        selectTab("tab-todo");
        assertThat(button("batch-approve").isEnabled()).as("nothing selected yet").isFalse();
        GridKt._select(inboxGrid(), inboxRows().get(rowOf(first)));
        tick(inboxRows().get(rowOf(second)));
        assertThat(inboxGrid().getSelectedItems()).hasSize(2);
        assertThat(button("batch-approve").isEnabled()).isTrue();

        _click(button("batch-approve"));
        Dialog batch = _get(Dialog.class, spec -> spec.withId("batch-dialog"));
        assertThat(batch.isOpened()).isTrue();
        assertThat(batch.getHeaderTitle()).isEqualTo("批量通过 2 项");
        assertThat(_get(TextArea.class, spec -> spec.withId("batch-opinion")).getValue()).isEqualTo("同意。");
        _click(button("batch-confirm"));

        Dialog results = _get(Dialog.class, spec -> spec.withId("batch-results-dialog"));
        assertThat(results.isOpened()).isTrue();
        assertThat(results.getHeaderTitle()).isEqualTo("已通过 2 项，未通过 0 项");
        @SuppressWarnings("unchecked")
        Grid<WorkflowViews.BatchResult> table = _get(Grid.class, spec -> spec.withId("batch-results"));
        assertThat(GridKt._size(table)).isEqualTo(2);
        for (int i = 0; i < 2; i++) {
            assertThat(GridKt._getFormattedRow(table, i)).containsExactly("张伟", "单位负责人审批", "已通过");
        }
        assertThat(listed(first)).isFalse();
        assertThat(listed(second)).isFalse();
        long todo = lists.count("lijun", TaskLists.Box.TODO, TaskFilter.NONE);
        assertThat(tabLabel("tab-todo")).isEqualTo("待办 (" + todo + ")");
        assertThat(_get(Span.class, spec -> spec.withId("nav-inbox-count")).getText()).as("the menu badge too")
                .isEqualTo(String.valueOf(todo));
        assertThat(status(first)).isEqualTo("PENDING_HR");
        assertThat(status(second)).isEqualTo("PENDING_HR");
        assertThat(hasTask("wangfang", first)).isTrue();
        assertThat(hasTask("wangfang", second)).isTrue();
    }

    @Test
    void batchOfDifferentStepsIsRefused() {
        String leaderStep = startRequest("操作界面·混合一");
        String hrStep = startRequestAtHr("操作界面·混合二");
        commands.transfer(taskOf("wangfang", hrStep), "wangfang", "lijun", "请李军书记一并审核");
        login("lijun");
        GridKt._select(inboxGrid(), inboxRows().get(rowOf(leaderStep)));
        tick(inboxRows().get(rowOf(hrStep)));
        assertThat(inboxGrid().getSelectedItems()).hasSize(2);
        Button batch = button("batch-approve");
        assertThat(batch.isEnabled()).as("tasks of two steps cannot be approved together").isFalse();
        assertThat(batch.getTooltip().getText()).isEqualTo("批量审批只能选择同一流程、同一环节的事项。");
        assertThat(_find(Dialog.class, spec -> spec.withId("batch-dialog"))).isEmpty();
        assertThat(status(leaderStep)).isEqualTo("PENDING_LEADER");
        assertThat(status(hrStep)).isEqualTo("PENDING_HR");
        assertThat(listed(leaderStep)).isTrue();
        assertThat(listed(hrStep)).isTrue();
    }

    @Test
    void batchApprovalStaysOffWhileAFormTaskIsSelected() {
        String approval = startRequestAtHr("操作界面·批量与表单");
        long village = jdbc.queryForObject("SELECT id FROM org_unit WHERE name = '青山村'", Long.class);
        long cadre = jdbc.queryForObject("SELECT MIN(c.id) FROM cadre c WHERE c.unit_id = ? AND c.status = 'ACTIVE' "
                + "AND NOT EXISTS (SELECT 1 FROM app_user u WHERE u.cadre_id = c.id)", Long.class, village);
        // 2018: only 陈静 of 白沙镇 is reviewed in it elsewhere
        long campaign = campaigns.create(2018, "2018年度考核（批量审批界面）", List.of(village), "GRASSROOTS11",
                "wangfang");
        String form = starts.start(AnnualReviewStep.PROCESS_KEY, "wangfang",
                java.util.Map.of("campaignId", campaign, "cadreId", cadre));
        login("wangfang");
        Button batch = button("batch-approve");

        GridKt._select(inboxGrid(), inboxRows().get(rowOf(form)));
        assertThat(batch.isEnabled()).as("a 述职 is filled in, not approved").isFalse();
        assertThat(_get(Span.class, spec -> spec.withId("batch-hint")).getText())
                .isEqualTo("所选事项中有 1 项需填写表单，不能批量审批");

        tick(inboxRows().get(rowOf(approval)));
        assertThat(inboxGrid().getSelectedItems()).hasSize(2);
        assertThat(batch.isEnabled()).isFalse();
        assertThat(_get(Span.class, spec -> spec.withId("batch-hint")).getText())
                .isEqualTo("所选事项中有 1 项需填写表单，不能批量审批");

        inboxGrid().getSelectionModel().deselectFromClient(inboxRows().get(rowOf(form)));
        assertThat(batch.isEnabled()).as("the approval alone can be approved in a batch").isTrue();
        _assertNone(Span.class, spec -> spec.withId("batch-hint"));
    }

    @Test
    void aTaskDelegatedToTheUserIsResolvedNotBatchApproved() {
        String pi = startRequest("操作界面·批量与委派");
        commands.delegate(taskOf("lijun", pi), "lijun", "zhaomin", "请核实");
        login("zhaomin");
        GridKt._select(inboxGrid(), inboxRows().get(rowOf(pi)));
        assertThat(button("batch-approve").isEnabled()).isFalse();
        assertThat(_get(Span.class, spec -> spec.withId("batch-hint")).getText())
                .isEqualTo("所选事项中有 1 项为委派给您或由他人办理，不能批量审批");
    }

    // ---------------------------------------------------------------- the task view's more actions

    @Test
    void leaderClaimsAndGivesBackATask() {
        String pi = startRequest("操作界面·签收");
        String task = taskOf("lijun", pi);
        login("lijun");
        navigate("task/" + task);
        _assertOne(Button.class, spec -> spec.withId("claim"));
        _assertNone(Button.class, spec -> spec.withId("unclaim"));

        _click(button("claim"));
        NavigatorKt.expectView(TaskView.class);
        assertThat(notificationTexts()).contains("已签收，该事项由您办理");
        _assertNone(Button.class, spec -> spec.withId("claim"));
        _assertOne(Button.class, spec -> spec.withId("unclaim"));
        assertThat(lists.list("lijun", TaskLists.Box.CLAIMABLE, TaskFilter.NONE, 0, 1000))
                .noneMatch(t -> t.taskId().equals(task));

        _click(button("unclaim"));
        NavigatorKt.expectView(InboxView.class);
        assertThat(notificationTexts()).contains("已取消签收，退回待签收");
        selectTab("tab-claimable");
        assertThat(listed(pi)).isTrue();
    }

    @Test
    void transferredTaskLeavesTheLeadersInboxForTheNewPerson() {
        String pi = startRequest("操作界面·转办");
        login("lijun");
        navigate("task/" + taskOf("lijun", pi));
        _click(button("transfer"));
        ActionDialog d = dialog();
        assertThat(d.getHeaderTitle()).isEqualTo("转办");
        assertThat(d.person.getListDataView().getItems()).noneMatch(u -> u.id().equals("lijun"));
        pickPerson("liuyang");
        assertThat(d.person.getItemLabelGenerator().apply(d.person.getValue())).isEqualTo("刘洋（liuyang）");
        note("本周在省委党校学习，请刘洋书记代为审批。");
        _click(button("dialog-confirm"));
        NavigatorKt.expectView(InboxView.class);
        assertThat(notificationTexts()).contains("已转办");
        assertThat(listed(pi)).isFalse();

        login("liuyang");
        assertThat(listed(pi)).isTrue();
        assertThat(GridKt._getFormattedRow(inboxGrid(), rowOf(pi))).last().isEqualTo("待我办理");
    }

    @Test
    void delegateResolvesAndTheTaskComesBackToTheOwner() {
        String pi = startRequest("操作界面·委派");
        String task = taskOf("lijun", pi);
        login("lijun");
        navigate("task/" + task);
        _click(button("delegate"));
        pickPerson("liuyang");
        note("请核实培训通知。");
        _click(button("dialog-confirm"));
        NavigatorKt.expectView(InboxView.class);
        assertThat(notificationTexts()).contains("已委派，对方完成后交回您审批");

        login("liuyang");
        assertThat(listed(pi)).isTrue();
        navigate("task/" + task);
        assertThat(_get(Paragraph.class, spec -> spec.withId("delegated-info")).getText()).contains("李军");
        _assertOne(Button.class, spec -> spec.withId("resolve"));
        _assertNone(Button.class, spec -> spec.withId("approve"));
        _assertNone(Button.class, spec -> spec.withId("reject"));
        _assertNone(Button.class, spec -> spec.withId("transfer"));

        _click(button("resolve"));
        assertThat(notificationTexts()).as("an opinion is needed").contains("请填写审批意见。");
        opinion("已核实，培训通知属实。");
        _click(button("resolve"));
        NavigatorKt.expectView(InboxView.class);
        assertThat(notificationTexts()).contains("已交回委派人");
        assertThat(listed(pi)).isFalse();

        login("lijun");
        assertThat(listed(pi)).isTrue();
        navigate("task/" + task);
        _assertNone(Paragraph.class, spec -> spec.withId("delegated-info"));
        _assertOne(Button.class, spec -> spec.withId("approve"));
        assertThat(text("timeline")).contains("已核实，培训通知属实。");
    }

    @Test
    void addedApproversDecideAfterTheOwner() {
        String pi = startRequest("操作界面·加签");
        String task = taskOf("lijun", pi);
        login("lijun");
        navigate("task/" + task);
        _click(button("add-approvers"));
        pickPeople("liuyang");
        _click(button("dialog-confirm"));
        NavigatorKt.expectView(TaskView.class);
        assertThat(notificationTexts()).contains("已加签，全部审批人通过后本环节才完成");
        assertThat(_get(Paragraph.class, spec -> spec.withId("added-approvers")).getText())
                .isEqualTo("加签审批人：刘洋");

        opinion("同意，请刘洋书记会签。");
        _click(button("approve"));
        NavigatorKt.expectView(InboxView.class);
        assertThat(status(pi)).as("the step waits for the added approver").isEqualTo("PENDING_LEADER");
        navigate("task/" + task);
        assertThat(_get(Paragraph.class, spec -> spec.withId("waiting-added")).getText())
                .isEqualTo("您已通过，等待加签人审批：刘洋");
        _assertNone(Button.class, spec -> spec.withId("approve"));

        login("liuyang");
        int row = rowOf(pi);
        assertThat(GridKt._getFormattedRow(inboxGrid(), row)).first().isEqualTo("单位负责人审批（加签）");
        GridKt._clickItem(inboxGrid(), row);
        NavigatorKt.expectView(TaskView.class);
        opinion("同意。");
        _click(button("approve"));
        NavigatorKt.expectView(InboxView.class);
        assertThat(status(pi)).isEqualTo("PENDING_HR");
    }

    @Test
    void hrReturnsTheRequestToTheLeaderStep() {
        String pi = startRequestAtHr("操作界面·退回");
        login("wangfang");
        navigate("task/" + taskOf("wangfang", pi));
        _click(button("return"));
        @SuppressWarnings("unchecked")
        Select<WorkflowViews.Step> step = _get(Select.class, spec -> spec.withId("return-step"));
        assertThat(step.getValue().key()).isEqualTo("leaderApproval");
        assertThat(step.getItemLabelGenerator().apply(step.getValue())).isEqualTo("单位负责人审批");

        _click(button("dialog-confirm"));
        assertThat(notificationTexts()).contains("请填写审批意见。");
        assertThat(status(pi)).isEqualTo("PENDING_HR");

        note("请单位负责人核实工作安排后再报。");
        _click(button("dialog-confirm"));
        NavigatorKt.expectView(InboxView.class);
        assertThat(notificationTexts()).contains("已退回");
        assertThat(listed(pi)).isFalse();
        assertThat(status(pi)).isEqualTo("PENDING_LEADER");

        login("lijun");
        assertThat(GridKt._getFormattedRow(inboxGrid(), rowOf(pi))).startsWith("单位负责人审批").last()
                .isEqualTo("待我办理");
    }

    @Test
    void copiedRequestShowsUnderCopiedToMeAndOpens() {
        String pi = startRequest("操作界面·抄送");
        login("chenjing");
        long unreadCopies = queries.countCopies("chenjing", true);

        login("lijun");
        navigate("task/" + taskOf("lijun", pi));
        _click(button("copy"));
        pickPeople("chenjing");
        _click(button("dialog-confirm"));
        NavigatorKt.expectView(TaskView.class);
        assertThat(notificationTexts()).contains("已抄送");

        login("chenjing");
        assertThat(tabLabel("tab-copies")).isEqualTo("抄送我的 (" + (unreadCopies + 1) + ")");
        selectTab("tab-copies");
        @SuppressWarnings("unchecked")
        Grid<WorkflowViews.Copy> copies = _get(Grid.class, spec -> spec.withId("copies-grid"));
        _assertNone(Grid.class, spec -> spec.withId("inbox-grid"));
        _assertNone(Button.class, spec -> spec.withId("batch-approve"));
        List<WorkflowViews.Copy> rows = GridKt._findAll(copies);
        int row = java.util.stream.IntStream.range(0, rows.size())
                .filter(i -> rows.get(i).processInstanceId().equals(pi)).findFirst().orElseThrow();
        assertThat(GridKt._getFormattedRow(copies, row)).contains("培训请假", "李军", "办理中：单位负责人审批", "未读");

        GridKt._clickItem(copies, row);
        NavigatorKt.expectView(InstanceView.class);
        assertThat(_get(Span.class, spec -> spec.withId("instance-status")).getText())
                .isEqualTo("办理中：单位负责人审批");
        _assertNone(Paragraph.class, spec -> spec.withId("instance-error"));
        _assertNone(Button.class, spec -> spec.withId("recall"));
        _assertNone(Button.class, spec -> spec.withId("terminate"));
        assertThat(queries.countCopies("chenjing", true)).as("opening marks it read").isEqualTo(unreadCopies);
    }

    // ---------------------------------------------------------------- the instance view

    @Test
    void starterUrgesOnceAnHourAndRecallsHisRequest() {
        String pi = startRequest("操作界面·催办撤回");
        long lijunUnread = notifications.unread("lijun");
        login("zhangwei");
        navigate("instance/" + pi);
        _assertOne(Button.class, spec -> spec.withId("recall"));
        _assertOne(Button.class, spec -> spec.withId("urge"));
        _assertNone(Button.class, spec -> spec.withId("terminate"));

        _click(button("urge"));
        note("培训下周开班，请尽快审批。");
        _click(button("dialog-confirm"));
        NavigatorKt.expectView(InstanceView.class);
        assertThat(notificationTexts()).contains("已催办");
        assertThat(notifications.unread("lijun")).isEqualTo(lijunUnread + 1);

        _click(button("urge"));
        _click(button("dialog-confirm"));
        assertThat(notificationTexts()).anyMatch(t -> t.startsWith("您刚催办过，请") && t.endsWith("分钟后再催办。"));
        assertThat(dialog().isOpened()).as("the refusal keeps the dialog open").isTrue();
        assertThat(notifications.unread("lijun")).isEqualTo(lijunUnread + 1);
        dialog().close();

        _click(button("recall"));
        _click(button("dialog-confirm"));
        NavigatorKt.expectView(InstanceView.class);
        assertThat(notificationTexts()).contains("已撤回");
        assertThat(_get(Span.class, spec -> spec.withId("instance-status")).getText()).isEqualTo("办理中：修改申请");
        assertThat(status(pi)).isEqualTo("RETURNED");
        assertThat(hasTask("lijun", pi)).isFalse();

        login("zhangwei");
        assertThat(GridKt._getFormattedRow(inboxGrid(), rowOf(pi))).first().isEqualTo("修改申请");

        login("lijun");
        assertThat(_get(Span.class, spec -> spec.withId("bell-count")).getText())
                .isEqualTo(String.valueOf(notifications.unread("lijun")));
    }

    @Test
    void hrTerminatesOnlyWithAReason() {
        String pi = startRequest("操作界面·终止");
        login("wangfang");
        navigate("instance/" + pi);
        _assertOne(Button.class, spec -> spec.withId("terminate"));
        _assertOne(Button.class, spec -> spec.withId("urge"));
        _assertNone(Button.class, spec -> spec.withId("recall"));

        _click(button("terminate"));
        _click(button("dialog-confirm"));
        assertThat(notificationTexts()).contains("请填写终止理由。");
        TextArea reason = _get(TextArea.class, spec -> spec.withId("dialog-note"));
        assertThat(reason.isInvalid()).isTrue();
        assertThat(status(pi)).isEqualTo("PENDING_LEADER");
        assertThat(hasTask("lijun", pi)).isTrue();

        _setValue(reason, "申请人岗位调整，不再参加该培训。");
        _click(button("dialog-confirm"));
        NavigatorKt.expectView(InstanceView.class);
        assertThat(notificationTexts()).contains("流程已终止");
        assertThat(_get(Span.class, spec -> spec.withId("instance-status")).getText()).isEqualTo("已终止");
        _assertNone(Button.class, spec -> spec.withId("terminate"));
        assertThat(status(pi)).isEqualTo("TERMINATED");
        assertThat(hasTask("lijun", pi)).isFalse();
    }

    // ---------------------------------------------------------------- attachments

    @Test
    void uploadedPdfIsListedOnTheRequestAndAProgramIsRefused() {
        String pi = startRequest("操作界面·附件");
        String task = taskOf("lijun", pi);
        login("lijun");
        navigate("task/" + task);
        byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        UploadKt._upload(_get(Upload.class, spec -> spec.withId("upload")), "培训通知.pdf", "application/pdf", pdf);
        assertThat(notificationTexts()).contains("已上传附件：培训通知.pdf");
        NavigatorKt.expectView(TaskView.class);

        UploadKt._upload(_get(Upload.class, spec -> spec.withId("upload")), "setup.exe",
                "application/octet-stream", new byte[] {'M', 'Z', 0, 0});
        assertThat(notificationTexts()).anyMatch(t -> t.startsWith("不支持该文件类型"));

        navigate("instance/" + pi);
        UnorderedList attachments = _get(UnorderedList.class, spec -> spec.withId("attachments"));
        assertThat(attachments.getElement().getTextRecursively()).contains("培训通知.pdf").doesNotContain("setup.exe");
        Anchor link = _get(Anchor.class, spec -> spec.withText("培训通知.pdf"));
        assertThat(link.getHref()).isNotBlank();
        assertThat(link.getElement().hasAttribute("download")).isTrue();
        assertThat(queries.attachments(pi, "lijun")).hasSize(1);
        assertThat(queries.attachmentContent(pi, queries.attachments(pi, "lijun").get(0).id(), "zhangwei"))
                .isEqualTo(pdf);
    }

    // ---------------------------------------------------------------- bell and menu badge

    @Test
    void bellCountsNewTasksAndMarksThemRead() {
        String pi = startRequest("操作界面·消息");
        login("lijun");
        long unread = notifications.unread("lijun");
        assertThat(unread).isPositive();
        Span count = _get(Span.class, spec -> spec.withId("bell-count"));
        assertThat(count.isVisible()).isTrue();
        assertThat(count.getText()).isEqualTo(unread > 99 ? "99+" : String.valueOf(unread));

        long todo = lists.count("lijun", TaskLists.Box.TODO, TaskFilter.NONE);
        Span badge = _get(Span.class, spec -> spec.withId("nav-inbox-count"));
        assertThat(badge.getText()).isEqualTo(String.valueOf(todo));
        assertThat(tabLabel("tab-todo")).isEqualTo("待办 (" + todo + ")");

        _get(Popover.class).open();
        String listText = _get(VerticalLayout.class, spec -> spec.withId("bell-list")).getElement()
                .getTextRecursively();
        assertThat(listText).contains("【培训请假】张伟的申请待您办理：单位负责人审批");
        assertThat(notifications.latest("lijun", 15)).anyMatch(n -> pi.equals(n.processInstanceId()));

        _click(button("bell-read-all"));
        assertThat(notifications.unread("lijun")).isZero();
        _assertNone(Span.class, spec -> spec.withId("bell-count"));

        // the badge follows actions: approving one task lowers it
        navigate("task/" + taskOf("lijun", pi));
        opinion("同意。");
        _click(button("approve"));
        NavigatorKt.expectView(InboxView.class);
        assertThat(_get(Span.class, spec -> spec.withId("nav-inbox-count")).getText())
                .isEqualTo(String.valueOf(todo - 1));
    }

    // ---------------------------------------------------------------- English

    @Test
    void inboxSpeaksEnglishAfterTheLanguageSwitch() {
        login("lijun");
        _click(button("language-switch"));
        NavigatorKt.expectView(InboxView.class);
        long todo = lists.count("lijun", TaskLists.Box.TODO, TaskFilter.NONE);
        assertThat(tabLabel("tab-todo")).isEqualTo("To do (" + todo + ")");
        assertThat(tabLabel("tab-claimable")).startsWith("To claim (");
        assertThat(tabLabel("tab-done")).isEqualTo("Done by me");
        assertThat(tabLabel("tab-copies")).startsWith("Copied to me (");
        assertThat(button("batch-approve").getText()).isEqualTo("Approve selected");
    }
}
