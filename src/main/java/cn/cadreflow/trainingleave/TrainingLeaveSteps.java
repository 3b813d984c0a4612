package cn.cadreflow.trainingleave;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Date;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.cadreflow.org.WorkCalendar;
import cn.cadreflow.workflow.ProcessSteps;

/**
 * What processes/training-leave.bpmn calls, one method per step of the diagram, each taking the request's id; the
 * step ids are the constants below, shared with the tests. The work is done by {@link TrainingLeaveService}.
 * The approval and revise steps are due after a number of working days of the {@link WorkCalendar} (settings
 * {@code cadreflow.training-leave.due.*}), so a request arriving on a Wednesday is not due on the Saturday; the
 * completion report is due that many working days after the course's last day.
 */
@Component(TrainingLeaveSteps.BEAN)
public class TrainingLeaveSteps implements ProcessSteps {

    public static final String BEAN = TrainingLeaveService.PROCESS_KEY + "Steps";

    public static final String SUBMITTED = "submitted";
    public static final String LEADER_APPROVAL = "leaderApproval";
    public static final String LEADER_DECISION = "leaderDecision";
    public static final String HR_APPROVAL = "hrApproval";
    public static final String HR_DECISION = "hrDecision";
    public static final String REJECTED = "rejected";
    public static final String COMPLETION_REPORT = "completionReport";
    public static final String COMPLETION_CHECK = "completionCheck";
    public static final String COMPLETION_DECISION = "completionDecision";
    public static final String CREDIT_HOURS = "creditHours";
    public static final String COMPLETED = "completed";
    public static final String REVISE = "revise";
    public static final String RESUBMIT_DECISION = "resubmitDecision";
    public static final String WITHDRAWN = "withdrawn";

    private final TrainingLeaveService requests;
    private final WorkCalendar calendar;
    private final Clock clock;
    private final int leaderApprovalDays;
    private final int hrApprovalDays;
    private final int reviseDays;
    private final int completionReportDays;
    private final int completionCheckDays;

    TrainingLeaveSteps(TrainingLeaveService requests, WorkCalendar calendar, Clock clock,
                       @Value("${cadreflow.training-leave.due.leader-approval:3}") int leaderApprovalDays,
                       @Value("${cadreflow.training-leave.due.hr-approval:5}") int hrApprovalDays,
                       @Value("${cadreflow.training-leave.due.revise:7}") int reviseDays,
                       @Value("${cadreflow.training-leave.due.completion-report:5}") int completionReportDays,
                       @Value("${cadreflow.training-leave.due.completion-check:5}") int completionCheckDays) {
        this.requests = requests;
        this.calendar = calendar;
        this.clock = clock;
        this.leaderApprovalDays = leaderApprovalDays;
        this.hrApprovalDays = hrApprovalDays;
        this.reviseDays = reviseDays;
        this.completionReportDays = completionReportDays;
        this.completionCheckDays = completionCheckDays;
    }

    /** 提交申请: the request row learns its process instance. */
    public void submitted(Number requestId, String processInstanceId) {
        requests.attachProcess(requestId, processInstanceId);
    }

    /** 单位负责人审批 begins (also after a resubmission). */
    public void leaderApproval(Number requestId) {
        requests.markStatus(requestId, TrainingLeaveRequest.Status.PENDING_LEADER);
    }

    /** 组织部审批 begins. */
    public void hrApproval(Number requestId) {
        requests.markStatus(requestId, TrainingLeaveRequest.Status.PENDING_HR);
    }

    /**
     * 记入培训台账 of version 1 of the model, which credited the course when HR approved: its instances still
     * running at 组织部审批 call this, and keep that behaviour (they have no completion step to wait for).
     */
    public void recordLedger(Number requestId) {
        requests.credit(requestId, null, TrainingLeaveRequest.Status.APPROVED);
    }

    /** 未批准: HR said no (不同意), which ends the request. */
    public void rejected(Number requestId) {
        requests.markStatus(requestId, TrainingLeaveRequest.Status.REJECTED);
    }

    /** 结业报告 begins: the leave is approved; the cadre reports once the course is over. */
    public void completionReport(Number requestId) {
        requests.markStatus(requestId, TrainingLeaveRequest.Status.APPROVED);
    }

    /** 组织部确认结业 begins. */
    public void completionCheck(Number requestId) {
        requests.markStatus(requestId, TrainingLeaveRequest.Status.CONFIRMING);
    }

    /** 学时记入培训台账: HR confirmed the completion; the hours attended go to the ledger. */
    public void creditHours(Number requestId, Number completedHours) {
        requests.credit(requestId, completedHours, TrainingLeaveRequest.Status.COMPLETED);
    }

    /** 修改申请: the request went back to the cadre. */
    public void revise(Number requestId) {
        requests.markStatus(requestId, TrainingLeaveRequest.Status.RETURNED);
    }

    /** 已撤销: the cadre gave the request up. */
    public void withdrawn(Number requestId) {
        requests.markStatus(requestId, TrainingLeaveRequest.Status.WITHDRAWN);
    }

    /** 单位负责人审批 is due this many working days from now. */
    public Date leaderApprovalDue() {
        return workingDaysFromNow(leaderApprovalDays);
    }

    /** 组织部审批 is due this many working days from now. */
    public Date hrApprovalDue() {
        return workingDaysFromNow(hrApprovalDays);
    }

    /** 结业报告 is due this many working days after the course's last day (or from now, if that has passed). */
    public Date completionReportDue(Number requestId) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        ZonedDateTime end = requests.request(requestId.longValue()).endDate().atTime(now.toLocalTime())
                .atZone(now.getZone());
        return Date.from(calendar.afterWorkingDays(end.isAfter(now) ? end : now, completionReportDays).toInstant());
    }

    /** 组织部确认结业 is due this many working days from now. */
    public Date completionCheckDue() {
        return workingDaysFromNow(completionCheckDays);
    }

    /** 修改申请 is due this many working days from now. */
    public Date reviseDue() {
        return workingDaysFromNow(reviseDays);
    }

    /** The n-th working day after today ({@link WorkCalendar#afterWorkingDays}), at the present time of day. */
    private Date workingDaysFromNow(int n) {
        return Date.from(calendar.afterWorkingDays(ZonedDateTime.now(clock), n).toInstant());
    }
}
