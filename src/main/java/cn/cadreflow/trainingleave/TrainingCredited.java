package cn.cadreflow.trainingleave;

/**
 * A training leave's hours went into the training ledger: the cadre completed the course. Published in the
 * transaction that credits them (a listener's failure undoes the credit); {@code courseId} is the catalogue course of
 * a planned leave, {@code null} for a cadre's own request.
 */
public record TrainingCredited(long requestId, long cadreId, Long courseId, String courseName) {
}
