package cn.cadreflow.annualreview;

import static cn.cadreflow.annualreview.AnnualReviewStep.COMMITTEE_DECISION;
import static cn.cadreflow.annualreview.AnnualReviewStep.FILED;
import static cn.cadreflow.annualreview.AnnualReviewStep.FILE_RESULT;
import static cn.cadreflow.annualreview.AnnualReviewStep.HR_REVIEW;
import static cn.cadreflow.annualreview.AnnualReviewStep.LEADER_RATING;
import static cn.cadreflow.annualreview.AnnualReviewStep.NOTICE_OVER;
import static cn.cadreflow.annualreview.AnnualReviewStep.OBJECTION_CHECK;
import static cn.cadreflow.annualreview.AnnualReviewStep.OBJECTION_GATEWAY;
import static cn.cadreflow.annualreview.AnnualReviewStep.OBJECTION_WATCH;
import static cn.cadreflow.annualreview.AnnualReviewStep.OVERALL_GRADE;
import static cn.cadreflow.annualreview.AnnualReviewStep.PEER_DEADLINE_REACHED;
import static cn.cadreflow.annualreview.AnnualReviewStep.PEER_RATING;
import static cn.cadreflow.annualreview.AnnualReviewStep.PRELIMINARY_GRADE;
import static cn.cadreflow.annualreview.AnnualReviewStep.QUOTA_APPROVAL;
import static cn.cadreflow.annualreview.AnnualReviewStep.QUOTA_APPROVAL_GATEWAY;
import static cn.cadreflow.annualreview.AnnualReviewStep.QUOTA_CHECK;
import static cn.cadreflow.annualreview.AnnualReviewStep.QUOTA_GATEWAY;
import static cn.cadreflow.annualreview.AnnualReviewStep.RECHECK;
import static cn.cadreflow.annualreview.AnnualReviewStep.RECHECK_GATEWAY;
import static cn.cadreflow.annualreview.AnnualReviewStep.RECHECK_WINDOW_OVER;
import static cn.cadreflow.annualreview.AnnualReviewStep.RECORD_NOTICE;
import static cn.cadreflow.annualreview.AnnualReviewStep.RESULT_NOTICE;
import static cn.cadreflow.annualreview.AnnualReviewStep.SELF_REPORT;
import static cn.cadreflow.annualreview.AnnualReviewStep.START_NOTICE;
import static cn.cadreflow.annualreview.AnnualReviewStep.START_REVIEW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
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
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.security.AppGroups;
import cn.cadreflow.workflow.WorkflowException;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.TaskCommands;
import cn.cadreflow.workflow.WorkflowQueries;

/**
 * The real annual-review.bpmn and annual-review-grade.dmn, driven through the task centre's API as the people
 * involved act: zhangwei (cadre, 青山镇), lijun (his unit leader and only colleague with an account, so his one
 * rater) and wangfang (HR over 清河县, also committee secretary). Each test runs its own campaign of year 2000, its
 * review set aside when it ends.
 */
@CadreFlowTest
class AnnualReviewProcessTest {

