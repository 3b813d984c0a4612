package cn.cadreflow.annualreview;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cadreflow.annualreview.internal.AppraisalMapper;
import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.org.OrgUnit;
import cn.cadreflow.org.Post;
import cn.cadreflow.org.WorkCalendar;
import cn.cadreflow.security.AppGroups;
import cn.cadreflow.security.AppUser;
import cn.cadreflow.security.UserService;
import cn.cadreflow.tolerance.ToleranceService;
import cn.cadreflow.training.TrainingLedger;
import cn.cadreflow.training.TrainingRecord;
import cn.cadreflow.workflow.FormError;
import cn.cadreflow.workflow.KnownDataProvider;
import cn.cadreflow.workflow.ProcessHandler;
import cn.cadreflow.workflow.UserDirectory;

/**
 * 年度考核: the review record behind process {@value #PROCESS_KEY}. Form steps are checked and recorded through
 * {@link ProcessHandler}; annual-review.bpmn calls the public methods taking plain arguments (raters, scores,
 * the quota check, the notice period, the written notice and filing the result).
 */
@Service("appraisalService")
public class AppraisalService implements ProcessHandler, KnownDataProvider {

    public static final String PROCESS_KEY = "annualReview";
    public static final String REVIEW_ID = "reviewId";
    static final String SELF = "SELF";
    static final String PEER = "PEER";
    static final String LEADER = "LEADER";
    static final String OVERALL = "OVERALL";
    static final String SELF_PREFIX = "self_";
    static final String MERIT = "THIRD_CLASS_MERIT";
    /** Ledger courses whose name holds one of these count as digital-literacy training. */
    static final List<String> DIGITAL_COURSE_WORDS = List.of("数字", "数据", "信息化", "网络安全", "人工智能");
    static final String TRAINING_HOURS_INDICATOR = "DIGITAL_TRAINING_HOURS";
    static final String PLATFORM_INDICATOR = "PLATFORM_USAGE";
    /** The read-only field of the rating steps' forms listing the year's tolerated matters. */
    static final String TOLERATED_MATTERS = "toleratedMatters";
    /** The steps where someone rates or decides on the cadre: they are shown the tolerated matters. */
    static final Set<String> RATING_STEPS = Set.of("peerRating", "leaderRating", "hrReview", "quotaApproval",
            "committeeDecision", "objectionCheck", "recheck");
    /** The grade each step chooses, which a tolerated matter keeps from going below the suggested grade. */
    static final Map<String, String> GRADE_FIELDS = Map.of("leaderRating", "proposedGrade", "hrReview", "hrGrade",
            "committeeDecision", "finalGrade", "recheck", "recheckGrade");

    public enum QuotaStatus { WITHIN, NEEDS_APPROVAL, EXCEEDED }

    private final AppraisalMapper mapper;
    private final AppraisalSettings settings;
    private final CadreService cadres;
    private final OrgService org;
    private final UserService users;
    private final UserDirectory directory;
    private final TrainingLedger training;
    private final ToleranceService tolerance;
    private final MessageSource messages;
    private final WorkCalendar calendar;
    private final Clock clock;
    /** The batch CampaignService is launching on this thread, if any: see {@link #prepareLaunch}. */
    private final ThreadLocal<LaunchBatch> launch = new ThreadLocal<>();

