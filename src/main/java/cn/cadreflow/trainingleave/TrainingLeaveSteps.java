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
 * {@code cadreflow.training-leave.due.*}), so a request arriving on a Wednesday is not due on the Saturday.
 */
@Component(TrainingLeaveSteps.BEAN)
public class TrainingLeaveSteps implements ProcessSteps {

    public static final String BEAN = TrainingLeaveService.PROCESS_KEY + "Steps";

    public static final String SUBMITTED = "submitted";
    public static final String LEADER_APPROVAL = "leaderApproval";
    public static final String LEADER_DECISION = "leaderDecision";
    public static final String HR_APPROVAL = "hrApproval";
    public static final String HR_DECISION = "hrDecision";
    public static final String RECORD_LEDGER = "recordLedger";
    public static final String APPROVED = "approved";
    public static final String REVISE = "revise";
    public static final String RESUBMIT_DECISION = "resubmitDecision";
    public static final String WITHDRAWN = "withdrawn";

    private final TrainingLeaveService requests;
    private final WorkCalendar calendar;
    private final Clock clock;
    private final int leaderApprovalDays;
    private final int hrApprovalDays;
    private final int reviseDays;

    TrainingLeaveSteps(TrainingLeaveService requests, WorkCalendar calendar, Clock clock,
                       @Value("${cadreflow.training-leave.due.leader-approval:3}") int leaderApprovalDays,
                       @Value("${cadreflow.training-leave.due.hr-approval:5}") int hrApprovalDays,
                       @Value("${cadreflow.training-leave.due.revise:7}") int reviseDays) {
        this.requests = requests;
        this.calendar = calendar;
        this.clock = clock;
        this.leaderApprovalDays = leaderApprovalDays;
        this.hrApprovalDays = hrApprovalDays;
        this.reviseDays = reviseDays;
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

    /** 记入培训台账: HR approved; the course goes to the ledger and the request is approved. */
    public void recordLedger(Number requestId) {
        requests.recordApproved(requestId);
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

    /** 修改申请 is due this many working days from now. */
    public Date reviseDue() {
        return workingDaysFromNow(reviseDays);
    }

    /** The n-th working day after today ({@link WorkCalendar#afterWorkingDays}), at the present time of day. */
    private Date workingDaysFromNow(int n) {
        return Date.from(calendar.afterWorkingDays(ZonedDateTime.now(clock), n).toInstant());
    }
}
