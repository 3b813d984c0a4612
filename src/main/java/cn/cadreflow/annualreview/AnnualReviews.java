package cn.cadreflow.annualreview;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import cn.cadreflow.annualreview.internal.AppraisalMapper;
import cn.cadreflow.annualreview.internal.ReviewFacts;
import cn.cadreflow.annualreview.internal.ReviewRecords;

/** Reading annual reviews: a cadre's reviews, grades, digital-capability scores, honours and training needs. */
@Service
public class AnnualReviews {

    private final AppraisalMapper mapper;
    private final ReviewFacts facts;

    public AnnualReviews(AppraisalMapper mapper, ReviewFacts facts) {
        this.mapper = mapper;
        this.facts = facts;
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

    /** The filed grade of a year, or 无 when there is none. */
    public String gradeOf(long cadreId, int year) {
        return facts.gradeOf(cadreId, year);
    }

    /** Each digital-capability indicator's raw value and achievement (0–100) in the year, in indicator order. */
    public Map<String, IndicatorScore> indicatorScores(long cadreId, int year) {
        return facts.indicatorScores(cadreId, year);
    }

    /** The years for which the cadre was flagged for 三等功. */
    public Set<Integer> meritYears(long cadreId) {
        return Set.copyOf(mapper.honourYears(cadreId, ReviewRecords.MERIT));
    }

    public int honours(long cadreId, int year) {
        return mapper.countHonours(cadreId, ReviewRecords.MERIT, year);
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
}