    public AppraisalService(AppraisalMapper mapper, AppraisalSettings settings, CadreService cadres, OrgService org,
                            UserService users, UserDirectory directory, TrainingLedger training,
                            ToleranceService tolerance, MessageSource messages, WorkCalendar calendar,
                            Clock clock) {
        this.mapper = mapper;
        this.settings = settings;
        this.cadres = cadres;
        this.org = org;
        this.users = users;
        this.directory = directory;
        this.training = training;
        this.tolerance = tolerance;
        this.messages = messages;
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public String processKey() {
        return PROCESS_KEY;
    }

    public Review review(long id) {
        return mapper.review(id);
    }

    public Optional<Review> reviewOf(long campaignId, long cadreId) {
        return Optional.ofNullable(mapper.reviewOf(campaignId, cadreId));
    }

    public List<Review> reviewsOfCadre(long cadreId) {
        return mapper.reviewsOfCadre(cadreId);
    }

    // ------------------------------------------------------------------ batched launch

    /**
     * Runs {@code work} (the starts of one launch batch, inside its transaction) with the batch's data read
     * up front in a few set-based queries, so that each start's checks, facts and listeners read memory instead
     * of asking the database again per review. Same checks, same facts, same variables as a single start.
     */
    public <T> T prepareLaunch(long campaignId, List<Long> cadreIds, java.util.function.Supplier<T> work) {
        if (cadreIds.isEmpty()) {
            return work.get();
        }
        launch.set(new LaunchBatch(mapper, org, cadres, users, campaignId, cadreIds));
        try {
            return work.get();
        } finally {
            launch.remove();
        }
    }

    /** The launch batch covering this cadre of this campaign, or null (a single start, or another thread). */
    private LaunchBatch batchFor(long campaignId, long cadreId) {
        LaunchBatch batch = launch.get();
        return batch != null && batch.covers(campaignId, cadreId) ? batch : null;
    }

    // ------------------------------------------------------------------ known data (prefill)

    @Override
    public Map<String, Object> knownData(String username) {
        Long cadreId = users.find(username).map(AppUser::cadreId).orElse(null);
        if (cadreId == null) {
            return Map.of();
        }
        int year = LocalDate.now(clock).getYear();
        return Map.of("lastYearGrade", gradeOf(cadreId, year - 1),
                "platformUsage", evidenceTotal(cadreId, year, PLATFORM_INDICATOR).doubleValue());
    }

    /** The filed grade of a year, or 无 when there is none. */
    public String gradeOf(long cadreId, int year) {
        return gradeOf(mapper.filedGrades(cadreId), year);
    }

    private static String gradeOf(List<AppraisalMapper.YearGrade> filed, int year) {
        return filed.stream().filter(g -> g.reviewYear() == year)
                .map(AppraisalMapper.YearGrade::finalGrade).findFirst().orElse("无");
    }

    /**
     * The cadre's facts for 述职's read-only fields (post, unit, rank, last year's grade, training hours,
     * platform usage), read when the task is shown and when it is submitted, so evidence and training recorded
     * after the launch count; the submitted step keeps them in the instance for the later steps.
     */
    Map<String, Object> cadreFacts(Cadre c, int reviewYear) {
        Map<String, Object> known = new HashMap<>();
        known.put("cadreId", c.id());
        known.put("cadreName", c.name());
        known.put("unitId", c.unitId());
        known.put("unitName", org.unit(c.unitId()).map(OrgUnit::name).orElse(""));
        known.put("postName", org.post(c.postId()).map(Post::name).orElse(""));
        known.put("rankName", messages.getMessage("rank." + c.rankCode(), null, c.rankCode(), Locale.SIMPLIFIED_CHINESE));
        known.put("lastYearGrade", gradeOf(c.id(), reviewYear - 1));
        known.put("trainingHoursThisYear", trainingHours(c.id(), reviewYear, false).doubleValue());
        known.put("platformUsage", evidenceTotal(c.id(), reviewYear, PLATFORM_INDICATOR).doubleValue());
        return known;
    }

    // ------------------------------------------------------------------ start (one review)

    @Override
    public List<FormError> validate(String username, Map<String, Object> values) {
        List<FormError> errors = new ArrayList<>();
        long campaignId = ((Number) values.get("campaignId")).longValue();
        long cadreId = ((Number) values.get("cadreId")).longValue();
        LaunchBatch batch = batchFor(campaignId, cadreId);
        Campaign campaign = batch != null ? batch.campaign : mapper.campaign(campaignId);
        if (campaign == null) {
            errors.add(FormError.of("campaignId", "appraisal.error.unknownCampaign", campaignId));
            return errors;
        }
        Optional<Cadre> cadre = batch != null ? batch.cadre(cadreId) : cadres.find(cadreId);
        if (cadre.isEmpty() || !"ACTIVE".equals(cadre.get().status())) {
            errors.add(FormError.of("cadreId", "appraisal.error.unknownCadre", cadreId));
            return errors;
        }
        List<UserDirectory.DirectoryGroup> groups = batch != null
                ? batch.remember(List.of("groupsOf", username), k -> directory.groupsOf(username))
                : directory.groupsOf(username);
        boolean hrOfUnit = groups.stream()
                .anyMatch(g -> g.id().equals(AppGroups.hrOfficers(cadre.get().unitId())));
        if (!hrOfUnit) {
            errors.add(FormError.of("cadreId", "appraisal.error.notHrOfUnit", cadre.get().name()));
        }
        boolean inScope = batch != null
                ? batch.remember(List.of("inScope", cadre.get().unitId()), k -> inScope(batch, cadre.get().unitId()))
                : inScope(campaignId, cadre.get().unitId());
        if (!inScope) {
            errors.add(FormError.of("cadreId", "appraisal.error.notInScope", cadre.get().name()));
        }
        if (batch != null ? batch.reviewed.contains(cadreId) : mapper.reviewOf(campaignId, cadreId) != null) {
            errors.add(FormError.of("cadreId", "appraisal.error.alreadyReviewed", cadre.get().name()));
        }
        return errors;
    }

    /** Is the unit one of the campaign's units or below one? Walks up (a handful of levels), no whole tree. */
    boolean inScope(long campaignId, long unitId) {
        Set<Long> roots = Set.copyOf(mapper.campaignUnits(campaignId));
        Long unit = unitId;
        for (int depth = 0; unit != null && depth < 32; depth++) {
            if (roots.contains(unit)) {
                return true;
            }
            unit = org.unit(unit).map(OrgUnit::parentId).orElse(null);
        }
        return false;
    }

    /** {@link #inScope(long, long)} on the batch's campaign units and org tree. */
    private static boolean inScope(LaunchBatch batch, long unitId) {
        Long unit = unitId;
        for (int depth = 0; unit != null && depth < 32; depth++) {
            if (batch.roots.contains(unit)) {
                return true;
            }
            unit = batch.tree.unit(unit).map(OrgUnit::parentId).orElse(null);
        }
        return false;
    }

    @Override
    @Transactional
    public Map<String, Object> onStart(String username, Map<String, Object> values) {
        long campaignId = ((Number) values.get("campaignId")).longValue();
        long cadreId = ((Number) values.get("cadreId")).longValue();
        LaunchBatch batch = batchFor(campaignId, cadreId);
        Campaign campaign = batch != null ? batch.campaign : mapper.campaign(campaignId);
        Cadre cadre = (batch != null ? batch.cadre(cadreId) : cadres.find(cadreId)).orElseThrow();
        AppraisalMapper.ReviewRow row = new AppraisalMapper.ReviewRow();
        row.campaignId = campaignId;
        row.cadreId = cadreId;
        row.unitId = cadre.unitId();
        row.reviewYear = campaign.campaignYear();
        row.status = Review.Status.SELF_REPORT.name();
        row.at = clock.instant();
        mapper.insertReview(row);
        if (batch != null) {
            batch.reviewed.add(cadreId);
            batch.reviewCadres.put(row.id, cadreId);
        }

        // few variables, since each is written three times over: the review row holds the facts, and the BPMN
        // asks this service for groups and periods when a step needs them; unitId and cadreName file the
        // tasks under the cadre in the task centre
        Map<String, Object> vars = new HashMap<>();
        vars.put(REVIEW_ID, row.id);
        vars.put("cadreUser", (batch != null ? batch.user(cadreId) : users.findByCadre(cadreId))
                .filter(AppUser::enabled).map(AppUser::username).orElse(null));
        vars.put("unitId", cadre.unitId());
        vars.put("cadreName", cadre.name());
        vars.put("businessKey", "KH-" + campaign.campaignYear() + "-" + row.id);
        return vars;
    }

    /**
     * The leaders who rate the cadre: the unit's, unless nobody but the cadre holds that role there (a unit
     * leader, or a village without a leader account), then those of the unit above, and so on up. Where no
     * unit above has a leader with an account either, the organisation department over the cadre's unit rates,
     * so the step is never left with nobody to do it.
     */
    String leaderGroupFor(Cadre cadre, String cadreUser) {
        Long unit = cadre.unitId();
        while (unit != null) {
            List<String> members = new ArrayList<>(directory.memberIds(AppGroups.unitLeaders(unit)));
            members.remove(cadreUser);
            if (!members.isEmpty()) {
                return AppGroups.unitLeaders(unit);
            }
            unit = org.unit(unit).map(OrgUnit::parentId).orElse(null);
        }
        return AppGroups.hrOfficers(cadre.unitId());
    }

    /** 单位负责人评鉴's candidates, decided when the step begins (see {@link #leaderGroupFor}). */
    public String leaderGroup(Number reviewId) {
        Review r = mapper.review(reviewId.longValue());
        return leaderGroupFor(cadres.find(r.cadreId()).orElseThrow(),
                users.findByCadre(r.cadreId()).filter(AppUser::enabled).map(AppUser::username).orElse(null));
    }

    /** The organisation department over the cadre's unit: HR review, quota, committee, notice and objections. */
    public String hrGroup(Number reviewId) {
        return AppGroups.hrOfficers(mapper.review(reviewId.longValue()).unitId());
    }

    /** 民主测评's deadline, as the setting stands when the step begins. */
    public String peerDeadline() {
        return "P" + settings.intRule(AppraisalSettings.PEER_DEADLINE_DAYS) + "D";
    }

    /** The window for asking for 复核 after the written notice, as the setting stands then. */
    public String recheckWindow() {
        return "P" + settings.intRule(AppraisalSettings.RECHECK_DAYS) + "D";
    }

    /** The cadre's current facts (see {@link #cadreFacts}). */
    public Map<String, Object> facts(Number reviewId) {
        Review r = mapper.review(reviewId.longValue());
        return cadreFacts(cadres.find(r.cadreId()).orElseThrow(), r.reviewYear());
    }

    /** HR starts every review: its own data has no place in a cadre's review. */
    @Override
    public boolean keepsStarterData() {
        return false;
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
        if ("selfReport".equals(stepKey)) {
            return facts(id);
        }
        if (RATING_STEPS.contains(stepKey)) {
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
        markStatus((Number) variables.get(REVIEW_ID), Review.Status.TERMINATED.name());
    }

    // ------------------------------------------------------------------ form steps

    @Override
    public List<FormError> validateStep(String stepKey, String username, Map<String, Object> values,
                                        Map<String, Object> variables) {
        List<FormError> errors = new ArrayList<>();
        long reviewId = ((Number) variables.get(REVIEW_ID)).longValue();
        Object cadreUser = variables.get("cadreUser");
        switch (stepKey) {
            case "selfReport" -> {
                for (FrameworkItem item : frameworkItems(reviewId)) {
                    if (!(values.get(SELF_PREFIX + item.code()) instanceof Number)) {
                        errors.add(FormError.of(SELF_PREFIX + item.code(), "appraisal.error.itemScoreMissing", item.name()));
                    }
                }
            }
            case "peerRating" -> {
                if (username.equals(cadreUser)) {
                    errors.add(FormError.of(null, "appraisal.error.selfRating"));
                } else if (mapper.countScores(reviewId, PEER, username) > 0) {
                    errors.add(FormError.of(null, "appraisal.error.alreadyVoted"));
                }
            }
            case "leaderRating", "hrReview", "committeeDecision", "objectionCheck", "recheck" -> {
                if (username.equals(cadreUser)) {
                    errors.add(FormError.of(null, "appraisal.error.selfRating"));
                }
                String field = "committeeDecision".equals(stepKey) ? "finalGrade"
                        : "recheck".equals(stepKey) ? "recheckGrade" : null;
                if (field != null && Grade.EXCELLENT.label.equals(values.get(field))
                        && !excellentAllowed(mapper.review(reviewId))) {
                    errors.add(FormError.of(field, "appraisal.error.quotaExceeded",
                            settings.intRule(AppraisalSettings.QUOTA_PERCENT)));
                }
                String gradeField = GRADE_FIELDS.get(stepKey);
                if (gradeField != null) {
                    belowSuggestionDespiteTolerance(mapper.review(reviewId), values.get(gradeField))
                            .ifPresent(suggested -> errors.add(FormError.of(gradeField,
                                    "tolerance.error.gradeBelowSuggested", new DefaultMessageSourceResolvable(
                                            new String[] {"appraisal.grade." + suggested.label}, suggested.label))));
                }
            }
            case "resultNotice" -> {
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

    @Override
    @Transactional
    public Map<String, Object> onStepSubmitted(String stepKey, String username, Map<String, Object> values,
                                               Map<String, Object> variables) {
        long reviewId = ((Number) variables.get(REVIEW_ID)).longValue();
        Map<String, Object> out = new HashMap<>();
        switch (stepKey) {
            case "selfReport" -> {
                BigDecimal weighted = BigDecimal.ZERO;
                for (FrameworkItem item : frameworkItems(reviewId)) {
                    BigDecimal score = decimal(values.get(SELF_PREFIX + item.code()));
                    mapper.insertScore(reviewId, SELF, username, item.code(), score, null, clock.instant());
                    weighted = weighted.add(score.multiply(item.weight()));
                }
                BigDecimal selfScore = weighted.divide(AppraisalSettings.HUNDRED, 2, RoundingMode.HALF_UP);
                mapper.setSelfScore(reviewId, selfScore, clock.instant());
                out.put("selfScore", selfScore.doubleValue());
            }
            case "peerRating" -> {
                mapper.insertScore(reviewId, PEER, username, OVERALL, decimal(values.get("peerScore")),
                        values.get("peerVote").toString(), clock.instant());
                refreshPeerScore(reviewId);
            }
            case "leaderRating" -> {
                BigDecimal score = decimal(values.get("leaderScore"));
                mapper.insertScore(reviewId, LEADER, username, OVERALL, score, values.get("proposedGrade").toString(),
                        clock.instant());
                mapper.setLeaderRating(reviewId, score, values.get("proposedGrade").toString(),
                        text(values.get("leaderOpinion")), clock.instant());
            }
            case "hrReview" -> mapper.setHrReview(reviewId, values.get("hrGrade").toString(),
                    text(values.get("hrOpinion")), clock.instant());
            case "committeeDecision" -> mapper.setCommittee(reviewId, values.get("finalGrade").toString(),
                    text(values.get("committeeOpinion")), clock.instant());
            case "objectionWatch" -> mapper.insertObjection(reviewId, username, text(values.get("objectionReason")),
                    clock.instant());
            case "objectionCheck" -> mapper.resolveObjection(reviewId, Boolean.TRUE.equals(values.get("objectionUpheld")),
                    text(values.get("objectionFinding")), username, clock.instant());
            case "resultNotice" -> {
                if (Boolean.TRUE.equals(values.get("requestRecheck"))) {
                    mapper.insertRecheck(reviewId, username, text(values.get("recheckReason")),
                            mapper.review(reviewId).finalGrade(), clock.instant());
                }
            }
            case "recheck" -> {
                String grade = values.get("recheckGrade").toString();
                mapper.decideRecheck(reviewId, grade, text(values.get("recheckOpinion")), username, clock.instant());
                mapper.setCommittee(reviewId, grade, mapper.review(reviewId).committeeOpinion(), clock.instant());
            }
            default -> {
            }
        }
        return out;
    }

    /**
     * A matter tolerated in the review year cannot lower the grade: the suggested grade the scores gave, when
     * {@code chosen} is below it and the cadre has such a matter; otherwise empty (lowering stays allowed).
     */
    private Optional<Grade> belowSuggestionDespiteTolerance(Review r, Object chosen) {
        Grade grade = Grade.of(chosen);
        Grade suggested = Grade.of(r.suggestedGrade());
        if (grade == null || suggested == null || !grade.below(suggested)
                || tolerance.tolerated(r.cadreId(), r.reviewYear()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(suggested);
    }

    private void refreshPeerScore(long reviewId) {
        BigDecimal avg = mapper.averageScore(reviewId, PEER);
        int votes = mapper.countScoresOfRole(reviewId, PEER);
        mapper.setPeerScore(reviewId, avg == null ? null : avg.setScale(2, RoundingMode.HALF_UP), votes,
                clock.instant());
    }

    List<FrameworkItem> frameworkItems(long reviewId) {
        Review r = mapper.review(reviewId);
        return settings.items(mapper.campaign(r.campaignId()).frameworkCode());
    }

    // ------------------------------------------------------------------ called by the BPMN

    public void attachProcess(Number reviewId, String processInstanceId) {
        mapper.attachProcess(reviewId.longValue(), processInstanceId);
    }

    public void markStatus(Number reviewId, String status) {
        mapper.updateStatus(reviewId.longValue(), Review.Status.valueOf(status).name(), clock.instant());
    }

    /**
     * 民主测评 raters: users whose cadre works in the same unit, and the unit's leaders, never the cadre; when the
     * unit has nobody else with an account, its leaders alone.
     */
    public List<String> raters(Number reviewId) {
        Review r = mapper.review(reviewId.longValue());
        Cadre cadre = cadres.find(r.cadreId()).orElseThrow();
        String cadreUser = users.findByCadre(r.cadreId()).map(AppUser::username).orElse(null);
        Set<String> raters = new LinkedHashSet<>(colleagues(r.unitId()));
        raters.addAll(directory.memberIds(leaderGroupFor(cadre, cadreUser)));
        raters.remove(cadreUser);
        return List.copyOf(raters);
    }

    /** The enabled accounts of the unit's active cadres, by username. */
    private List<String> colleagues(long unitId) {
        return users.findByCadres(cadres.activeIdsInUnits(List.of(unitId))).stream().filter(AppUser::enabled)
                .map(AppUser::username).sorted().toList();
    }

    /** Votes needed to close 民主测评 early: the completion percentage of the raters, rounded up. */
    public int peerQuorum(Number raters) {
        int percent = settings.intRule(AppraisalSettings.PEER_COMPLETION_PERCENT);
        return (int) Math.ceil(raters.intValue() * percent / 100.0);
    }

    /**
     * 述职 and the written notice go to the cadre ({@code cadreUser}); a cadre without an account is reported for
     * by the HR officers (代录), who are then the candidates. One argument only: the engine splits a
     * candidateGroups attribute at commas.
     */
    public List<String> selfReportGroups(Number reviewId) {
        LaunchBatch batch = launch.get();
        Long batchCadre = batch == null ? null : batch.reviewCadres.get(reviewId.longValue());
        if (batchCadre != null) {
            // a review this batch has just inserted: its unit is the cadre's (onStart)
            if (batch.user(batchCadre).filter(AppUser::enabled).isPresent()) {
                return List.of();
            }
            return List.of(AppGroups.hrOfficers(batch.cadres.get(batchCadre).unitId()));
        }
        Review r = mapper.review(reviewId.longValue());
        if (users.findByCadre(r.cadreId()).filter(AppUser::enabled).isPresent()) {
            return List.of();
        }
        return List.of(AppGroups.hrOfficers(r.unitId()));
    }

    /** The digital-capability score (0–100) from the year's evidence and the digital courses in the training ledger. */
    public double digitalScore(Number reviewId) {
        Review r = mapper.review(reviewId.longValue());
        return indicatorScores(r.cadreId(), r.reviewYear()).values().stream()
                .map(IndicatorScore::weighted).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    /** Each indicator's raw value and achievement (0–100), in indicator order. */
    public Map<String, IndicatorScore> indicatorScores(long cadreId, int year) {
        Map<String, IndicatorScore> scores = new LinkedHashMap<>();
        for (DigitalIndicator i : settings.indicators()) {
            BigDecimal value = evidenceTotal(cadreId, year, i.code());
            if (TRAINING_HOURS_INDICATOR.equals(i.code())) {
                value = value.add(trainingHours(cadreId, year, true));
            }
            BigDecimal achieved = value.multiply(AppraisalSettings.HUNDRED)
                    .divide(i.targetValue(), 2, RoundingMode.HALF_UP).min(AppraisalSettings.HUNDRED);
            scores.put(i.code(), new IndicatorScore(i, value, achieved,
                    achieved.multiply(i.weight()).divide(AppraisalSettings.HUNDRED, 4, RoundingMode.HALF_UP)));
        }
        return scores;
    }

    public record IndicatorScore(DigitalIndicator indicator, BigDecimal value, BigDecimal achieved,
                                 BigDecimal weighted) {
    }

    /**
     * The weighted total (0–100) of the scores so far: self, peer, leader and digital with the rule weights, over
     * the parts present (before the leader has rated, the others are re-weighted among themselves). Stores it.
     */
    public double totalScore(Number reviewId) {
        long id = reviewId.longValue();
        BigDecimal digital = BigDecimal.valueOf(digitalScore(id));
        Review r = mapper.review(id);
        Map<String, String> rules = settings.rules();
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        Object[][] parts = {{r.selfScore(), AppraisalSettings.WEIGHT_SELF}, {r.peerScore(), AppraisalSettings.WEIGHT_PEER},
                {r.leaderScore(), AppraisalSettings.WEIGHT_LEADER}, {digital, AppraisalSettings.WEIGHT_DIGITAL}};
        for (Object[] part : parts) {
            if (part[0] != null) {
                BigDecimal w = new BigDecimal(rules.get((String) part[1]));
                sum = sum.add(((BigDecimal) part[0]).multiply(w));
                weights = weights.add(w);
            }
        }
        BigDecimal total = weights.signum() == 0 ? BigDecimal.ZERO : sum.divide(weights, 2, RoundingMode.HALF_UP);
        mapper.setScores(id, digital, total, clock.instant());
        return total.doubleValue();
    }

    /** Keeps the DMN's suggestion (grade and the matching rule's explanation) on the review. */
    public void recordSuggestion(Number reviewId, String grade, String reason) {
        mapper.setSuggestion(reviewId.longValue(), grade, reason, clock.instant());
    }

    /**
     * The unit's 优秀 quota across the whole campaign: with this review's HR grade, are the unit's 优秀 within
     * the normal share (WITHIN), within the share allowed with approval (NEEDS_APPROVAL), or beyond (EXCEEDED:
     * the HR grade is withdrawn and HR must grade again)?
     */
    public String checkQuota(Number reviewId, String grade) {
        Review r = mapper.review(reviewId.longValue());
        QuotaStatus status = quotaStatus(r, grade);
        if (status == QuotaStatus.EXCEEDED) {
            mapper.setHrReview(r.id(), null, r.hrOpinion(), clock.instant());
        }
        return status.name();
    }

    QuotaStatus quotaStatus(Review r, String grade) {
        if (!Grade.EXCELLENT.label.equals(grade)) {
            return QuotaStatus.WITHIN;
        }
        int reviewed = mapper.countInUnit(r.campaignId(), r.unitId());
        int excellent = mapper.countExcellentOthers(r.campaignId(), r.unitId(), r.id()) + 1;
        int normal = reviewed * settings.intRule(AppraisalSettings.QUOTA_PERCENT) / 100;
        int widened = reviewed * settings.intRule(AppraisalSettings.QUOTA_MAX_PERCENT) / 100;
        return excellent <= normal ? QuotaStatus.WITHIN
                : excellent <= widened ? QuotaStatus.NEEDS_APPROVAL : QuotaStatus.EXCEEDED;
    }

    /**
     * May the committee (or a 复核) give 优秀? Yes when HR's grade was 优秀 (it passed the quota check, with
     * approval where needed) or when one more 优秀 still fits the unit's normal quota.
     */
    boolean excellentAllowed(Review r) {
        return Grade.EXCELLENT.label.equals(r.hrGrade()) || quotaStatus(r, Grade.EXCELLENT.label) == QuotaStatus.WITHIN;
    }

    public void quotaApproved(Number reviewId, boolean approved) {
        mapper.setQuotaApproved(reviewId.longValue(), approved, clock.instant());
    }

    /**
     * 公示 starts: returns the end of the notice period, the start of the day after the configured number of working
     * days from today. Working days are those of the {@link WorkCalendar}: Monday to Friday, less the holidays and
     * plus the weekend days worked (调休) recorded there.
     */
    public Date startNotice(Number reviewId) {
        mapper.setNoticeStarted(reviewId.longValue(), clock.instant());
        markStatus(reviewId, Review.Status.NOTICE.name());
        LocalDate last = calendar.addWorkingDays(LocalDate.now(clock), settings.intRule(AppraisalSettings.NOTICE_DAYS));
        return Date.from(last.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
    }

    /** The result stands after 公示: the written notice to the cadre is recorded (and shown as their task). */
    public void recordNotice(Number reviewId) {
        mapper.setNotified(reviewId.longValue(), clock.instant());
        markStatus(reviewId, Review.Status.NOTIFIED.name());
    }

    /**
     * Files the result: final grade, scores and opinions stay on the review (the cadre file reads them); a
     * 三等功 flag after the configured number of consecutive 优秀 years; a training need for each digital
     * indicator below the threshold when the digital-capability score is weak.
     */
    public void fileResult(Number reviewId) {
        long id = reviewId.longValue();
        Review r = mapper.review(id);
        mapper.setFinal(id, r.finalGrade(), clock.instant());
        int years = settings.intRule(AppraisalSettings.MERIT_YEARS);
        List<AppraisalMapper.YearGrade> grades = mapper.filedGrades(r.cadreId());
        int consecutive = 0;
        int expected = r.reviewYear();
        for (AppraisalMapper.YearGrade g : grades) {
            if (g.reviewYear() > expected) {
                continue;
            }
            if (g.reviewYear() != expected || !Grade.EXCELLENT.label.equals(g.finalGrade())) {
                break;
            }
            consecutive++;
            expected--;
        }
        if (consecutive >= years && mapper.countHonours(r.cadreId(), MERIT, r.reviewYear()) == 0) {
            mapper.insertHonour(r.cadreId(), MERIT, r.reviewYear(), id, clock.instant());
        }
        BigDecimal threshold = BigDecimal.valueOf(settings.intRule(AppraisalSettings.DIGITAL_WEAK));
        BigDecimal digital = r.digitalScore() != null ? r.digitalScore() : BigDecimal.valueOf(digitalScore(id));
        if (digital.compareTo(threshold) < 0 && mapper.countTrainingNeeds(id) == 0) {
            indicatorScores(r.cadreId(), r.reviewYear()).values().stream()
                    .filter(s -> s.achieved().compareTo(threshold) < 0)
                    .forEach(s -> mapper.insertTrainingNeed(r.cadreId(), s.indicator().code(), s.indicator().name(),
                            id, clock.instant()));
        }
    }

    /**
     * What the written notice (签收结果/申请复核) shows, as process variables: the final grade, the scores of the
     * review record and the last day a 复核 may be asked for. Set when the step starts (annual-review.bpmn).
     */
    public Map<String, Object> noticeFacts(Number reviewId) {
        Review r = mapper.review(reviewId.longValue());
        Map<String, Object> facts = new HashMap<>();
        facts.put("finalGrade", r.finalGrade());
        Object[][] scores = {{"totalScore", r.totalScore()}, {"selfScore", r.selfScore()},
                {"peerScore", r.peerScore()}, {"leaderScore", r.leaderScore()}, {"digitalScore", r.digitalScore()}};
        for (Object[] s : scores) {
            if (s[1] != null) {
                facts.put((String) s[0], ((BigDecimal) s[1]).doubleValue());
            }
        }
        facts.put("recheckDeadline",
                LocalDate.now(clock).plusDays(settings.intRule(AppraisalSettings.RECHECK_DAYS)).toString());
        return facts;
    }

    /** The years for which the cadre was flagged for 三等功. */
    public Set<Integer> meritYears(long cadreId) {
        return Set.copyOf(mapper.honourYears(cadreId, MERIT));
    }

    public int honours(long cadreId, int year) {
        return mapper.countHonours(cadreId, MERIT, year);
    }

    public int trainingNeeds(long reviewId) {
        return mapper.countTrainingNeeds(reviewId);
    }

    public int objections(long reviewId) {
        return mapper.countObjections(reviewId);
    }

    public int rechecks(long reviewId) {
        return mapper.countRechecks(reviewId);
    }

    // ------------------------------------------------------------------ helpers

    /** Imported figures count as they are; figures a cadre entered count once an HR officer verified them. */
    BigDecimal evidenceTotal(long cadreId, int year, String indicator) {
        return evidenceTotal(mapper.evidence(cadreId, year), indicator);
    }

    private static BigDecimal evidenceTotal(List<Evidence> evidenceOfYear, String indicator) {
        return evidenceOfYear.stream().filter(e -> e.indicatorCode().equals(indicator))
                .filter(e -> Evidence.Source.IMPORT.name().equals(e.source()) || e.verifiedAt() != null)
                .map(Evidence::evidenceValue).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    BigDecimal trainingHours(long cadreId, int year, boolean digitalOnly) {
        return trainingHours(training.ledger(cadreId), year, digitalOnly);
    }

    private static BigDecimal trainingHours(List<TrainingRecord> ledger, int year, boolean digitalOnly) {
        return ledger.stream().filter(t -> t.trainingYear() == year)
                .filter(t -> !digitalOnly || DIGITAL_COURSE_WORDS.stream().anyMatch(w -> t.courseName().contains(w)))
                .map(TrainingRecord::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
