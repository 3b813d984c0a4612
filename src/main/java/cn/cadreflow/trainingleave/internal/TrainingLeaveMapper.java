package cn.cadreflow.trainingleave.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import cn.cadreflow.trainingleave.AttendanceDay;
import cn.cadreflow.trainingleave.TrainingLeaveRequest;

/** Training-leave requests (training_leave_request). */
@Mapper
public interface TrainingLeaveMapper {

    TrainingLeaveRequest findRequest(@Param("id") long id);

    /** Requests of the cadre that are still on (not withdrawn, rejected or terminated) and overlap the given dates. */
    int countOverlapping(@Param("cadreId") long cadreId, @Param("startDate") LocalDate startDate,
                         @Param("endDate") LocalDate endDate, @Param("excludeId") Long excludeId);

    /**
     * The cadres' own (not planned) requests that overlap the dates and are approved: from HR's 同意 on (工作交接,
     * waiting for the first day, on leave, reporting, completed), not withdrawn, ended or dropped out.
     */
    List<TrainingLeaveRequest> approvedOverlapping(@Param("cadreIds") Collection<Long> cadreIds,
                                                   @Param("from") LocalDate from, @Param("to") LocalDate to);

    List<TrainingLeaveRequest> plannedOverlapping(@Param("cadreIds") Collection<Long> cadreIds,
                                                   @Param("from") LocalDate from, @Param("to") LocalDate to);

    void insertRequest(RequestRow row);

    void updateRequest(RequestRow row);

    void updateStatus(@Param("id") long id, @Param("status") TrainingLeaveRequest.Status status,
                      @Param("at") Instant at);

    TrainingLeaveRequest findByProcess(@Param("processInstanceId") String processInstanceId);

    /** The requests started from this plan's published assignments, in any status. */
    List<TrainingLeaveRequest> ofPlan(@Param("planId") long planId);

    /**
     * The requests with a process instance in one of these statuses, of one cadre ({@code cadreId}) or of all; the
     * rows of a step's status are few (those waiting for it now), so callers narrow them to their scope in memory.
     */
    List<TrainingLeaveRequest> withStatus(@Param("cadreId") Long cadreId,
                                          @Param("statuses") Collection<TrainingLeaveRequest.Status> statuses);

    void handOver(@Param("id") long id, @Param("substituteCadreId") long substituteCadreId,
                  @Param("handover") String handover, @Param("at") Instant at);

    void endedBecause(@Param("id") long id, @Param("reason") String reason, @Param("at") Instant at);

    List<AttendanceDay> attendance(@Param("requestId") long requestId);

    void deleteAttendance(@Param("requestId") long requestId, @Param("day") LocalDate day);

    void insertAttendance(@Param("requestId") long requestId, @Param("day") AttendanceDay day, @Param("at") Instant at);

    void attachProcess(@Param("id") long id, @Param("processInstanceId") String processInstanceId);

    final class RequestRow {
        public Long id;
        public Long cadreId;
        public String courseName;
        public String organizer;
        public String trainingType;
        public LocalDate startDate;
        public LocalDate endDate;
        public BigDecimal hours;
        public String location;
        public String reason;
        public TrainingLeaveRequest.Status status;
        public Instant at;
        public Long planId;
        public Long courseId;
    }
}
