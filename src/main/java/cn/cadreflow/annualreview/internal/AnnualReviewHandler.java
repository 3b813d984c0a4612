package cn.cadreflow.annualreview.internal;

import static cn.cadreflow.annualreview.AnnualReviewStep.COMMITTEE_DECISION;
import static cn.cadreflow.annualreview.AnnualReviewStep.HR_REVIEW;
import static cn.cadreflow.annualreview.AnnualReviewStep.LEADER_RATING;
import static cn.cadreflow.annualreview.AnnualReviewStep.OBJECTION_CHECK;
import static cn.cadreflow.annualreview.AnnualReviewStep.OBJECTION_WATCH;
import static cn.cadreflow.annualreview.AnnualReviewStep.PEER_RATING;
import static cn.cadreflow.annualreview.AnnualReviewStep.RECHECK;
import static cn.cadreflow.annualreview.AnnualReviewStep.RESULT_NOTICE;
import static cn.cadreflow.annualreview.AnnualReviewStep.REVIEW_ID;
import static cn.cadreflow.annualreview.AnnualReviewStep.SELF_REPORT;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.cadreflow.annualreview.AnnualReviewStep;
import cn.cadreflow.annualreview.internal.AppraisalMapper;
import cn.cadreflow.annualreview.AppraisalSettings;
import cn.cadreflow.annualreview.FrameworkItem;
import cn.cadreflow.annualreview.Grade;
import cn.cadreflow.annualreview.Review;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.tolerance.ToleranceService;
import cn.cadreflow.workflow.FormError;
import cn.cadreflow.workflow.ProcessHandler;

/**
 * The annual review's form steps, as the task centre submits them: a single review started from the start form
 * ({@link ReviewStart}), the facts each step shows, the checks of each submitted step and what it records on the
 * review. A campaign starts its reviews without this handler ({@code CampaignService}).
 */
@Component
class AnnualReviewHandler implements ProcessHandler {

    static final String SELF = "SELF";
    static final String PEER = "PEER";
    static final String LEADER = "LEADER";
    static final String OVERALL = "OVERALL";
    static final String SELF_PREFIX = "self_";
    /** The read-only field of the rating steps' forms listing the year's tolerated matters. */
    static final String TOLERATED_MATTERS = "toleratedMatters";
    /** The grade each step chooses, which a tolerated matter keeps from going below the suggested grade. */
    static final Map<String, String> GRADE_FIELDS = Map.of(LEADER_RATING, "proposedGrade", HR_REVIEW, "hrGrade",
            COMMITTEE_DECISION, "finalGrade", RECHECK, "recheckGrade");

    private final AppraisalMapper mapper;
    private final AppraisalSettings settings;
    private final ReviewStart start;
    private final ReviewRules rules;
    private final ReviewRecords records;
    private final ReviewFacts facts;
    private final CadreService cadres;
    private final ToleranceService tolerance;
    private final Clock clock;

    AnnualReviewHandler(AppraisalMapper mapper, AppraisalSettings settings, ReviewStart start, ReviewRules rules,
                        ReviewRecords records, ReviewFacts facts, CadreService cadres, ToleranceService tolerance,
                        Clock clock) {
        this.mapper = mapper;
        this.settings = settings;
        this.start = start;
        this.rules = rules;
        this.records = records;
        this.facts = facts;
        this.cadres = cadres;
        this.tolerance = tolerance;
        this.clock = clock;
    }

    @Override
    public String processKey() {
        return AnnualReviewStep.PROCESS_KEY;
    }

    @Override
    public List<FormError> validate(String username, Map<String, Object> values) {
        if (!(values.get("campaignId") instanceof Number campaign) || !(values.get("cadreId") instanceof Number cadre)) {
            // a missing or refused number: the form's own rules have said so
            return List.of();
        }
        return start.validate(username, campaign.longValue(), cadre.longValue());
    }

    @Override
    @Transactional
    public Map<String, Object> onStart(String username, Map<String, Object> values) {
        return start.insert(((Number) values.get("campaignId")).longValue(),
                ((Number) values.get("cadreId")).longValue());
    }

    /** HR starts every review: its own data has no place in a cadre's review. */
    @Override
    public boolean keepsStarterData() {
        return false;
    }

