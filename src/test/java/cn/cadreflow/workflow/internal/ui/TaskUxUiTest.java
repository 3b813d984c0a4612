package cn.cadreflow.workflow.internal.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
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
import cn.cadreflow.workflow.internal.task.SavedOpinions;
import cn.cadreflow.workflow.internal.task.TaskDrafts;

/**
 * Issue 14, what users expect of the task view: the 钉钉-style step list beside the diagram, 常用意见, 暂存 on form
 * steps, the printable 审批单, and the step's actions in one bar (fixed at the bottom on a phone).
 */
@CadreFlowTest
class TaskUxUiTest extends KaribuSupport {

    @Autowired
    ProcessStarts starts;
    @Autowired
    TaskCommands commands;
    @Autowired
    WorkflowQueries queries;
    @Autowired
    InstanceCommands instanceCommands;
    @Autowired
    SavedOpinions savedOpinions;
    @Autowired
    TaskDrafts drafts;
    @Autowired
    JdbcTemplate jdbc;

    String startRequest(String course) {
        return starts.start(TrainingLeaveService.PROCESS_KEY, "zhangwei",
                TrainingRequests.request(course, TrainingRequests.nextFreeStart(), 3, 24.0));
    }

    String taskOf(String user, String processInstanceId) {
        return queries.inbox(user, 0, 200).stream().filter(t -> t.processInstanceId().equals(processInstanceId))
                .map(WorkflowViews.TaskSummary::taskId).findFirst().orElseThrow();
    }

    static List<ListItem> steps() {
        return _get(OrderedList.class, spec -> spec.withId("step-list")).getChildren()
                .map(ListItem.class::cast).toList();
    }

    static String text(Component c) {
        return c.getElement().getTextRecursively();
    }

    static String text(String id) {
        return text(_get(Component.class, spec -> spec.withId(id)));
    }

    static Button button(String id) {
        return _get(Button.class, spec -> spec.withId(id));
    }

    // ------------------------------------------------------------------------------------------------ step list

    @Test
    void theStepListShowsEveryStepWithItsPeopleStateTimeAndOpinionBesideTheDiagram() {
        String pi = startRequest("步骤列表·数字政府");
        String leaderTask = taskOf("lijun", pi);
        commands.decide(leaderTask, "lijun", true, "同意，工作已安排。");

        login("wangfang");
        navigate("task/" + taskOf("wangfang", pi));
        NavigatorKt.expectView(TaskView.class);
        List<ListItem> steps = steps();
        assertThat(steps).hasSize(3);
        assertThat(steps.get(0).getClassNames()).contains("step-submit");
        assertThat(text(steps.get(0))).contains("发起申请", "张伟");
        assertThat(steps.get(1).getClassNames()).contains("step-approve");
        assertThat(text(steps.get(1))).contains("单位负责人审批", "已同意", "李军", "同意，工作已安排。");
        assertThat(steps.get(1).getChildren().filter(c -> c.getClassNames().contains("step-time")).findFirst())
                .as("the time of the decision").isPresent();
        // the waiting step says who may act on it, each with the round badge of their initials
        assertThat(steps.get(2).getClassNames()).contains("step-pending");
        assertThat(text(steps.get(2))).contains("组织部审批", "待处理", "王芳");
        assertThat(steps.get(2).getElement().getOuterHTML()).contains("class=\"avatar\">王芳<");

        // beside the diagram, which stays; on a phone the diagram is behind a toggle
        Div flow = _get(Div.class, spec -> spec.withId("flow-panel"));
        assertThat(flow.getElement().getOuterHTML()).contains("id=\"step-list\"", "id=\"diagram\"");
        Button toggle = button("diagram-toggle");
        assertThat(toggle.getClassNames()).contains("phone-only");
        _click(toggle);
        assertThat(flow.getClassNames()).contains("show-diagram");
        assertThat(toggle.getText()).isEqualTo("收起流程图");
        // the timeline of every action stays below
        assertThat(TaskCentreUiTest.timelineText()).contains("张伟 提交了申请");

        // the handled task and the request's own view show the same list
        commands.decide(taskOf("wangfang", pi), "wangfang", true, "学时属实，同意。");
        navigate("instance/" + pi);
        NavigatorKt.expectView(InstanceView.class);
        assertThat(steps()).extracting(TaskUxUiTest::text).anySatisfy(s -> assertThat(s)
                .contains("组织部审批", "已同意", "王芳", "学时属实，同意。"));
        login("lijun");
        navigate("task/" + leaderTask);
        _assertOne(Paragraph.class, spec -> spec.withId("task-handled"));
        assertThat(steps()).extracting(TaskUxUiTest::text).anySatisfy(s -> assertThat(s)
                .contains("单位负责人审批", "已同意", "李军", "同意，工作已安排。"));
    }

