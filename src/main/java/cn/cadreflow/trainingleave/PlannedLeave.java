package cn.cadreflow.trainingleave;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One published assignment of a yearly plan that takes the cadre away from the post (an immersive week or a 脱产
 * course), as the trainingplan module hands it over when a plan is published: what a per-leave process starts from.
 */
public record PlannedLeave(long planId, long cadreId, long courseId, String title, LocalDate startDate,
                           LocalDate endDate, String place, BigDecimal hours, boolean immersive) {
}
