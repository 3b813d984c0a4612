package cn.cadreflow.annualreview;

import static cn.cadreflow.annualreview.AnnualReviewStep.COMMITTEE_DECISION;
import static cn.cadreflow.annualreview.AnnualReviewStep.HR_REVIEW;
import static cn.cadreflow.annualreview.AnnualReviewStep.LEADER_RATING;
import static cn.cadreflow.annualreview.AnnualReviewStep.OBJECTION_CHECK;
import static cn.cadreflow.annualreview.AnnualReviewStep.OBJECTION_WATCH;
import static cn.cadreflow.annualreview.AnnualReviewStep.PEER_RATING;
import static cn.cadreflow.annualreview.AnnualReviewStep.RECHECK;
import static cn.cadreflow.annualreview.AnnualReviewStep.RESULT_NOTICE;
import static cn.cadreflow.annualreview.AnnualReviewStep.SELF_REPORT;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import com.vaadin.flow.component.html.NativeTableCell;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.tolerance.ToleranceOutcome;
import cn.cadreflow.tolerance.ToleranceService;
import cn.cadreflow.tolerance.internal.ToleranceMapper;
import cn.cadreflow.ui.KaribuSupport;
import cn.cadreflow.workflow.FormError;
import cn.cadreflow.ui.Texts;
import cn.cadreflow.workflow.WorkflowException;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.TaskCommands;
import cn.cadreflow.workflow.WorkflowQueries;
import cn.cadreflow.workflow.internal.form.FormTexts;

/**
 * A matter tolerated by a fault-tolerance review is shown to whoever rates 张伟 (zhangwei) in his annual review,
 * and no rater can give him a grade below the one his scores suggest; without such a matter they can, as before.
 * The review of 2024 has an EXEMPT matter of that year, the review of 2025 none.
 *
 * The printed registration form lists the matter too.
 *
 * <p>Scores: no digital evidence for these years, so 测评建议等次 (self 100, peer 100, digital 0) is 基本称职 and
 * 综合建议等次 after a leader's 100 is 称职.
 */
@CadreFlowTest
class ToleratedMatterReviewTest extends KaribuSupport {

    static final int TOLERATED_YEAR = 2024;
    static final int PLAIN_YEAR = 2025;
    static final String MATTER = "汛期先行调用乡镇储备物资转移群众，事后补办审批手续";
    static final String RULE = "以上事项已经容错认定，不作负面评价，不得因此降低考核等次。";

    @Autowired
    ProcessEngine processEngine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ProcessStarts starts;
    @Autowired
    TaskCommands commands;
    @Autowired
    WorkflowQueries queries;
    @Autowired
    AnnualReviews appraisal;
    @Autowired
    AppraisalSettings settings;
    @Autowired
    CampaignService campaigns;
    @Autowired
    ToleranceMapper toleranceMapper;
    @Autowired
    CadreService cadres;
    @Autowired
    OrgService org;
    @Autowired
    MessageSource messages;
    @Autowired
    Texts texts;