    @Test
    void theStepListReadsInEnglish() {
        String pi = startRequest("步骤列表·英文");
        login("lijun");
        EnglishModeUiTest.english();
        navigate("task/" + taskOf("lijun", pi));
        List<ListItem> steps = steps();
        assertThat(text(steps.get(0))).contains("Submitted the request");
        assertThat(text(steps.get(steps.size() - 1))).contains("Pending", "李军");
        assertThat(button("diagram-toggle").getText()).isEqualTo("Show diagram");
    }

    // ------------------------------------------------------------------------------------------------ 常用意见

    @Test
    void savedOpinionsArePickedIntoTheOpinionKeptAndRemoved() {
        jdbc.update("DELETE FROM wf_saved_opinion WHERE username IN ('lijun', 'wangfang')");
        String pi = startRequest("常用意见·数字政府");
        String task = taskOf("lijun", pi);
        login("lijun");
        navigate("task/" + task);
        TextArea opinion = _get(TextArea.class, spec -> spec.withId("opinion"));

        // the defaults: a tap puts one into the opinion
        assertThat(button("opinion-default-0").getText()).isEqualTo("同意。");
        _click(button("opinion-default-1"));
        assertThat(opinion.getValue()).isEqualTo("情况属实，同意。");
        _assertNone(Button.class, spec -> spec.withId("opinion-manage"));

        // the leader keeps an opinion of their own; it is offered from then on, to them alone
        opinion.setValue("同意参训，工作已安排妥当。");
        _click(button("opinion-keep"));
        long id = savedOpinions.of("lijun").get(0).id();
        assertThat(button("opinion-saved-" + id).getText()).isEqualTo("同意参训，工作已安排妥当。");
        assertThat(savedOpinions.of("wangfang")).isEmpty();
        _click(button("opinion-keep"));
        assertThat(notificationTexts()).contains("该意见已在常用意见中。");
        opinion.setValue("");
        _click(button("opinion-saved-" + id));
        assertThat(opinion.getValue()).isEqualTo("同意参训，工作已安排妥当。");

        // 退回修改 offers them too
        _click(button("return"));
        TextArea returnOpinion = _get(TextArea.class, spec -> spec.withId("dialog-note"));
        _click(button("dialog-opinion-saved-" + id));
        assertThat(returnOpinion.getValue()).isEqualTo("同意参训，工作已安排妥当。");
        _get(ActionDialog.class, spec -> spec.withId("action-dialog")).close();

        // approving with it records it
        navigate("task/" + task);
        _click(button("opinion-saved-" + id));
        _click(button("approve"));
        assertThat(queries.instance(pi, "zhangwei").timeline()).anySatisfy(e ->
                assertThat(e.opinion()).isEqualTo("同意参训，工作已安排妥当。"));

        // removed in 管理常用意见
        navigate("task/" + taskOf("lijun", startRequest("常用意见·管理")));
        _click(button("opinion-manage"));
        _click(button("remove-opinion-" + id));
        assertThat(savedOpinions.of("lijun")).isEmpty();
    }

