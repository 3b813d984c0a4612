package cn.cadreflow.annualreview;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;

import cn.cadreflow.annualreview.internal.AppraisalMapper;
import cn.cadreflow.annualreview.internal.ExcellentQuota;
import cn.cadreflow.annualreview.internal.PeerQuorum;
import cn.cadreflow.annualreview.internal.ReviewFacts;
import cn.cadreflow.annualreview.internal.ReviewRecords;
import cn.cadreflow.annualreview.internal.ReviewRules;
import cn.cadreflow.annualreview.internal.ReviewScores;
import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.WorkCalendar;
import cn.cadreflow.security.AppGroups;
import cn.cadreflow.security.AppUser;
import cn.cadreflow.security.UserService;
import cn.cadreflow.workflow.ProcessSteps;
import cn.cadreflow.workflow.UserDirectory;

/**
 * What processes/annual-review.bpmn calls, and nothing else: one method per step of the diagram (its listeners,
 * candidates, due dates, timers and service tasks), each taking plain values. Periods and due dates are read from
 * the settings ({@link AppraisalSettings}) when the step begins.
 */
@Service("annualReviewSteps")
public class AnnualReviewSteps implements ProcessSteps {

    private final AppraisalMapper mapper;
    private final AppraisalSettings settings;
    private final ReviewRules rules;
    private final ReviewFacts facts;
    private final ReviewRecords records;
    private final CadreService cadres;
    private final UserService users;
    private final UserDirectory directory;
    private final WorkCalendar calendar;
    private final Clock clock;