    long unitId;
    long cadreId;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(processEngine);
        Map<String, Object> known = starts.knownData("zhangwei");
        unitId = ((Number) known.get("unitId")).longValue();
        cadreId = ((Number) known.get("cadreId")).longValue();
    }

    @AfterEach
    void reset() {
        AbstractAssertions.reset();
    }

    /** wangfang records the committee's 免责 decision as she would late in 2024 (the service refuses future dates). */
    void exemptMatterIn2024() {
        Clock december2024 = Clock.fixed(Instant.parse("2024-12-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
        ToleranceService in2024 = new ToleranceService(toleranceMapper, cadres, org, messages, december2024);
        in2024.record(users.context("wangfang").orElseThrow(), new ToleranceService.NewOutcome(cadreId, MATTER,
                LocalDate.of(2024, 7, 14), ToleranceOutcome.Outcome.EXEMPT, LocalDate.of(2024, 10, 9),
                "清组容〔2024〕7号"));
    }

    ProcessInstance start(int year) {
        long campaign = campaigns.create(year, year + "年度考核（容错认定）", List.of(unitId), "GRASSROOTS11", "wangfang");
        String id = starts.start(AnnualReviewStep.PROCESS_KEY, "wangfang",
                Map.of("campaignId", campaign, "cadreId", cadreId));
        return runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
    }

    Task task(ProcessInstance pi, String key) {
        List<Task> open = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).list();
        assertThat(open).as("open " + key).hasSize(1);
        return open.get(0);
    }

    Review review(ProcessInstance pi) {
        return appraisal.review(((Number) runtime.getVariable(pi.getId(), "reviewId")).longValue());
    }

    /** What the person sees in the step's read-only field 已认定容错的事项. */
    String shown(ProcessInstance pi, String step, String username) {
        return (String) queries.task(task(pi, step).getId(), username).values().get("toleratedMatters");
    }

    void selfReport(ProcessInstance pi) {
        Map<String, Object> self = new HashMap<>();
        self.put("selfReport", "全年完成防汛救灾和乡村振兴各项工作。");
        settings.items("GRASSROOTS11").forEach(i -> self.put("self_" + i.code(), 100));
        commands.submitForm(task(pi, SELF_REPORT).getId(), "zhangwei", self);
    }

    void toLeaderRating(ProcessInstance pi) {
        selfReport(pi);
        commands.submitForm(task(pi, PEER_RATING).getId(), "lijun", Map.of("peerVote", "优秀", "peerScore", 100));
        assertThat(pi).isWaitingAtExactly(LEADER_RATING);
    }

    Map<String, Object> leader(String grade) {
        return Map.of("leaderScore", 100, "proposedGrade", grade, "leaderOpinion", "防汛一线表现突出。");
    }

    /** The refusal of a submission: the one error, on the grade field, with the suggested grade named. */
    FormError refusal(ProcessInstance pi, String step, String username, Map<String, Object> values) {
        WorkflowException e = catchThrowableOfType(WorkflowException.class,
                () -> commands.submitForm(task(pi, step).getId(), username, values));
        assertThat(e).as(step + " refused").isNotNull();
        assertThat(e.errors()).hasSize(1);
        assertThat(pi).isWaitingAtExactly(step);
        return e.errors().get(0);
    }

    @Test
    void aToleratedMatterIsShownToEveryRaterAndCannotLowerTheGrade() {
        exemptMatterIn2024();
        ProcessInstance pi = start(TOLERATED_YEAR);
        long reviewId = review(pi).id();
        selfReport(pi);
        // 民主测评: the rater reads it too
        assertThat(shown(pi, "peerRating", "lijun")).contains(MATTER, "免责", "清组容〔2024〕7号", RULE);
        commands.submitForm(task(pi, PEER_RATING).getId(), "lijun", Map.of("peerVote", "优秀", "peerScore", 100));

        // 单位负责人评鉴: shown; below the suggested 基本称职 refused, with the grade named in the user's language
        assertThat(pi).isWaitingAtExactly(LEADER_RATING);
        assertThat(review(pi).suggestedGrade()).isEqualTo("基本称职");
        assertThat(shown(pi, "leaderRating", "lijun")).isEqualTo("1. " + MATTER
                + "（发生于 2024-07-14）：免责，认定文号 清组容〔2024〕7号（2024-10-09）\n" + RULE);
        FormError leaderError = refusal(pi, "leaderRating", "lijun", leader("不称职"));
        assertThat(leaderError.field()).isEqualTo("proposedGrade");
        assertThat(leaderError.messageKey()).isEqualTo("tolerance.error.gradeBelowSuggested");
        assertThat(FormTexts.error(texts, leaderError, Locale.SIMPLIFIED_CHINESE))
                .isEqualTo("该干部本年度有已经容错认定的事项，不得因此降低考核等次：等次不能低于系统建议等次“基本称职”");
        assertThat(FormTexts.error(texts, leaderError, Locale.ENGLISH)).endsWith("the suggested grade Basically competent");
        assertThat(review(pi).proposedGrade()).as("nothing recorded").isNull();
        // the suggested grade itself is accepted
        commands.submitForm(task(pi, LEADER_RATING).getId(), "lijun", leader("基本称职"));

        // 组织部审核: the overall suggestion is now 称职; 基本称职 is refused, 称职 accepted
        assertThat(pi).isWaitingAtExactly(HR_REVIEW);
        assertThat(review(pi).suggestedGrade()).isEqualTo("称职");
        assertThat(shown(pi, "hrReview", "wangfang")).contains(MATTER, RULE);
        FormError hrError = refusal(pi, "hrReview", "wangfang", Map.of("hrGrade", "基本称职", "hrOpinion", "同意。"));
        assertThat(hrError.field()).isEqualTo("hrGrade");
        assertThat(FormTexts.error(texts, hrError, Locale.SIMPLIFIED_CHINESE)).endsWith("“称职”");
        assertThat(review(pi).hrGrade()).isNull();
        commands.submitForm(task(pi, HR_REVIEW).getId(), "wangfang", Map.of("hrGrade", "称职", "hrOpinion", "同意。"));

        // 党委决定: the same
        assertThat(pi).isWaitingAtExactly(COMMITTEE_DECISION);
        Map<String, Object> committeeTask = queries.task(task(pi, COMMITTEE_DECISION).getId(), "wangfang").values();
        assertThat((String) committeeTask.get("toleratedMatters")).contains(MATTER, RULE);
        assertThat(committeeTask).containsEntry("suggestedGrade", "称职");
        FormError committeeError = refusal(pi, "committeeDecision", "wangfang",
                Map.of("finalGrade", "不称职", "committeeOpinion", "经党委会议研究。"));
        assertThat(committeeError.field()).isEqualTo("finalGrade");
        assertThat(review(pi).finalGrade()).isNull();
        commands.submitForm(task(pi, COMMITTEE_DECISION).getId(), "wangfang",
                Map.of("finalGrade", "称职", "committeeOpinion", "经党委会议研究，确定为称职。"));

        // 核查异议 shows it as well
        commands.submitForm(task(pi, OBJECTION_WATCH).getId(), "wangfang", Map.of("objectionReason", "反映其汛期违规调用物资。"));
        assertThat(shown(pi, "objectionCheck", "wangfang")).contains(MATTER, RULE);
        commands.submitForm(task(pi, OBJECTION_CHECK).getId(), "wangfang",
                Map.of("objectionFinding", "该事项已经容错认定免责。", "objectionUpheld", false));

        // 复核 cannot lower it either
        execute(job(pi));
        commands.submitForm(task(pi, RESULT_NOTICE).getId(), "zhangwei",
                Map.of("requestRecheck", true, "recheckReason", "请求复核。"));
        assertThat(shown(pi, "recheck", "wangfang")).contains(MATTER, RULE);
        FormError recheckError = refusal(pi, "recheck", "wangfang",
                Map.of("recheckGrade", "基本称职", "recheckOpinion", "经复核。"));
        assertThat(recheckError.field()).isEqualTo("recheckGrade");
        commands.submitForm(task(pi, RECHECK).getId(), "wangfang",
                Map.of("recheckGrade", "称职", "recheckOpinion", "经复核，维持称职。"));
        assertThat(pi).isEnded();
        assertThat(appraisal.review(reviewId).finalGrade()).isEqualTo("称职");

        // and the printed 年度考核登记表 carries it
        login("wangfang");
        navigate("appraisal/form/" + reviewId);
        assertThat(_get(NativeTableCell.class, spec -> spec.withId("form-tolerated")).getElement()
                .getTextRecursively()).contains(MATTER, "免责", "清组容〔2024〕7号", RULE);
    }

    @Test
    void withoutAToleratedMatterARaterMayStillGiveALowerGrade() {
        ProcessInstance pi = start(PLAIN_YEAR);
        toLeaderRating(pi);
        assertThat(review(pi).suggestedGrade()).isEqualTo("基本称职");
        assertThat(shown(pi, "leaderRating", "lijun")).isEqualTo("2025年度无已认定容错的事项。");
        commands.submitForm(task(pi, LEADER_RATING).getId(), "lijun", leader("不称职"));
        assertThat(review(pi).suggestedGrade()).isEqualTo("称职");
        commands.submitForm(task(pi, HR_REVIEW).getId(), "wangfang", Map.of("hrGrade", "基本称职", "hrOpinion", "同意。"));
        commands.submitForm(task(pi, COMMITTEE_DECISION).getId(), "wangfang",
                Map.of("finalGrade", "不称职", "committeeOpinion", "经党委会议研究，确定为不称职。"));
        assertThat(pi).isWaitingAtExactly(OBJECTION_WATCH);
        assertThat(review(pi).finalGrade()).isEqualTo("不称职");
    }
}