    @Test
    void savedOpinionsAreLimitedOnTheServerAndEachUsersOwn() {
        jdbc.update("DELETE FROM wf_saved_opinion WHERE username IN ('zhaomin', 'chenjing')");
        assertThatThrownBy(() -> savedOpinions.add("zhaomin", "  ")).hasMessage("workflow.error.savedOpinionEmpty");
        assertThatThrownBy(() -> savedOpinions.add("zhaomin", "意".repeat(SavedOpinions.MAX_LENGTH + 1)))
                .hasMessage("workflow.error.savedOpinionTooLong");
        savedOpinions.add("zhaomin", "意".repeat(SavedOpinions.MAX_LENGTH));
        for (int i = 1; i < SavedOpinions.MAX_COUNT; i++) {
            savedOpinions.add("zhaomin", "意见" + i);
        }
        assertThatThrownBy(() -> savedOpinions.add("zhaomin", "再多一条"))
                .hasMessage("workflow.error.savedOpinionTooMany");
        assertThat(savedOpinions.of("zhaomin")).hasSize(SavedOpinions.MAX_COUNT);
        // someone else's reads as one that does not exist, and stays
        long theirs = savedOpinions.of("zhaomin").get(0).id();
        assertThatThrownBy(() -> savedOpinions.remove("chenjing", theirs))
                .hasMessage("workflow.error.savedOpinionGone");
        assertThatThrownBy(() -> savedOpinions.remove("chenjing", -1))
                .hasMessage("workflow.error.savedOpinionGone");
        assertThat(savedOpinions.of("zhaomin")).hasSize(SavedOpinions.MAX_COUNT);
        assertThat(savedOpinions.of("chenjing")).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ 暂存

    /** zhangwei's approved request, waiting for his 工作交接 (a form step). */
    String handoverTask(String course) {
        String pi = startRequest(course);
        commands.decide(taskOf("lijun", pi), "lijun", true, "同意。");
        commands.decide(taskOf("wangfang", pi), "wangfang", true, "同意。");
        return taskOf("zhangwei", pi);
    }

    @Test
    void aDraftIsSavedRestoredAndGoneOnceTheTaskIsCompleted() {
        String task = handoverTask("暂存·数字政府");
        login("zhangwei");
        navigate("task/" + task);
        _assertNone(Paragraph.class, spec -> spec.withId("draft-restored"));
        TextArea report = _get(TextArea.class, spec -> spec.withId("field-handover"));
        report.setValue("第一部分：党政办文件收发交由同事代管。");
        _click(button("save-draft"));
        assertThat(notificationTexts()).anyMatch(n -> n.startsWith("已暂存（"));
        // nothing was completed
        assertThat(taskOf("zhangwei", queries.task(task, "zhangwei").summary().processInstanceId())).isEqualTo(task);

        navigate("inbox");
        navigate("task/" + task);
        assertThat(_get(TextArea.class, spec -> spec.withId("field-handover")).getValue())
                .isEqualTo("第一部分：党政办文件收发交由同事代管。");
        assertThat(_get(Paragraph.class, spec -> spec.withId("draft-restored")).getText()).startsWith("已恢复暂存内容（");

        // completing deletes it (once a substitute is named, as the 工作交接 page's picker does)
        jdbc.update("UPDATE training_leave_request SET substitute_cadre_id = (SELECT MIN(id) FROM cadre WHERE"
                + " unit_id = (SELECT unit_id FROM cadre WHERE id = cadre_id) AND id <> cadre_id)"
                + " WHERE process_instance_id = ?", queries.task(task, "zhangwei").summary().processInstanceId());
        _click(button("submit-form"));
        assertThat(notificationTexts()).as("completed").contains("已提交");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wf_task_draft WHERE task_id = ?", Integer.class, task))
                .isZero();

        // and so does the task's ending otherwise (终止 by HR)
        String ended = handoverTask("暂存·终止");
        drafts.save(ended, "zhangwei", Map.of("handover", "写了一半"));
        instanceCommands.terminate(queries.task(ended, "zhangwei").summary().processInstanceId(), "wangfang",
                "培训取消。");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wf_task_draft WHERE task_id = ?", Integer.class, ended))
                .isZero();
    }

    @Test
    void aDraftIsCheckedAsCompletingIsAndKeepsOnlyTheFormsOwnFields() {
        String task = handoverTask("暂存·权限");
        // someone the task is not for reads what completing it would say
        for (String other : List.of("lijun", "chenjing")) {
            String completing = messageOf(() -> commands.submitForm(task, other, Map.of()));
            assertThat(messageOf(() -> drafts.save(task, other, Map.of("handover", "x")))).as(other)
                    .isEqualTo(completing);
            assertThat(messageOf(() -> drafts.find(task, other))).as(other).isEqualTo(completing);
        }
        assertThat(messageOf(() -> drafts.save("no-such-task", "zhangwei", Map.of())))
                .isEqualTo("workflow.error.taskGone");
        // approval steps have no drafts
        String approval = taskOf("lijun", startRequest("暂存·审批"));
        assertThat(messageOf(() -> drafts.save(approval, "lijun", Map.of()))).isNotNull();

        // read-only and foreign fields are not kept; an over-long draft is refused and changes nothing
        drafts.save(task, "zhangwei", Map.of("handover", "草稿", "courseName", "改名", "rater", "lijun"));
        assertThat(drafts.find(task, "zhangwei").values()).containsOnlyKeys("handover");
        assertThat(messageOf(() -> drafts.save(task, "zhangwei",
                Map.of("handover", "长".repeat(TaskDrafts.MAX_BYTES)))))
                .isEqualTo("workflow.error.draftTooLarge");
        assertThat(drafts.find(task, "zhangwei").values()).containsEntry("handover", "草稿");
    }

    static String messageOf(Runnable r) {
        try {
            r.run();
            return null;
        } catch (WorkflowException e) {
            return e.messageKey();
        }
    }

    // ------------------------------------------------------------------------------------------------ 审批单

    @Test
    void theApprovalSheetPrintsTheHeaderValuesAndEveryOpinionForWhoeverMaySeeTheRequest() {
        String pi = startRequest("审批单·数字政府");
        String number = queries.instance(pi, "zhangwei").summary().businessKey();
        commands.decide(taskOf("lijun", pi), "lijun", true, "同意，工作已安排。");

        login("wangfang");
        navigate("task/" + taskOf("wangfang", pi));
        navigate(_get(com.vaadin.flow.router.RouterLink.class, spec -> spec.withId("print-link")).getHref());
        NavigatorKt.expectView(PrintView.class);
        assertThat(text("print-title")).isEqualTo("培训请假审批单");
        assertThat(text("print-header")).contains("编号", number, "申请人", "张伟", "单位", "青山镇", "发起时间");
        assertThat(text("print-values")).contains("审批单·数字政府", "24");
        assertThat(text("print-steps")).contains("单位负责人审批", "李军", "已同意", "同意，工作已安排。", "组织部审批",
                "待处理");
        _assertOne(Button.class, spec -> spec.withId("print-now"));

        // the starter too, in English
        login("zhangwei");
        EnglishModeUiTest.english();
        navigate("print/" + pi);
        assertThat(text("print-title")).endsWith("approval sheet");
        assertThat(text("print-header")).contains("Applicant", "Number", number);
        assertThat(text("print-steps")).contains("Approved", "同意，工作已安排。");

        // anyone else reads what a request that does not exist reads
        login("chenjing");
        navigate("print/" + pi);
        String refused = text("print-error");
        navigate("print/no-such-request");
        assertThat(text("print-error")).isEqualTo(refused);
        _assertNone(Div.class, spec -> spec.withId("print-steps"));
    }

    // ------------------------------------------------------------------------------------------------ the phone

    @Test
    void theStepsOwnActionsShareOneBarThatAPhoneKeepsAtTheBottom() {
        String pi = startRequest("手机·底部操作栏");
        login("lijun");
        navigate("task/" + taskOf("lijun", pi));
        HorizontalLayout bar = _get(HorizontalLayout.class, spec -> spec.withId("task-action-bar"));
        assertThat(bar.getClassNames()).contains("task-action-bar");
        assertThat(bar.getChildren().map(c -> c.getId().orElse(""))).containsExactly("approve", "reject", "return");
        // the view's style sheet fixes the bar at the bottom of a phone-sized window, with 44 px touch targets
        String css = _get(TaskView.class).getElement().getChildren()
                .filter(e -> "style".equals(e.getTag())).map(e -> e.getText()).findFirst().orElseThrow();
        assertThat(css).contains("@media (max-width: 600px)", ".task-action-bar { position: fixed;",
                "min-height: 44px");

        String task = handoverTask("手机·工作交接");
        login("zhangwei");
        navigate("task/" + task);
        assertThat(_get(HorizontalLayout.class, spec -> spec.withId("task-action-bar")).getChildren()
                .map(c -> c.getId().orElse(""))).containsExactly("submit-form", "save-draft");
    }
}
