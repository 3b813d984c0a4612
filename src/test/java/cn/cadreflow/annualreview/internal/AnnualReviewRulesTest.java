package cn.cadreflow.annualreview.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.cadreflow.annualreview.DigitalIndicator;
import cn.cadreflow.annualreview.FrameworkItem;
import cn.cadreflow.annualreview.Grade;
import cn.cadreflow.annualreview.IndicatorScore;

/** The annual review's rules on plain values, without Spring or a database. */
class AnnualReviewRulesTest {

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void theTotalWeighsThePartsPresentAmongThemselves() {
        ReviewScores.WeightedPart self = new ReviewScores.WeightedPart(d("80"), d("10"));
        ReviewScores.WeightedPart peer = new ReviewScores.WeightedPart(d("90"), d("30"));
        ReviewScores.WeightedPart noLeaderYet = new ReviewScores.WeightedPart(null, d("40"));
        ReviewScores.WeightedPart digital = new ReviewScores.WeightedPart(d("60"), d("20"));
        // (80×10 + 90×30 + 60×20) / 60
        assertThat(ReviewScores.total(List.of(self, peer, noLeaderYet, digital))).isEqualByComparingTo("78.33");
        ReviewScores.WeightedPart leader = new ReviewScores.WeightedPart(d("95"), d("40"));
        // (800 + 2700 + 3800 + 1200) / 100
        assertThat(ReviewScores.total(List.of(self, peer, leader, digital))).isEqualByComparingTo("85.00");
        assertThat(ReviewScores.total(List.of(noLeaderYet))).isEqualByComparingTo("0");
    }

    @Test
    void theSelfScoreWeighsTheItemsByTheFrameworksWeights() {
        List<FrameworkItem> items = List.of(new FrameworkItem(1L, 1L, "A", "甲", d("60"), 1),
                new FrameworkItem(2L, 1L, "B", "乙", d("40"), 2));
        assertThat(ReviewScores.selfScore(items, Map.of("A", d("90"), "B", d("75")))).isEqualByComparingTo("84.00");
    }

    @Test
    void anIndicatorCountsUpToItsTargetAndTheDigitalScoreSumsTheWeightedAchievements() {
        DigitalIndicator hours = new DigitalIndicator(1L, "HOURS", "学时", "小时", d("40"), d("50"), 1);
        DigitalIndicator usage = new DigitalIndicator(2L, "USAGE", "平台使用", "次", d("200"), d("50"), 2);
        Map<String, IndicatorScore> scores = ReviewScores.indicatorScores(List.of(hours, usage),
                Map.of("HOURS", d("60"), "USAGE", d("50")));
        assertThat(scores.keySet()).containsExactly("HOURS", "USAGE");
        assertThat(scores.get("HOURS").achieved()).isEqualByComparingTo("100");
        assertThat(scores.get("USAGE").achieved()).isEqualByComparingTo("25");
        assertThat(ReviewScores.digitalScore(scores)).isEqualByComparingTo("62.50");
        assertThat(ReviewScores.indicatorScores(List.of(hours), Map.of()).get("HOURS").value()).isEqualByComparingTo("0");
    }

    @Test
    void theExcellentQuotaIsWithinThenNeedsApprovalThenExceeded() {
        // 20 reviews: 20% allows 4, 25% with approval allows 5
        assertThat(ExcellentQuota.status(20, 4, 20, 25)).isEqualTo(ExcellentQuota.Status.WITHIN);
        assertThat(ExcellentQuota.status(20, 5, 20, 25)).isEqualTo(ExcellentQuota.Status.NEEDS_APPROVAL);
        assertThat(ExcellentQuota.status(20, 6, 20, 25)).isEqualTo(ExcellentQuota.Status.EXCEEDED);
        // shares round down: 3 reviews at 20% allow none
        assertThat(ExcellentQuota.status(3, 1, 20, 25)).isEqualTo(ExcellentQuota.Status.EXCEEDED);
    }

    @Test
    void thePeerQuorumRoundsUp() {
        assertThat(PeerQuorum.votesNeeded(5, 80)).isEqualTo(4);
        assertThat(PeerQuorum.votesNeeded(1, 80)).isEqualTo(1);
        assertThat(PeerQuorum.votesNeeded(6, 80)).isEqualTo(5);
        assertThat(PeerQuorum.votesNeeded(0, 80)).isZero();
    }

    @Test
    void aToleratedMatterKeepsTheGradeFromGoingBelowTheSuggestion() {
        assertThat(GradeFloor.breached("基本称职", "称职", true)).contains(Grade.COMPETENT);
        assertThat(GradeFloor.breached("基本称职", "称职", false)).isEmpty();
        assertThat(GradeFloor.breached("称职", "称职", true)).isEmpty();
        assertThat(GradeFloor.breached("优秀", "称职", true)).isEmpty();
        assertThat(GradeFloor.breached(null, "称职", true)).isEmpty();
        assertThat(GradeFloor.breached("不称职", null, true)).isEmpty();
    }

    @Test
    void meritCountsConsecutiveExcellentYearsEndingWithTheReviewYear() {
        List<MeritRule.FiledGrade> filed = Arrays.asList(new MeritRule.FiledGrade(2039, "称职"),
                new MeritRule.FiledGrade(2038, "优秀"), new MeritRule.FiledGrade(2037, "优秀"),
                new MeritRule.FiledGrade(2036, "优秀"), new MeritRule.FiledGrade(2035, "称职"));
        assertThat(MeritRule.consecutiveExcellent(filed, 2038)).isEqualTo(3);
        assertThat(MeritRule.earned(filed, 2038, 3)).isTrue();
        assertThat(MeritRule.consecutiveExcellent(filed, 2037)).isEqualTo(2);
        assertThat(MeritRule.consecutiveExcellent(filed, 2039)).isZero();
        // a year without a filed grade breaks the run
        assertThat(MeritRule.consecutiveExcellent(List.of(new MeritRule.FiledGrade(2038, "优秀"),
                new MeritRule.FiledGrade(2036, "优秀")), 2038)).isEqualTo(1);
    }

    @Test
    void aYearOfTheReviewIsFrom2000ToNextYear() {
        java.time.LocalDate today = java.time.LocalDate.of(2026, 12, 2);
        assertThat(AppraisalYears.last(today)).isEqualTo(2027);
        AppraisalYears.check(2000, today);
        AppraisalYears.check(2027, today);
        for (int year : List.of(1999, 2028, 0, -1, Integer.MAX_VALUE)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> AppraisalYears.check(year, today))
                    .isInstanceOfSatisfying(cn.cadreflow.annualreview.AppraisalException.class,
                            e -> assertThat(e.args()).containsExactly("2000", "2027"));
        }
    }

    @Test
    void anEvidenceFigureFitsItsColumn() {
        assertThat(EvidenceValues.problem(d("0"))).isNull();
        assertThat(EvidenceValues.problem(d("99999999.99"))).isNull();
        assertThat(EvidenceValues.problem(d("12.50"))).isNull();
        assertThat(EvidenceValues.problem(null)).isEqualTo("appraisal.error.valueNegative");
        assertThat(EvidenceValues.problem(d("-0.01"))).isEqualTo("appraisal.error.valueNegative");
        assertThat(EvidenceValues.problem(d("100000000"))).isEqualTo("appraisal.error.valueTooLarge");
        assertThat(EvidenceValues.problem(d("1e400"))).isEqualTo("appraisal.error.valueTooLarge");
        assertThat(EvidenceValues.problem(d("0.001"))).isEqualTo("appraisal.error.valueDecimals");
    }
}
