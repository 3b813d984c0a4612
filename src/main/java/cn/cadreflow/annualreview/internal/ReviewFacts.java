package cn.cadreflow.annualreview.internal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.cadreflow.annualreview.internal.AppraisalMapper;
import cn.cadreflow.annualreview.AppraisalSettings;
import cn.cadreflow.annualreview.Evidence;
import cn.cadreflow.annualreview.Grade;
import cn.cadreflow.annualreview.IndicatorScore;
import cn.cadreflow.annualreview.Review;
import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.cadre.CadreFormats;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.org.OrgUnit;
import cn.cadreflow.org.Post;
import cn.cadreflow.training.TrainingLedger;
import cn.cadreflow.training.TrainingRecord;

/**
 * What the annual review knows about a cadre's year, read as it stands: filed grades, verified evidence, training
 * hours from the ledger, the digital-capability scores, and 述职's read-only facts.
 */
@Component
public class ReviewFacts {

    /** Ledger courses whose name holds one of these count as digital-literacy training. */
    static final List<String> DIGITAL_COURSE_WORDS = List.of("数字", "数据", "信息化", "网络安全", "人工智能");
    static final String TRAINING_HOURS_INDICATOR = "DIGITAL_TRAINING_HOURS";
    static final String PLATFORM_INDICATOR = "PLATFORM_USAGE";
    static final String NO_GRADE = "无";

    private final AppraisalMapper mapper;
    private final AppraisalSettings settings;
    private final OrgService org;
    private final TrainingLedger training;
    private final MessageSource messages;

    public ReviewFacts(AppraisalMapper mapper, AppraisalSettings settings, OrgService org,
                       TrainingLedger training, MessageSource messages) {
        this.mapper = mapper;
        this.settings = settings;
        this.org = org;
        this.training = training;
        this.messages = messages;
    }

    /**
     * 民主测评 as the unit leader may see it: how many rated, the average score and the votes per grade, as process
     * variables for 单位负责人评鉴's form. Counts and aggregates only: no rater and no single vote.
     */
    public Map<String, Object> peerResult(long reviewId) {
        Review r = mapper.review(reviewId);
        Map<String, Object> result = new HashMap<>();
        result.put("peerCount", r.peerVotes());
        if (r.peerScore() != null) {
            result.put("peerAverage", r.peerScore().doubleValue());
        }
        for (Grade g : Grade.values()) {
            result.put(PEER_VOTE_VARIABLES.get(g), 0);
        }
        for (AppraisalMapper.VoteCount v : mapper.votesOfRole(reviewId, AnnualReviewHandler.PEER)) {
            Grade g = Grade.of(v.voteGrade());
            if (g != null) {
                result.put(PEER_VOTE_VARIABLES.get(g), v.votes());
            }
        }
        return result;
    }

    static final Map<Grade, String> PEER_VOTE_VARIABLES = Map.of(Grade.EXCELLENT, "peerExcellent",
            Grade.COMPETENT, "peerCompetent", Grade.BASICALLY_COMPETENT, "peerBasicallyCompetent",
            Grade.INCOMPETENT, "peerIncompetent");

    /** The filed grade of a year, or 无 when there is none. */
    public String gradeOf(long cadreId, int year) {
        return mapper.filedGrades(cadreId).stream().filter(g -> g.reviewYear() == year)
                .map(AppraisalMapper.YearGrade::finalGrade).findFirst().orElse(NO_GRADE);
    }

    /** The filed grades of the cadre, newest first. */
    List<MeritRule.FiledGrade> filedGrades(long cadreId) {
        return mapper.filedGrades(cadreId).stream()
                .map(g -> new MeritRule.FiledGrade(g.reviewYear(), g.finalGrade())).toList();
    }

    /**
     * The cadre's facts for 述职's read-only fields (post, unit, rank, 出生年月, 政治面貌, 文化程度, 任现职时间, last
     * year's grade, training hours,
     * platform usage), read when the task is shown and when it is submitted, so evidence and training recorded
     * after the launch count; the submitted step keeps them in the instance for the later steps.
     */
    public Map<String, Object> cadreFacts(Cadre c, int reviewYear) {
        Map<String, Object> known = new HashMap<>();
        known.put("cadreId", c.id());
        known.put("cadreName", c.name());
        known.put("unitId", c.unitId());
        known.put("unitName", org.unit(c.unitId()).map(OrgUnit::name).orElse(""));
        known.put("postName", org.post(c.postId()).map(Post::name).orElse(""));
        known.put("rankName", messages.getMessage("rank." + c.rankCode(), null, c.rankCode(), Locale.SIMPLIFIED_CHINESE));
        // the 登记表's own fields, written as the paper form writes them (出生年月 1990.01)
        known.put("birthMonth", CadreFormats.yearMonth(c.birthDate(), Locale.SIMPLIFIED_CHINESE));
        known.put("politicalStatus", messages.getMessage("political." + c.politicalStatus(), null,
                c.politicalStatus(), Locale.SIMPLIFIED_CHINESE));
        known.put("education", messages.getMessage("education." + c.education(), null, c.education(),
                Locale.SIMPLIFIED_CHINESE));
        known.put("postSince", CadreFormats.yearMonth(c.postSince(), Locale.SIMPLIFIED_CHINESE));
        known.put("lastYearGrade", gradeOf(c.id(), reviewYear - 1));
        known.put("trainingHoursThisYear", trainingHours(c.id(), reviewYear, false).doubleValue());
        known.put("platformUsage", platformUsage(c.id(), reviewYear));
        return known;
    }

    public double platformUsage(long cadreId, int year) {
        return evidenceTotal(mapper.evidence(cadreId, year), PLATFORM_INDICATOR).doubleValue();
    }

    /** Each indicator's raw value and achievement (0–100), in indicator order. */
    public Map<String, IndicatorScore> indicatorScores(long cadreId, int year) {
        List<Evidence> evidence = mapper.evidence(cadreId, year);
        Map<String, BigDecimal> values = new HashMap<>();
        settings.indicators().forEach(i -> values.put(i.code(), evidenceTotal(evidence, i.code())));
        values.computeIfPresent(TRAINING_HOURS_INDICATOR, (k, v) -> v.add(trainingHours(cadreId, year, true)));
        return ReviewScores.indicatorScores(settings.indicators(), values);
    }

    /** The digital-capability score (0–100) of the review's cadre and year. */
    public BigDecimal digitalScore(Review r) {
        return ReviewScores.digitalScore(indicatorScores(r.cadreId(), r.reviewYear()));
    }

    /** Imported figures count as they are; figures a cadre entered count once an HR officer verified them. */
    private static BigDecimal evidenceTotal(List<Evidence> evidenceOfYear, String indicator) {
        return evidenceOfYear.stream().filter(e -> e.indicatorCode().equals(indicator))
                .filter(e -> Evidence.Source.IMPORT.name().equals(e.source()) || e.verifiedAt() != null)
                .map(Evidence::evidenceValue).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private BigDecimal trainingHours(long cadreId, int year, boolean digitalOnly) {
        return training.ledger(cadreId).stream().filter(t -> t.trainingYear() == year)
                .filter(t -> !digitalOnly || DIGITAL_COURSE_WORDS.stream().anyMatch(w -> t.courseName().contains(w)))
                .map(TrainingRecord::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