    /** "2026年度": the review's year, from its number (KH-2026-15); the cadre is the row's subject already. */
    @Override
    public Summary summary(String businessKey, Map<String, Object> variables) {
        String year = LaunchBatch.yearOf(businessKey);
        return year == null ? null : new Summary("appraisal.summary", List.of(year));
    }

    /** A review is about the cadre, not the officer who launched it: no step of it is offered to the cadre's account. */
    @Override
    public String subjectVariable() {
        return "cadreUser";
    }

    /**
     * 述职 shows and keeps the cadre's facts as they stand, whoever reports (the cadre, or HR for him). The rating
     * steps show the matters of the review year that a fault-tolerance review tolerated, with the rule that they
     * must not lower the grade; the submitted step keeps what its rater was shown.
     */
    @Override
    public Map<String, Object> stepData(String stepKey, Map<String, Object> variables) {
        if (!(variables.get(REVIEW_ID) instanceof Number id)) {
            return Map.of();
        }
        if (SELF_REPORT.equals(stepKey)) {
            Review r = mapper.review(id.longValue());
            return facts.cadreFacts(cadres.find(r.cadreId()).orElseThrow(), r.reviewYear());
        }
        if (AnnualReviewStep.RATING_STEPS.contains(stepKey)) {
            Review r = mapper.review(id.longValue());
            // process data is kept in Chinese, the language of the records themselves
            return Map.of(TOLERATED_MATTERS, tolerance.summary(r.cadreId(), r.reviewYear(), Locale.SIMPLIFIED_CHINESE));
        }
        return Map.of();
    }

    @Override
    public void onResubmit(Map<String, Object> variables) {
        // the annual review has no revise step: returns go to earlier form steps, which record themselves
    }

    @Override
    @Transactional
    public void onTerminated(Map<String, Object> variables) {
        records.markStatus(((Number) variables.get(REVIEW_ID)).longValue(), Review.Status.TERMINATED);
    }

    @Override
    public List<FormError> validateStep(String stepKey, String username, Map<String, Object> values,
                                        Map<String, Object> variables) {
        List<FormError> errors = new ArrayList<>();
        long reviewId = ((Number) variables.get(REVIEW_ID)).longValue();
        Object cadreUser = variables.get("cadreUser");
        switch (stepKey) {
            case SELF_REPORT -> {
                for (FrameworkItem item : frameworkItems(reviewId)) {
                    if (!(values.get(SELF_PREFIX + item.code()) instanceof Number)) {
                        errors.add(FormError.of(SELF_PREFIX + item.code(), "appraisal.error.itemScoreMissing", item.name()));
                    }
                }
            }
            case PEER_RATING -> {
                if (username.equals(cadreUser)) {
                    errors.add(FormError.of(null, "appraisal.error.selfRating"));
                } else if (mapper.countScores(reviewId, PEER, username) > 0) {
                    errors.add(FormError.of(null, "appraisal.error.alreadyVoted"));
                }
            }
            case LEADER_RATING, HR_REVIEW, COMMITTEE_DECISION, OBJECTION_CHECK, RECHECK ->
                    errors.addAll(ratingErrors(stepKey, username, values, cadreUser, reviewId));
            case RESULT_NOTICE -> {
                if (Boolean.TRUE.equals(values.get("requestRecheck"))
                        && (values.get("recheckReason") == null || values.get("recheckReason").toString().isBlank())) {
                    errors.add(FormError.of("recheckReason", "appraisal.error.recheckReasonRequired"));
                }
            }
            default -> {
            }
        }
        return errors;
    }

