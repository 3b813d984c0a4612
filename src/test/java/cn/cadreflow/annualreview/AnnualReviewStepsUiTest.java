package cn.cadreflow.annualreview;

import static cn.cadreflow.annualreview.AnnualReviewStep.COMMITTEE_DECISION;
import static cn.cadreflow.annualreview.AnnualReviewStep.HR_REVIEW;
import static cn.cadreflow.annualreview.AnnualReviewStep.LEADER_RATING;
import static cn.cadreflow.annualreview.AnnualReviewStep.PEER_RATING;
import static cn.cadreflow.annualreview.AnnualReviewStep.RECHECK;
import static cn.cadreflow.annualreview.AnnualReviewStep.RESULT_NOTICE;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.annualreview.internal.AppraisalFileSection;
import cn.cadreflow.annualreview.internal.TrainingNeedsView;
import cn.cadreflow.cadre.internal.CadreFileView;
import cn.cadreflow.ui.KaribuSupport;
import cn.cadreflow.workflow.internal.ui.InboxView;
import cn.cadreflow.workflow.internal.ui.TaskView;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.WorkflowViews;

/**
 * One annual review of zhangwei (青山镇) driven through the screens, each person at their own step: the cadre's
 * 述职 from 待办 with the known data prefilled, lijun's 民主测评 and his 评鉴 with the DMN's suggested grade and
 * reason before him, wangfang's review and the committee's decision, the written result with a 复核 request, and
 * after filing the 年度考核 section of the file and the training needs a weak digital score raised.
 */
@CadreFlowTest
class AnnualReviewStepsUiTest extends KaribuSupport {

    /** No evidence is ever imported for this year, so the digital score is weak. */
    static final int YEAR = 2010;

    @Autowired
    ProcessStarts starts;
    @Autowired
    AnnualReviews appraisal;
    @Autowired
    TrainingNeeds trainingNeeds;
    @Autowired
    AppraisalSettings settings;
    @Autowired
    CampaignService campaigns;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;

    static Component field(String key) {
        return _get(Component.class, spec -> spec.withId("field-" + key));
    }

    static Object readOnlyValue(String key) {
        HasValue<?, ?> f = (HasValue<?, ?>) field(key);
        assertThat(f.isReadOnly()).as(key + " read-only").isTrue();
        return f.getValue();
    }

    @SuppressWarnings("unchecked")
    static void choose(String key, String value) {
        _setValue((Select<String>) field(key), value);
    }

    static void number(String key, double value) {
        _setValue((NumberField) field(key), value);
    }

    static void text(String key, String value) {
        _setValue((TextArea) field(key), value);
    }

    static void submit() {
        _click(_get(Button.class, spec -> spec.withId("submit-form")));
    }

    String taskId(String pi, String step) {
        Task t = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(step).singleResult();
        assertThat(t).as("open " + step).isNotNull();
        return t.getId();
    }

    void openTask(String pi, String step) {
        navigate("task/" + taskId(pi, step));
        NavigatorKt.expectView(TaskView.class);
    }

    @SuppressWarnings("unchecked")
    static Grid<Object> grid(String id) {
        return _get(Grid.class, spec -> spec.withId(id));
    }

