package cn.cadreflow.annualreview;

import java.math.BigDecimal;

/** One capability of a framework with its weight (the weights of a framework sum to 100). */
public record FrameworkItem(Long id, Long frameworkId, String code, String name, BigDecimal weight, int sortOrder) {
}
