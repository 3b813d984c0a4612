package cn.cadreflow.annualreview;

import java.math.BigDecimal;

/** One digital-capability indicator of a cadre's year: the raw value, its achievement (0–100) and weighted share. */
public record IndicatorScore(DigitalIndicator indicator, BigDecimal value, BigDecimal achieved, BigDecimal weighted) {
}
