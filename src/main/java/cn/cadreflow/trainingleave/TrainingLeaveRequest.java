package cn.cadreflow.trainingleave;

import java.math.BigDecimal;
import java.time.LocalDate;

public record TrainingLeaveRequest(Long id, Long cadreId, String courseName, String organizer, String trainingType,
                                   LocalDate startDate, LocalDate endDate, BigDecimal hours, String location,
                                   String reason, String status, String processInstanceId, Long planId,
                                   Long courseId, Long substituteCadreId, String handover) {

    /** Started from a published yearly plan (not by the cadre's own request). */
    public boolean planned() {
        return planId != null;
    }

    /**
     * Where a request stands; kept in step with the process by listeners in training-leave.bpmn. REJECTED: HR said
     * no (不同意). From version 4 of the model an own request, once HR agrees, runs as a planned leave:
     * HANDOVER: the cadre names a substitute (工作交接); APPROVED: the leave waits for its first day (on version 3
     * and earlier: approved, the completion report (结业报告) awaited; CONFIRMING: HR confirms it); ON_LEAVE:
     * attendance is being recorded; DROPPED_OUT: withdrawn (退学) for absence beyond 1/7 of the hours; REPORTING:
     * the hours are credited, the learning report (学习报告) and the leader's reading are awaited.
     */
    public enum Status { PENDING_LEADER, PENDING_HR, RETURNED, WITHDRAWN, APPROVED, TERMINATED, REJECTED, CONFIRMING,
        COMPLETED, HANDOVER, ON_LEAVE, DROPPED_OUT, REPORTING }
}
