package cn.cadreflow.annualreview.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.cadreflow.annualreview.internal.AppraisalMapper;
import cn.cadreflow.annualreview.AppraisalSettings;
import cn.cadreflow.annualreview.Review;

/** Writes of the review record that more than one step makes: its status, the stored scores, the filed result. */
@Component
public class ReviewRecords {

    /** The honour flagged after consecutive 优秀 years. */
    public static final String MERIT = "THIRD_CLASS_MERIT";

    private final AppraisalMapper mapper;
    private final AppraisalSettings settings;
    private final ReviewFacts facts;
    private final Clock clock;

    public ReviewRecords(AppraisalMapper mapper, AppraisalSettings settings, ReviewFacts facts, Clock clock) {
        this.mapper = mapper;
        this.settings = settings;
        this.facts = facts;
        this.clock = clock;
    }

    public void markStatus(long reviewId, Review.Status status) {
        mapper.updateStatus(reviewId, status.name(), clock.instant());
    }

    /**
     * The weighted total (0–100) of the scores so far, self, peer, leader and digital with the rule weights
     * ({@link ReviewScores#total}); stores it with the digital score and returns it.
     */
    public BigDecimal storeScores(long reviewId) {
        Review r = mapper.review(reviewId);
        BigDecimal digital = facts.digitalScore(r);
        Map<String, String> rules = settings.rules();
        BigDecimal total = ReviewScores.total(List.of(
                part(r.selfScore(), rules.get(AppraisalSettings.WEIGHT_SELF)),
                part(r.peerScore(), rules.get(AppraisalSettings.WEIGHT_PEER)),
                part(r.leaderScore(), rules.get(AppraisalSettings.WEIGHT_LEADER)),
                part(digital, rules.get(AppraisalSettings.WEIGHT_DIGITAL))));
        mapper.setScores(reviewId, digital, total, clock.instant());
        return total;
    }

    private static ReviewScores.WeightedPart part(BigDecimal score, String weight) {
        return new ReviewScores.WeightedPart(score, new BigDecimal(weight));
    }

    /**
     * Files the result: the final grade; a 三等功 flag after the configured number of consecutive 优秀 years
     * ({@link MeritRule}), once; a training need for each digital indicator below the threshold when the
     * digital-capability score is weak, once.
     */
    public void file(long reviewId) {
        Review r = mapper.review(reviewId);
        mapper.setFinal(reviewId, r.finalGrade(), clock.instant());
        if (MeritRule.earned(facts.filedGrades(r.cadreId()), r.reviewYear(),
                settings.intRule(AppraisalSettings.MERIT_YEARS))
                && mapper.countHonours(r.cadreId(), MERIT, r.reviewYear()) == 0) {
            mapper.insertHonour(r.cadreId(), MERIT, r.reviewYear(), reviewId, clock.instant());
        }
        BigDecimal threshold = BigDecimal.valueOf(settings.intRule(AppraisalSettings.DIGITAL_WEAK));
        BigDecimal digital = r.digitalScore() != null ? r.digitalScore() : facts.digitalScore(r);
        if (digital.compareTo(threshold) < 0 && mapper.countTrainingNeeds(reviewId) == 0) {
            facts.indicatorScores(r.cadreId(), r.reviewYear()).values().stream()
                    .filter(s -> s.achieved().compareTo(threshold) < 0)
                    .forEach(s -> mapper.insertTrainingNeed(r.cadreId(), s.indicator().code(), s.indicator().name(),
                            reviewId, clock.instant()));
        }
    }
}
