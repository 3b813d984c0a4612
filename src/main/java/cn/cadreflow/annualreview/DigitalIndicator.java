package cn.cadreflow.annualreview;

import java.math.BigDecimal;

/**
 * A digital-capability indicator: a year's evidence reaching {@code targetValue} earns the full 100 points;
 * the indicators' weights sum to 100.
 */
public record DigitalIndicator(Long id, String code, String name, String measureUnit, BigDecimal targetValue,
                               BigDecimal weight, int sortOrder) {
}