    public AnnualReviewSteps(AppraisalMapper mapper, AppraisalSettings settings, ReviewRules rules, ReviewFacts facts,
                             ReviewRecords records, CadreService cadres, UserService users, UserDirectory directory,
                             WorkCalendar calendar, Clock clock) {
        this.mapper = mapper;
        this.settings = settings;
        this.rules = rules;
        this.facts = facts;
        this.records = records;
        this.cadres = cadres;
        this.users = users;
        this.directory = directory;
        this.calendar = calendar;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ 发起考核 startReview

    /** The instance started: the review row knows its process. */
    public void reviewStarted(Number reviewId, String processInstanceId) {
        mapper.attachProcess(reviewId.longValue(), processInstanceId);
    }

    // ------------------------------------------------------------------ 述职 selfReport

    public void selfReportStarted(Number reviewId) {
        records.markStatus(reviewId.longValue(), Review.Status.SELF_REPORT);
    }

    /**
     * 述职 and the written notice go to the cadre ({@code cadreUser}); a cadre without an account is reported for
     * by the HR officers (代录), who are then the candidates. One argument only: the engine splits a
     * candidateGroups attribute at commas.
     */
    public List<String> selfReportGroups(Number reviewId) {
        Review r = mapper.review(reviewId.longValue());
        if (users.findByCadre(r.cadreId()).filter(AppUser::enabled).isPresent()) {
            return List.of();
        }
        return List.of(AppGroups.hrOfficers(r.unitId()));
    }

    public Date selfReportDue() {
        return workingDays(AppraisalSettings.SELF_REPORT_DUE_DAYS);
    }

    // ------------------------------------------------------------------ 民主测评 peerRating

    public void peerRatingStarted(Number reviewId) {
        records.markStatus(reviewId.longValue(), Review.Status.PEER_RATING);
    }

    /**
     * 民主测评 raters: users whose cadre works in the same unit, and the unit's leaders, never the cadre; when the
     * unit has nobody else with an account, its leaders alone.
     */
    public List<String> peerRaters(Number reviewId) {
        Review r = mapper.review(reviewId.longValue());
        Cadre cadre = cadres.find(r.cadreId()).orElseThrow();
        String cadreUser = users.findByCadre(r.cadreId()).map(AppUser::username).orElse(null);
        Set<String> raters = new LinkedHashSet<>(colleagues(r.unitId()));
        raters.addAll(directory.memberIds(rules.leaderGroupFor(cadre, cadreUser)));
        raters.remove(cadreUser);
        return List.copyOf(raters);
    }

    /** The enabled accounts of the unit's active cadres, by username. */
    private List<String> colleagues(long unitId) {
        return users.findByCadres(cadres.activeIdsInUnits(List.of(unitId))).stream().filter(AppUser::enabled)
                .map(AppUser::username).sorted().toList();
    }

    /** Votes needed to close 民主测评 early ({@link PeerQuorum}). */
    public int peerQuorum(Number raters) {
        return PeerQuorum.votesNeeded(raters.intValue(), settings.intRule(AppraisalSettings.PEER_COMPLETION_PERCENT));
    }

    /** 测评截止: 民主测评's deadline, as the setting stands when the step begins. */
    public String peerDeadline() {
        return days(AppraisalSettings.PEER_DEADLINE_DAYS);
    }

    // ------------------------------------------------------------------ 测评建议等次 / 综合建议等次 (the DMN's inputs)

    /** The weighted total of the scores so far ({@link ReviewScores#total}); stored with the digital score. */
    public double totalScore(Number reviewId) {
        return records.storeScores(reviewId.longValue()).doubleValue();
    }

    /** The digital-capability score (0–100) from the year's evidence and the digital courses in the ledger. */
    public double digitalScore(Number reviewId) {
        return facts.digitalScore(mapper.review(reviewId.longValue())).doubleValue();
    }

    // ------------------------------------------------------------------ 单位负责人评鉴 leaderRating

    /** The step begins: status, and the DMN's suggestion (grade and the matching rule's explanation) kept. */
    public void leaderRatingStarted(Number reviewId, String suggestedGrade, String suggestedReason) {
        records.markStatus(reviewId.longValue(), Review.Status.LEADER_RATING);
        mapper.setSuggestion(reviewId.longValue(), suggestedGrade, suggestedReason, clock.instant());
    }

    /** What the leader rates with besides 述职: 民主测评's result, counts and average only ({@link ReviewFacts#peerResult}). */
    public Map<String, Object> peerResult(Number reviewId) {
        return facts.peerResult(reviewId.longValue());
    }

    /** 单位负责人评鉴's candidates, decided when the step begins ({@link ReviewRules#leaderGroupFor}). */
    public String leaderRatingGroup(Number reviewId) {
        Review r = mapper.review(reviewId.longValue());
        return rules.leaderGroupFor(cadres.find(r.cadreId()).orElseThrow(),
                users.findByCadre(r.cadreId()).filter(AppUser::enabled).map(AppUser::username).orElse(null));
    }

    public Date leaderRatingDue() {
        return workingDays(AppraisalSettings.LEADER_RATING_DUE_DAYS);
    }

    // ------------------------------------------------------------------ 组织部审核 hrReview

    public void hrReviewStarted(Number reviewId, String suggestedGrade, String suggestedReason) {
        records.markStatus(reviewId.longValue(), Review.Status.HR_REVIEW);
        mapper.setSuggestion(reviewId.longValue(), suggestedGrade, suggestedReason, clock.instant());
    }

    /** The organisation department over the cadre's unit: HR review, quota, committee, notice and objections. */
    public String hrGroup(Number reviewId) {
        return AppGroups.hrOfficers(mapper.review(reviewId.longValue()).unitId());
    }

    public Date hrReviewDue() {
        return workingDays(AppraisalSettings.HR_REVIEW_DUE_DAYS);
    }

    // ------------------------------------------------------------------ 优秀比例核查 quotaCheck, 超比例审批 quotaApproval

    /**
     * The unit's 优秀 quota across the whole campaign with this review's HR grade: WITHIN, NEEDS_APPROVAL, or
     * EXCEEDED (the HR grade is then withdrawn and HR must grade again).
     */
    public String checkQuota(Number reviewId, String grade) {
        Review r = mapper.review(reviewId.longValue());
        ExcellentQuota.Status status = rules.quotaStatus(r, grade);
        if (status == ExcellentQuota.Status.EXCEEDED) {
            mapper.setHrReview(r.id(), null, r.hrOpinion(), clock.instant());
        }
        return status.name();
    }

    public void quotaApprovalStarted(Number reviewId) {
        records.markStatus(reviewId.longValue(), Review.Status.QUOTA_APPROVAL);
    }

    public Date quotaApprovalDue() {
        return workingDays(AppraisalSettings.QUOTA_APPROVAL_DUE_DAYS);
    }

    /** 批准: the wider quota was approved for this review. */
    public void quotaApproved(Number reviewId, boolean approved) {
        mapper.setQuotaApproved(reviewId.longValue(), approved, clock.instant());
    }

    // ------------------------------------------------------------------ 党委决定 committeeDecision

    public void committeeDecisionStarted(Number reviewId) {
        records.markStatus(reviewId.longValue(), Review.Status.COMMITTEE);
    }

    public Date committeeDecisionDue() {
        return workingDays(AppraisalSettings.COMMITTEE_DUE_DAYS);
    }

    // ------------------------------------------------------------------ 开始公示 startNotice, 核查异议 objectionCheck

    /**
     * 公示 starts: returns the end of the notice period, the start of the day after the configured number of working
     * days from today. Working days are those of the {@link WorkCalendar}: Monday to Friday, less the holidays and
     * plus the weekend days worked (调休) recorded there.
     */
    public Date startNotice(Number reviewId) {
        mapper.setNoticeStarted(reviewId.longValue(), clock.instant());
        records.markStatus(reviewId.longValue(), Review.Status.NOTICE);
        LocalDate last = calendar.addWorkingDays(LocalDate.now(clock), settings.intRule(AppraisalSettings.NOTICE_DAYS));
        return Date.from(last.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
    }

    public void objectionCheckStarted(Number reviewId) {
        records.markStatus(reviewId.longValue(), Review.Status.OBJECTION);
    }

    public Date objectionCheckDue() {
        return workingDays(AppraisalSettings.OBJECTION_CHECK_DUE_DAYS);
    }

    // ------------------------------------------------------------------ 书面通知 recordNotice, 签收结果 resultNotice

    /** The result stands after 公示: the written notice to the cadre is recorded (and shown as their task). */
    public void recordNotice(Number reviewId) {
        mapper.setNotified(reviewId.longValue(), clock.instant());
        records.markStatus(reviewId.longValue(), Review.Status.NOTIFIED);
    }

    /**
     * What the written notice (签收结果/申请复核) shows, as process variables: the final grade, the scores of the
     * review record and the last day a 复核 may be asked for.
     */
    public Map<String, Object> resultNoticeFacts(Number reviewId) {
        Review r = mapper.review(reviewId.longValue());
        Map<String, Object> shown = new HashMap<>();
        shown.put("finalGrade", r.finalGrade());
        Object[][] scores = {{"totalScore", r.totalScore()}, {"selfScore", r.selfScore()},
                {"peerScore", r.peerScore()}, {"leaderScore", r.leaderScore()}, {"digitalScore", r.digitalScore()}};
        for (Object[] s : scores) {
            if (s[1] != null) {
                shown.put((String) s[0], ((BigDecimal) s[1]).doubleValue());
            }
        }
        shown.put("recheckDeadline",
                LocalDate.now(clock).plusDays(settings.intRule(AppraisalSettings.RECHECK_DAYS)).toString());
        return shown;
    }

    /** 复核期限届满: the window for asking for 复核 after the written notice, as the setting stands then. */
    public String recheckWindow() {
        return days(AppraisalSettings.RECHECK_DAYS);
    }

    // ------------------------------------------------------------------ 复核 recheck, 结果归档 fileResult

    public void recheckStarted(Number reviewId) {
        records.markStatus(reviewId.longValue(), Review.Status.RECHECK);
    }

    public Date recheckDue() {
        return workingDays(AppraisalSettings.RECHECK_DUE_DAYS);
    }

    /**
     * Files the result: final grade, scores and opinions stay on the review (the cadre file reads them); a
     * 三等功 flag after the configured number of consecutive 优秀 years; a training need for each digital
     * indicator below the threshold when the digital-capability score is weak.
     */
    public void fileResult(Number reviewId) {
        records.file(reviewId.longValue());
    }

    /**
     * A step's due date: the setting's number of working days on the work calendar (holidays and 调休 counted) from
     * now, at the present time of day, as the setting stands when the step begins.
     */
    private Date workingDays(String ruleKey) {
        return Date.from(calendar.afterWorkingDays(ZonedDateTime.now(clock), settings.intRule(ruleKey)).toInstant());
    }

    /** A period of the settings as the ISO duration the engine reads ("P7D"). */
    private String days(String ruleKey) {
        return "P" + settings.intRule(ruleKey) + "D";
    }
}