    static List<String> rowsStartingWith(Grid<Object> grid, String first) {
        return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._getFormattedRow(grid, i))
                .filter(row -> row.get(0).equals(first)).map(row -> String.join("|", row)).toList();
    }

    @Test
    void oneReviewGoesThroughEveryRolesStepOnScreen() {
        Map<String, Object> known = starts.knownData("zhangwei");
        long unitId = ((Number) known.get("unitId")).longValue();
        long cadreId = ((Number) known.get("cadreId")).longValue();
        long campaign = campaigns.create(YEAR, YEAR + "年度考核（界面测试）", List.of(unitId), "GRASSROOTS11", "wangfang");
        String pi = starts.start(AnnualReviewStep.PROCESS_KEY, "wangfang",
                Map.of("campaignId", campaign, "cadreId", cadreId));
        long reviewId = ((Number) runtime.getVariable(pi, AnnualReviewStep.REVIEW_ID)).longValue();
        int needsBefore = trainingNeeds.ofCadre(cadreId).size();
        login("wangfang");
        navigate("training-needs");
        int hrNeedsBefore = GridKt._size(grid("training-needs-grid"));

        // 述职: zhangwei opens it from 待办; the known data is there, read-only
        login("zhangwei");
        NavigatorKt.expectView(InboxView.class);
        // his bell announces it as his own 述职 with the review's number, not as 王芳's request
        String number = runtime.createProcessInstanceQuery().processInstanceId(pi).singleResult().getBusinessKey();
        _get(com.vaadin.flow.component.popover.Popover.class).open();
        assertThat(_get(com.vaadin.flow.component.orderedlayout.VerticalLayout.class, spec -> spec.withId("bell-list"))
                .getElement().getTextRecursively()).contains("【年度考核】待您办理：您的述职 · " + number)
                .doesNotContain("王芳的申请");
        Grid<WorkflowViews.TaskSummary> inbox = _get(Grid.class, spec -> spec.withId("inbox-grid"));
        List<WorkflowViews.TaskSummary> rows = GridKt._findAll(inbox);
        int row = IntStream.range(0, rows.size()).filter(i -> rows.get(i).processInstanceId().equals(pi))
                .findFirst().orElseThrow(() -> new AssertionError("述职 not in zhangwei's inbox"));
        GridKt._clickItem(inbox, row);
        NavigatorKt.expectView(TaskView.class);
        assertThat(readOnlyValue("cadreName")).isEqualTo("张伟");
        assertThat((String) readOnlyValue("unitName")).contains("青山镇");
        assertThat(readOnlyValue("postName")).isEqualTo("党政综合办公室科员");
        assertThat(readOnlyValue("rankName")).isEqualTo("科员");
        // the 登记表's fields come from his record, never retyped: 出生年月 as 1990.01
        assertThat((String) readOnlyValue("birthMonth")).matches("1990\\.\\d{2}");
        assertThat(readOnlyValue("politicalStatus")).isEqualTo("中共党员");
        assertThat(readOnlyValue("education")).isEqualTo("大学本科");
        assertThat((String) readOnlyValue("postSince")).matches("\\d{4}\\.\\d{2}");
        assertThat(readOnlyValue("lastYearGrade")).isEqualTo("无");
        assertThat(readOnlyValue("trainingHoursThisYear")).isEqualTo(0.0);
        text("selfReport", "全年推进湘政通全覆盖，完成党政综合办公室各项工作。");
        settings.items("GRASSROOTS11").forEach(i -> number("self_" + i.code(), 85));
        submit();
        NavigatorKt.expectView(InboxView.class);
        assertThat(appraisal.review(reviewId).selfScore()).isEqualByComparingTo("85");

        // 民主测评: lijun, his colleague, votes
        login("lijun");
        openTask(pi, PEER_RATING);
        choose("peerVote", "称职");
        number("peerScore", 80);
        submit();
        NavigatorKt.expectView(InboxView.class);

        // 单位负责人评鉴: lijun sees the DMN's suggested grade and why, then rates
        Review preliminary = appraisal.review(reviewId);
        assertThat(preliminary.suggestedReason()).isNotBlank();
        openTask(pi, LEADER_RATING);
        // HR started the review; the task says whom it is about
        assertThat(_get(Paragraph.class, spec -> spec.withId("task-meta")).getText()).startsWith("发起人：王芳");
        assertThat(_get(Paragraph.class, spec -> spec.withId("task-subject")).getText()).isEqualTo("干部：张伟");
        assertThat(readOnlyValue("suggestedGrade")).isEqualTo(preliminary.suggestedGrade());
        assertThat(readOnlyValue("suggestedReason")).isEqualTo(preliminary.suggestedReason());
        assertThat(((HasValue<?, ?>) field("suggestedReason")).getValue()).isEqualTo(runtime.getVariable(pi,
                "suggestedReason"));
        assertThat(((NumberField) field("totalScore")).getValue()).isEqualTo(preliminary.totalScore().doubleValue());
        // the 述职 the hint asks the leader to consider, and 民主测评 as counts and an average, never who voted what
        assertThat(readOnlyValue("selfReport")).isEqualTo("全年推进湘政通全覆盖，完成党政综合办公室各项工作。");
        assertThat(readOnlyValue("selfScore")).isEqualTo(85.0);
        settings.items("GRASSROOTS11").forEach(i -> assertThat(readOnlyValue("self_" + i.code())).isEqualTo(85.0));
        assertThat(readOnlyValue("peerCount")).isEqualTo(1.0);
        assertThat(readOnlyValue("peerAverage")).isEqualTo(80.0);
        assertThat(readOnlyValue("peerCompetent")).isEqualTo(1.0);
        assertThat(readOnlyValue("peerExcellent")).isEqualTo(0.0);
        assertThat(_get(TaskView.class).getElement().getTextRecursively()).doesNotContain("李军 填写");
        number("leaderScore", 80);
        choose("proposedGrade", "称职");
        text("leaderOpinion", "工作扎实，数字化应用有待加强。");
        submit();
        NavigatorKt.expectView(InboxView.class);

        // 组织部审核 and 党委决定: wangfang
        login("wangfang");
        openTask(pi, HR_REVIEW);
        Review overall = appraisal.review(reviewId);
        assertThat(readOnlyValue("proposedGrade")).isEqualTo("称职");
        assertThat(readOnlyValue("suggestedGrade")).isEqualTo(overall.suggestedGrade());
        assertThat(readOnlyValue("suggestedReason")).isEqualTo(overall.suggestedReason());
        assertThat(readOnlyValue("totalScore")).isEqualTo(overall.totalScore().doubleValue());
        choose("hrGrade", "称职");
        text("hrOpinion", "同意单位意见。");
        submit();
        openTask(pi, COMMITTEE_DECISION);
        choose("finalGrade", "称职");
        text("committeeOpinion", "经党委会议研究，确定为称职。");
        submit();
        NavigatorKt.expectView(InboxView.class);

        // 公示 runs out (the notice timer), the written notice goes to the cadre
        Job noticeOver = management.createJobQuery().processInstanceId(pi).timers().singleResult();
        management.executeJob(noticeOver.getId());

        login("zhangwei");
        openTask(pi, RESULT_NOTICE);
        Review decided = appraisal.review(reviewId);
        assertThat(readOnlyValue("finalGrade")).isEqualTo("称职");
        assertThat(readOnlyValue("totalScore")).isEqualTo(decided.totalScore().doubleValue());
        assertThat(readOnlyValue("selfScore")).isEqualTo(85.0);
        assertThat(readOnlyValue("peerScore")).isEqualTo(80.0);
        assertThat(readOnlyValue("leaderScore")).isEqualTo(80.0);
        assertThat(readOnlyValue("digitalScore")).isEqualTo(decided.digitalScore().doubleValue());
        assertThat((String) readOnlyValue("recheckDeadline")).isNotBlank();
        // asking for 复核 needs a reason
        _setValue((Checkbox) field("requestRecheck"), true);
        submit();
        NavigatorKt.expectView(TaskView.class);
        assertThat(((TextArea) field("recheckReason")).isInvalid()).isTrue();
        assertThat(((TextArea) field("recheckReason")).getErrorMessage()).isEqualTo("申请复核须说明理由");
        text("recheckReason", "民主测评人数过少，请求复核。");
        submit();
        NavigatorKt.expectView(InboxView.class);
        assertThat(appraisal.rechecks(reviewId)).isEqualTo(1);

        // 复核: HR keeps the grade; the result is filed
        login("wangfang");
        openTask(pi, RECHECK);
        choose("recheckGrade", "称职");
        text("recheckOpinion", "经复核，维持称职等次。");
        submit();
        assertThat(appraisal.review(reviewId).status()).isEqualTo("FILED");

        // the cadre's file: the year's grade and scores, and the training needs of the weak digital score
        login("zhangwei");
        navigate("file");
        NavigatorKt.expectView(CadreFileView.class);
        List<String> years = rowsStartingWith(grid("appraisal-reviews"), String.valueOf(YEAR));
        assertThat(years).hasSize(1);
        assertThat(years.get(0)).startsWith(YEAR + "|称职|" + AppraisalFileSection.score(decided.totalScore())
                + "|85|80|80|");
        int needs = settings.indicators().size();
        assertThat(trainingNeeds.ofCadre(cadreId)).hasSize(needsBefore + needs);
        List<String> needRows = rowsStartingWith(grid("appraisal-needs"), String.valueOf(YEAR));
        assertThat(needRows).hasSize(needs).anyMatch(r -> r.contains("协同办公平台（湘政通）使用|待安排"));

        // ... and in HR's 培训需求 list, for training planning
        login("wangfang");
        navigate("training-needs");
        NavigatorKt.expectView(TrainingNeedsView.class);
        Grid<Object> hrNeeds = grid("training-needs-grid");
        assertThat(GridKt._size(hrNeeds)).isEqualTo(hrNeedsBefore + needs);
        assertThat(_get(Paragraph.class, spec -> spec.withId("training-needs-count")).getText())
                .isEqualTo("共 " + (hrNeedsBefore + needs) + " 项待安排的培训需求");
        assertThat(IntStream.range(0, GridKt._size(hrNeeds)).mapToObj(i -> GridKt._getFormattedRow(hrNeeds, i))
                .filter(r -> r.get(0).equals("张伟") && r.get(2).equals(String.valueOf(YEAR)))).hasSize(needs);
    }
}