    /** A rater never rates himself; 优秀 within the quota; no grade below the suggestion despite a tolerated matter. */
    private List<FormError> ratingErrors(String stepKey, String username, Map<String, Object> values,
                                         Object cadreUser, long reviewId) {
        List<FormError> errors = new ArrayList<>();
        if (username.equals(cadreUser)) {
            errors.add(FormError.of(null, "appraisal.error.selfRating"));
        }
        String field = COMMITTEE_DECISION.equals(stepKey) ? "finalGrade" : RECHECK.equals(stepKey) ? "recheckGrade" : null;
        if (field != null && Grade.EXCELLENT.label.equals(values.get(field))
                && !rules.excellentAllowed(mapper.review(reviewId))) {
            errors.add(FormError.of(field, "appraisal.error.quotaExceeded",
                    settings.intRule(AppraisalSettings.QUOTA_PERCENT)));
        }
        String gradeField = GRADE_FIELDS.get(stepKey);
        if (gradeField != null) {
            Review r = mapper.review(reviewId);
            Object chosen = values.get(gradeField);
            // the tolerated matters are only asked for when the grade goes below the suggestion
            boolean tolerated = GradeFloor.breached(chosen, r.suggestedGrade(), true).isPresent()
                    && !tolerance.tolerated(r.cadreId(), r.reviewYear()).isEmpty();
            GradeFloor.breached(chosen, r.suggestedGrade(), tolerated)
                    .ifPresent(suggested -> errors.add(FormError.of(gradeField,
                            "tolerance.error.gradeBelowSuggested", new DefaultMessageSourceResolvable(
                                    new String[] {"appraisal.grade." + suggested.label}, suggested.label))));
        }
        return errors;
    }

    @Override
    @Transactional
    public Map<String, Object> onStepSubmitted(String stepKey, String username, Map<String, Object> values,
                                               Map<String, Object> variables) {
        long reviewId = ((Number) variables.get(REVIEW_ID)).longValue();
        Map<String, Object> out = new HashMap<>();
        switch (stepKey) {
            case SELF_REPORT -> {
                List<FrameworkItem> items = frameworkItems(reviewId);
                Map<String, BigDecimal> scores = new HashMap<>();
                for (FrameworkItem item : items) {
                    BigDecimal score = decimal(values.get(SELF_PREFIX + item.code()));
                    scores.put(item.code(), score);
                    mapper.insertScore(reviewId, SELF, username, item.code(), score, null, clock.instant());
                }
                BigDecimal selfScore = ReviewScores.selfScore(items, scores);
                mapper.setSelfScore(reviewId, selfScore, clock.instant());
                out.put("selfScore", selfScore.doubleValue());
            }
            case PEER_RATING -> {
                mapper.insertScore(reviewId, PEER, username, OVERALL, decimal(values.get("peerScore")),
                        values.get("peerVote").toString(), clock.instant());
                BigDecimal avg = mapper.averageScore(reviewId, PEER);
                mapper.setPeerScore(reviewId, avg == null ? null : avg.setScale(2, RoundingMode.HALF_UP),
                        mapper.countScoresOfRole(reviewId, PEER), clock.instant());
            }
            case LEADER_RATING -> {
                BigDecimal score = decimal(values.get("leaderScore"));
                mapper.insertScore(reviewId, LEADER, username, OVERALL, score, values.get("proposedGrade").toString(),
                        clock.instant());
                mapper.setLeaderRating(reviewId, score, values.get("proposedGrade").toString(),
                        text(values.get("leaderOpinion")), clock.instant());
            }
            case HR_REVIEW -> mapper.setHrReview(reviewId, values.get("hrGrade").toString(),
                    text(values.get("hrOpinion")), clock.instant());
            case COMMITTEE_DECISION -> mapper.setCommittee(reviewId, values.get("finalGrade").toString(),
                    text(values.get("committeeOpinion")), clock.instant());
            case OBJECTION_WATCH -> mapper.insertObjection(reviewId, username, text(values.get("objectionReason")),
                    clock.instant());
            case OBJECTION_CHECK -> mapper.resolveObjection(reviewId, Boolean.TRUE.equals(values.get("objectionUpheld")),
                    text(values.get("objectionFinding")), username, clock.instant());
            case RESULT_NOTICE -> {
                if (Boolean.TRUE.equals(values.get("requestRecheck"))) {
                    mapper.insertRecheck(reviewId, username, text(values.get("recheckReason")),
                            mapper.review(reviewId).finalGrade(), clock.instant());
                }
            }
            case RECHECK -> {
                String grade = values.get("recheckGrade").toString();
                mapper.decideRecheck(reviewId, grade, text(values.get("recheckOpinion")), username, clock.instant());
                mapper.setCommittee(reviewId, grade, mapper.review(reviewId).committeeOpinion(), clock.instant());
            }
            default -> {
            }
        }
        return out;
    }

    private List<FrameworkItem> frameworkItems(long reviewId) {
        Review r = mapper.review(reviewId);
        return settings.items(mapper.campaign(r.campaignId()).frameworkCode());
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