    static final int YEAR = 2000;

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
    AnnualReviewSteps steps;
    @Autowired
    AppraisalSettings settings;
    @Autowired
    CampaignService campaigns;
    @Autowired
    JdbcTemplate jdbc;

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
        // one review per cadre per year (sql/V19): the review of 2000 a test gave 张伟 (or the village cadre) is moved
        // out of the way, to a year of its own that no view or rule asks for, so that the next test may review him
        // for 2000 again
        jdbc.update("UPDATE appraisal_review SET review_year = -id WHERE review_year = ?", YEAR);
    }

    ProcessInstance start() {
        long campaign = campaigns.create(YEAR, "2000年度考核（流程测试）", List.of(unitId), "GRASSROOTS11", "wangfang");
        String id = starts.start(AnnualReviewStep.PROCESS_KEY, "wangfang", Map.of("campaignId", campaign, "cadreId", cadreId));
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
        assertThat(pi).isStarted().isWaitingAtExactly(SELF_REPORT).hasPassed(START_REVIEW);
        assertThat(pi).hasBusinessKey("KH-" + YEAR + "-" + reviewId(pi));
        // a bulk start writes few variables: the review row holds the facts, and the BPMN asks for groups and
        // periods when a step begins
        assertThat(runtime.getVariables(pi.getId()).keySet()).containsExactlyInAnyOrder("campaignId", "cadreId",
                ProcessStarts.INITIATOR, "reviewId", "cadreUser", "unitId", "cadreName");
        assertThat(pi).variables().containsEntry("cadreUser", "zhangwei").containsEntry("cadreName", "张伟")
                .containsEntry("unitId", unitId).containsEntry(ProcessStarts.INITIATOR, "wangfang");
        assertThat(pi).task().isAssignedTo("zhangwei");
        // 述职 shows the cadre's facts as they stand when he opens it, never the officer's who launched it
        assertThat(queries.task(task(pi, SELF_REPORT).getId(), "zhangwei").values())
                .containsEntry("cadreName", "张伟").containsEntry("unitName", "青山镇")
                .containsKeys("postName", "rankName", "lastYearGrade", "trainingHoursThisYear", "platformUsage");
        assertThat(review(pi).processInstanceId()).isEqualTo(pi.getId());
        assertThat(review(pi).status()).isEqualTo("SELF_REPORT");
        return pi;
    }

    long reviewId(ProcessInstance pi) {
        return ((Number) runtime.getVariable(pi.getId(), "reviewId")).longValue();
    }

    Review review(ProcessInstance pi) {
        return appraisal.review(jdbc.queryForObject(
                "SELECT id FROM appraisal_review WHERE process_instance_id = ?", Long.class, pi.getId()));
    }

    Task task(ProcessInstance pi, String key) {
        List<Task> open = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key).list();
        assertThat(open).as("open " + key).hasSize(1);
        return open.get(0);
    }

    void selfReport(ProcessInstance pi, int score) {
        Map<String, Object> v = new HashMap<>();
        v.put("selfReport", "全年完成党政综合办公室各项工作，推进湘政通全覆盖。");
        settings.items("GRASSROOTS11").forEach(i -> v.put("self_" + i.code(), score));
        commands.submitForm(task(pi, SELF_REPORT).getId(), "zhangwei", v);
    }

    void peerVote(ProcessInstance pi, String grade, int score) {
        Task t = task(pi, PEER_RATING);
        assertThat(t.getAssignee()).isEqualTo("lijun");
        commands.submitForm(t.getId(), "lijun", Map.of("peerVote", grade, "peerScore", score));
    }

    void leader(ProcessInstance pi, String grade, int score) {
        assertThat(pi).task().hasCandidateGroup(AppGroups.unitLeaders(unitId));
        commands.submitForm(task(pi, LEADER_RATING).getId(), "lijun",
                Map.of("leaderScore", score, "proposedGrade", grade, "leaderOpinion", "工作扎实。"));
    }

    void hr(ProcessInstance pi, String grade) {
        assertThat(pi).task().hasCandidateGroup(AppGroups.hrOfficers(unitId));
        commands.submitForm(task(pi, HR_REVIEW).getId(), "wangfang", Map.of("hrGrade", grade, "hrOpinion", "同意。"));
    }

    void committee(ProcessInstance pi, String grade) {
        commands.submitForm(task(pi, COMMITTEE_DECISION).getId(), "wangfang",
                Map.of("finalGrade", grade, "committeeOpinion", "经党委会议研究，确定为" + grade + "。"));
    }

    /** Self-report, one peer vote, leader and HR at 称职, committee decides: the notice period is running. */
    ProcessInstance toNotice(String grade) {
        ProcessInstance pi = start();
        selfReport(pi, 85);
        assertThat(pi).isWaitingAt(PEER_RATING);
        peerVote(pi, "称职", 80);
        assertThat(pi).isWaitingAtExactly(LEADER_RATING).hasPassed(PEER_RATING, PRELIMINARY_GRADE);
        assertThat(pi).variables().containsKeys("suggestedGrade", "suggestedReason", "totalScore", "digitalScore");
        leader(pi, grade, 80);
        assertThat(pi).isWaitingAtExactly(HR_REVIEW).hasPassed(OVERALL_GRADE);
        hr(pi, grade);
        assertThat(pi).isWaitingAtExactly(COMMITTEE_DECISION).hasPassed(QUOTA_CHECK, QUOTA_GATEWAY);
        committee(pi, grade);
        assertThat(pi).isWaitingAtExactly(OBJECTION_WATCH).hasPassed(START_NOTICE);
        assertThat(review(pi).status()).isEqualTo("NOTICE");
        assertThat(review(pi).noticeStartedAt()).isNotNull();
        return pi;
    }

    void noticePasses(ProcessInstance pi) {
        assertThat(pi).isWaitingAtExactly(OBJECTION_WATCH);
        execute(job(pi));
        assertThat(pi).hasPassed(NOTICE_OVER, RECORD_NOTICE).isWaitingAtExactly(RESULT_NOTICE);
        assertThat(pi).task().isAssignedTo("zhangwei");
        assertThat(review(pi).status()).isEqualTo("NOTIFIED");
        assertThat(review(pi).notifiedAt()).isNotNull();
    }

    @Test
    void normalPathEndsInTheCadreFile() {
        ProcessInstance pi = toNotice("称职");
        Review r = review(pi);
        assertThat(r.selfScore()).isEqualByComparingTo("85");
        assertThat(r.peerScore()).isEqualByComparingTo("80");
        assertThat(r.peerVotes()).isEqualTo(1);
        assertThat(r.leaderScore()).isEqualByComparingTo("80");
        assertThat(r.digitalScore()).isNotNull();
        // total = (10*85 + 30*80 + 40*80 + 20*digital) / 100
        BigDecimal expected = BigDecimal.valueOf(850 + 2400 + 3200).add(r.digitalScore().multiply(BigDecimal.valueOf(20)))
                .divide(BigDecimal.valueOf(100), 2, java.math.RoundingMode.HALF_UP);
        assertThat(r.totalScore()).isEqualByComparingTo(expected);
        assertThat(r.suggestedGrade()).isNotBlank();
        assertThat(r.suggestedReason()).isNotBlank();
        assertThat(r.hrGrade()).isEqualTo("称职");
        assertThat(r.finalGrade()).isEqualTo("称职");

        noticePasses(pi);
        commands.submitForm(task(pi, RESULT_NOTICE).getId(), "zhangwei", Map.of("requestRecheck", false));
        assertThat(pi).isEnded().hasPassedInOrder(START_REVIEW, SELF_REPORT, PEER_RATING, PRELIMINARY_GRADE,
                LEADER_RATING, OVERALL_GRADE, HR_REVIEW, QUOTA_CHECK, COMMITTEE_DECISION, START_NOTICE,
                RECORD_NOTICE, RESULT_NOTICE, RECHECK_GATEWAY, FILE_RESULT, FILED);
        assertThat(pi).hasNotPassed(RECHECK, OBJECTION_CHECK, QUOTA_APPROVAL);
        r = review(pi);
        assertThat(r.status()).isEqualTo("FILED");
        assertThat(r.finalGrade()).isEqualTo("称职");
        assertThat(r.finalizedAt()).isNotNull();
        assertThat(appraisal.reviewsOfCadre(cadreId)).extracting(Review::id).contains(r.id());
        // no evidence for 2000: a weak digital score recommends targeted training, one need per weak indicator
        assertThat(r.digitalScore()).isLessThan(BigDecimal.valueOf(60));
        assertThat(appraisal.trainingNeeds(r.id())).isEqualTo(settings.indicators().size());
    }

    @Test
    void anObjectionDuringTheNoticeIsInvestigatedBeforeTheResultStands() {
        ProcessInstance pi = toNotice("称职");
        commands.submitForm(task(pi, OBJECTION_WATCH).getId(), "wangfang",
                Map.of("objectionReason", "群众反映其年度内有一项重点工作未按期完成。"));
        assertThat(pi).isWaitingAtExactly(OBJECTION_CHECK);
        assertThat(review(pi).status()).isEqualTo("OBJECTION");
        assertThat(appraisal.objections(review(pi).id())).isEqualTo(1);

        // upheld: back to the committee, which decides again
        commands.submitForm(task(pi, OBJECTION_CHECK).getId(), "wangfang",
                Map.of("objectionFinding", "经核查情况属实。", "objectionUpheld", true));
        assertThat(pi).isWaitingAtExactly(COMMITTEE_DECISION).hasPassed(OBJECTION_GATEWAY);
        committee(pi, "基本称职");
        assertThat(pi).isWaitingAtExactly(OBJECTION_WATCH);

        // a second objection, not upheld: the notice goes on
        commands.submitForm(task(pi, OBJECTION_WATCH).getId(), "wangfang", Map.of("objectionReason", "重复反映。"));
        commands.submitForm(task(pi, OBJECTION_CHECK).getId(), "wangfang",
                Map.of("objectionFinding", "经核查不属实。", "objectionUpheld", false));
        assertThat(pi).isWaitingAtExactly(OBJECTION_WATCH);
        assertThat(appraisal.objections(review(pi).id())).isEqualTo(2);

        noticePasses(pi);
        commands.submitForm(task(pi, RESULT_NOTICE).getId(), "zhangwei", Map.of("requestRecheck", false));
        assertThat(pi).isEnded();
        assertThat(review(pi).finalGrade()).isEqualTo("基本称职");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM appraisal_objection WHERE review_id = ? AND upheld = TRUE",
                Integer.class, review(pi).id())).isEqualTo(1);
    }

    @Test
    void aRequestedRecheckIsDecidedByHrAndChangesTheFiledGrade() {
        ProcessInstance pi = toNotice("基本称职");
        noticePasses(pi);
        assertThatThrownBy(() -> commands.submitForm(task(pi, RESULT_NOTICE).getId(), "zhangwei",
                Map.of("requestRecheck", true)))
                .isInstanceOf(WorkflowException.class);
        commands.submitForm(task(pi, RESULT_NOTICE).getId(), "zhangwei",
                Map.of("requestRecheck", true, "recheckReason", "测评期间本人在外挂职，部分同事不了解本人工作。"));
        assertThat(pi).isWaitingAtExactly(RECHECK);
        assertThat(pi).task().hasCandidateGroup(AppGroups.hrOfficers(unitId));
        assertThat(review(pi).status()).isEqualTo("RECHECK");
        commands.submitForm(task(pi, RECHECK).getId(), "wangfang",
                Map.of("recheckGrade", "称职", "recheckOpinion", "经复核，改为称职。"));
        assertThat(pi).isEnded().hasPassed(RECHECK, FILE_RESULT);
        assertThat(review(pi).finalGrade()).isEqualTo("称职");
        assertThat(review(pi).status()).isEqualTo("FILED");
        assertThat(jdbc.queryForObject("SELECT original_grade FROM appraisal_recheck WHERE review_id = ?",
                String.class, review(pi).id())).isEqualTo("基本称职");
    }

    @Test
    void withoutARequestTheRecheckWindowClosesAndTheResultIsFiled() {
        ProcessInstance pi = toNotice("称职");
        noticePasses(pi);
        execute(job(pi));
        assertThat(pi).isEnded().hasPassed(RECHECK_WINDOW_OVER, FILE_RESULT).hasNotPassed(RECHECK);
        assertThat(review(pi).status()).isEqualTo("FILED");
    }

    @Test
    void anExcellentBeyondTheUnitsQuotaGoesBackToHr() {
        ProcessInstance pi = start();
        selfReport(pi, 95);
        peerVote(pi, "优秀", 95);
        leader(pi, "优秀", 95);
        // the campaign holds this one review: 20 % (and 25 %) of 1 is no place for 优秀
        hr(pi, "优秀");
        assertThat(pi).isWaitingAtExactly(HR_REVIEW).hasPassed(QUOTA_CHECK, QUOTA_GATEWAY);
        assertThat(pi).variables().containsEntry("quotaStatus", "EXCEEDED");
        assertThat(review(pi).hrGrade()).isNull();
        hr(pi, "称职");
        assertThat(pi).isWaitingAtExactly(COMMITTEE_DECISION);
        assertThat(pi).variables().containsEntry("quotaStatus", "WITHIN");
        // nor can the committee give 优秀 past the quota
        assertThatThrownBy(() -> committee(pi, "优秀")).isInstanceOf(WorkflowException.class)
                .satisfies(e -> assertThat(((WorkflowException) e).errors()).extracting(err -> err.messageKey())
                        .containsExactly("appraisal.error.quotaExceeded"));
        committee(pi, "称职");
        assertThat(pi).isWaitingAtExactly(OBJECTION_WATCH);
    }

    @Test
    void anExcellentWithinTheWidenedQuotaNeedsApproval() {
        Map<String, String> before = settings.rules();
        settings.updateRules(Map.of(AppraisalSettings.QUOTA_PERCENT, "0", AppraisalSettings.QUOTA_MAX_PERCENT, "100"));
        try {
            ProcessInstance pi = start();
            selfReport(pi, 95);
            peerVote(pi, "优秀", 95);
            leader(pi, "优秀", 95);
            hr(pi, "优秀");
            assertThat(pi).isWaitingAtExactly(QUOTA_APPROVAL);
            assertThat(pi).variables().containsEntry("quotaStatus", "NEEDS_APPROVAL");
            commands.decide(task(pi, QUOTA_APPROVAL).getId(), "wangfang", false, "比例从严掌握。");
            assertThat(pi).isWaitingAtExactly(HR_REVIEW);
            hr(pi, "优秀");
            commands.decide(task(pi, QUOTA_APPROVAL).getId(), "wangfang", true, "经部务会研究同意。");
            assertThat(pi).isWaitingAtExactly(COMMITTEE_DECISION).hasPassed(QUOTA_APPROVAL_GATEWAY);
            assertThat(review(pi).quotaApproved()).isTrue();
            committee(pi, "优秀");
            assertThat(review(pi).finalGrade()).isEqualTo("优秀");
        } finally {
            settings.updateRules(Map.of(AppraisalSettings.QUOTA_PERCENT, before.get(AppraisalSettings.QUOTA_PERCENT),
                    AppraisalSettings.QUOTA_MAX_PERCENT, before.get(AppraisalSettings.QUOTA_MAX_PERCENT)));
        }
    }

    @Test
    void lateRatersAreClosedOutByTheDeadline() {
        ProcessInstance pi = start();
        selfReport(pi, 80);
        assertThat(pi).isWaitingAt(PEER_RATING);
        assertThat(task(pi, PEER_RATING).getAssignee()).isEqualTo("lijun");
        // the deadline is the setting's 7 days, read when 民主测评 begins
        assertThat(job(pi).getDuedate()).isCloseTo(java.util.Date.from(java.time.Instant.now()
                .plus(java.time.Duration.ofDays(7))), 120_000L);
        execute(job(pi));
        assertThat(pi).hasPassed(PEER_DEADLINE_REACHED, PRELIMINARY_GRADE).isWaitingAtExactly(LEADER_RATING);
        assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(PEER_RATING).count()).isZero();
        Review r = review(pi);
        assertThat(r.peerVotes()).isZero();
        assertThat(r.peerScore()).isNull();
        // without peer and leader scores the total is self and digital, re-weighted: (10*80 + 20*digital) / 30
        BigDecimal expected = BigDecimal.valueOf(800).add(r.digitalScore().multiply(BigDecimal.valueOf(20)))
                .divide(BigDecimal.valueOf(30), 2, java.math.RoundingMode.HALF_UP);
        assertThat(r.totalScore()).isEqualByComparingTo(expected);
    }

    @Test
    void raterAndLeaderChecks() {
        ProcessInstance pi = start();
        assertThatThrownBy(() -> commands.submitForm(task(pi, SELF_REPORT).getId(), "zhangwei",
                Map.of("selfReport", "述职")))
                .isInstanceOf(WorkflowException.class);
        assertThatThrownBy(() -> commands.submitForm(task(pi, SELF_REPORT).getId(), "lijun", Map.of()))
                .isInstanceOf(WorkflowException.class);
        selfReport(pi, 85);
        assertThat(steps.peerRaters(reviewId(pi))).containsExactly("lijun");
        assertThat(steps.peerQuorum(5)).isEqualTo(4);
        assertThat(steps.peerQuorum(1)).isEqualTo(1);
    }

    @Test
    void aVillageCadreWithoutAccountIsReportedForByHrAndRatedByTheTownshipLeader() {
        long village = jdbc.queryForObject("SELECT id FROM org_unit WHERE name = '青山村'", Long.class);
        long cadre = jdbc.queryForObject("SELECT MIN(c.id) FROM cadre c WHERE c.unit_id = ? AND c.status = 'ACTIVE' "
                + "AND NOT EXISTS (SELECT 1 FROM app_user u WHERE u.cadre_id = c.id)", Long.class, village);
        String name = jdbc.queryForObject("SELECT name FROM cadre WHERE id = ?", String.class, cadre);
        long campaign = campaigns.create(YEAR, "2000年度考核（村干部）", List.of(village), "GRASSROOTS11", "wangfang");
        String id = starts.start(AnnualReviewStep.PROCESS_KEY, "wangfang", Map.of("campaignId", campaign, "cadreId", cadre));
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
        assertThat(pi).isWaitingAtExactly(SELF_REPORT);
        assertThat(pi).task().isNotAssigned().hasCandidateGroup(AppGroups.hrOfficers(village));
        assertThat(pi).variables().containsEntry("cadreName", name);
        assertThat(queries.task(task(pi, SELF_REPORT).getId(), "wangfang").values())
                .containsEntry("cadreName", name).containsEntry("unitName", "青山村");

        Map<String, Object> v = new HashMap<>();
        v.put("selfReport", "代录：村务公开与数字乡村平台建设。");
        settings.items("GRASSROOTS11").forEach(i -> v.put("self_" + i.code(), 75));
        commands.submitForm(task(pi, SELF_REPORT).getId(), "wangfang", v);
        // the officer's own data in the read-only fields does not replace the cadre's
        assertThat(pi).variables().containsEntry("cadreName", name).containsEntry("unitName", "青山村");
        assertThat(((Number) runtime.getVariable(pi.getId(), "cadreId")).longValue()).isEqualTo(cadre);

        // nobody in the village has an account: the township leader is the one rater
        assertThat(steps.peerRaters(reviewId(pi))).containsExactly("lijun");
        peerVote(pi, "称职", 75);
        assertThat(pi).isWaitingAtExactly(LEADER_RATING);
        assertThat(pi).task().hasCandidateGroup(AppGroups.unitLeaders(unitId));
    }
}
