package cn.cadreflow.trainingleave;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One course day of a planned leave's attendance (考勤): the hours attended and absent, and who recorded them. */
public record AttendanceDay(LocalDate courseDay, BigDecimal attended, BigDecimal absent, String recordedBy) {
}
