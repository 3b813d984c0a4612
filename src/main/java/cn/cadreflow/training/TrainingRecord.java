package cn.cadreflow.training;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One line of a cadre's training ledger (培训台账). */
public record TrainingRecord(Long id, Long cadreId, int trainingYear, String courseName, String organizer,
                             String trainingType, LocalDate startDate, LocalDate endDate, BigDecimal hours,
                             Long requestId) {
}
