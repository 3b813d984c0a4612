package cn.cadreflow.annualreview.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.cadreflow.annualreview.DigitalIndicator;
import cn.cadreflow.annualreview.FrameworkItem;
import cn.cadreflow.annualreview.IndicatorScore;

/** The annual review's scoring rules, on plain values: the self score, the digital-capability score, the total. */
public final class ReviewScores {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ReviewScores() {
    }

    /** 述职's self score: the item scores weighted by the framework's item weights (which sum to 100). */
    public static BigDecimal selfScore(List<FrameworkItem> items, Map<String, BigDecimal> itemScores) {
        BigDecimal weighted = BigDecimal.ZERO;
        for (FrameworkItem item : items) {
            weighted = weighted.add(itemScores.get(item.code()).multiply(item.weight()));
        }
        return weighted.divide(HUNDRED, 2, RoundingMode.HALF_UP);
    }

    /**
     * Each indicator's raw value and achievement (0–100, the value against the target, capped), weighted by the
     * indicator's weight, in indicator order.
     */
    public static Map<String, IndicatorScore> indicatorScores(List<DigitalIndicator> indicators,
                                                              Map<String, BigDecimal> values) {
        Map<String, IndicatorScore> scores = new LinkedHashMap<>();
        for (DigitalIndicator i : indicators) {
            BigDecimal value = values.getOrDefault(i.code(), BigDecimal.ZERO);
            BigDecimal achieved = value.multiply(HUNDRED).divide(i.targetValue(), 2, RoundingMode.HALF_UP).min(HUNDRED);
            scores.put(i.code(), new IndicatorScore(i, value, achieved,
                    achieved.multiply(i.weight()).divide(HUNDRED, 4, RoundingMode.HALF_UP)));
        }
        return scores;
    }

    /** The digital-capability score (0–100): the sum of the weighted indicator achievements. */
    public static BigDecimal digitalScore(Map<String, IndicatorScore> scores) {
        return scores.values().stream().map(IndicatorScore::weighted).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * The weighted total (0–100) of the scores present: each part (self, peer, leader, digital) with its rule
     * weight, over the weights of the parts present (before the leader has rated, the others are re-weighted
     * among themselves); 0 when none is.
     */
    public static BigDecimal total(List<WeightedPart> parts) {
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal weights = BigDecimal.ZERO;
        for (WeightedPart part : parts) {
            if (part.score() != null) {
                sum = sum.add(part.score().multiply(part.weight()));
                weights = weights.add(part.weight());
            }
        }
        return weights.signum() == 0 ? BigDecimal.ZERO : sum.divide(weights, 2, RoundingMode.HALF_UP);
    }

    /** A part of the total: its score (null when not given yet) and its weight. */
    public record WeightedPart(BigDecimal score, BigDecimal weight) {
    }
}
