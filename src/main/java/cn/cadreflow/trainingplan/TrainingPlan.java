package cn.cadreflow.trainingplan;

import java.time.Instant;
import java.util.List;

/**
 * A yearly training plan for a set of units: OPEN while HR plans it, PUBLISHED once a proposal passed the
 * independent checker and was published (it may be re-planned and published again). {@code openedBy} is the HR
 * officer, or {@link TrainingPlanService#TIMER} when the yearly timer opened it.
 */
public record TrainingPlan(long id, int year, List<Long> unitIds, Status status, String openedBy, Instant openedAt,
                           String publishedBy, Instant publishedAt) {

    public enum Status { OPEN, PUBLISHED }

    public TrainingPlan {
        unitIds = List.copyOf(unitIds);
    }
}
