package cn.cadreflow.trainingleave;

import java.math.BigDecimal;
import java.time.LocalDate;

public record TrainingLeaveRequest(Long id, Long cadreId, String courseName, String organizer, String trainingType,
                                   LocalDate startDate, LocalDate endDate, BigDecimal hours, String location,
                                   String reason, String status, String processInstanceId) {

    /**
     * Where a request stands; kept in step with the process by listeners in training-leave.bpmn. APPROVED: the
     * leave is approved and the cadre's completion report (结业报告) is awaited; CONFIRMING: HR confirms the
     * completion; COMPLETED: confirmed, the hours are in the ledger; REJECTED: HR said no (不同意).
     */
    public enum Status { PENDING_LEADER, PENDING_HR, RETURNED, WITHDRAWN, APPROVED, TERMINATED, REJECTED, CONFIRMING,
        COMPLETED }
}
