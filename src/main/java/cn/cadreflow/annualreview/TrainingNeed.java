package cn.cadreflow.annualreview;

import java.time.LocalDateTime;

/**
 * A training need raised when a filed review's digital-capability score was weak: the indicator (capability)
 * that fell short, for training planning to act on; status OPEN until planning takes it up.
 */
public record TrainingNeed(Long id, Long cadreId, String cadreName, String unitName, String capabilityCode,
                           String capabilityName, Long sourceReviewId, Integer reviewYear, String status,
                           LocalDateTime createdAt) {
}
