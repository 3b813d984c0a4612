package cn.cadreflow.trainingleave;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.cadreflow.org.WorkCalendar;
import cn.cadreflow.workflow.ProcessReminders;
import cn.cadreflow.workflow.ProcessSteps;
import cn.cadreflow.workflow.UserDirectory;

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
    public static final String ORIGIN = "origin";
    public static final String HANDOVER = "handover";
    public static final String HANDOVER_REMINDER = "handoverReminder";
    public static final String HANDOVER_OVERDUE = "handoverOverdue";
    public static final String REMIND_HANDOVER = "remindHandover";
    public static final String ESCALATE_HANDOVER = "escalateHandover";
    public static final String HANDED_OVER = "handedOver";
    public static final String OWN_LEAVE_APPROVED = "ownLeaveApproved";
    public static final String PLAN_LEADER_APPROVAL = "planLeaderApproval";
    public static final String LEADER_REMINDER = "leaderReminder";
    public static final String LEADER_OVERDUE = "leaderOverdue";
    public static final String REMIND_LEADER = "remindLeader";
    public static final String ESCALATE_LEADER = "escalateLeader";
    public static final String PLAN_LEADER_DECISION = "planLeaderDecision";
    public static final String HANDOVER_REVISE = "handoverRevise";
    public static final String HANDOVER_RESUBMIT = "handoverResubmit";
    public static final String LEAVE_STARTS = "leaveStarts";
    public static final String ATTENDANCE = "attendance";
    public static final String ATTENDANCE_OUTCOME = "attendanceOutcome";
    public static final String DROP_OUT = "dropOut";
    public static final String DROP_OUT_NOTICE = "dropOutNotice";
    public static final String DROPPED_OUT = "droppedOut";
    public static final String CREDIT_ATTENDED = "creditAttended";
    public static final String LEARNING_REPORT = "learningReport";
    public static final String REPORT_READ = "reportRead";
    public static final String PLAN_COMPLETED = "planCompleted";

    private final TrainingLeaveService requests;
    private final WorkCalendar calendar;
    private final Clock clock;
    private final int leaderApprovalDays;
    private final int hrApprovalDays;
    private final int reviseDays;
    private final int completionReportDays;
    private final int completionCheckDays;
    private final ProcessReminders reminders;
    private final UserDirectory directory;
    private final int reminderDaysBefore;
    private final int escalationDaysBefore;
    private final int leaderReminderDaysBefore;
    private final int leaderEscalationDaysBefore;

    @SuppressWarnings("java:S107") // one setting per step, as the other processes' facades
    TrainingLeaveSteps(TrainingLeaveService requests, ProcessReminders reminders,
                       UserDirectory directory, WorkCalendar calendar, Clock clock,
                       @Value("${cadreflow.training-leave.due.leader-approval:3}") int leaderApprovalDays,
                       @Value("${cadreflow.training-leave.due.hr-approval:5}") int hrApprovalDays,
                       @Value("${cadreflow.training-leave.due.revise:7}") int reviseDays,
                       @Value("${cadreflow.training-leave.due.completion-report:5}") int completionReportDays,
                       @Value("${cadreflow.training-leave.due.completion-check:5}") int completionCheckDays,
                       @Value("${cadreflow.training-leave.reminder-days-before:14}") int reminderDaysBefore,
                       @Value("${cadreflow.training-leave.escalation-days-before:7}") int escalationDaysBefore,
                       @Value("${cadreflow.training-leave.leader-reminder-days-before:14}") int leaderReminderDaysBefore,
                       @Value("${cadreflow.training-leave.leader-escalation-days-before:7}") int leaderEscalationDaysBefore) {
        this.leaderReminderDaysBefore = leaderReminderDaysBefore;
        this.leaderEscalationDaysBefore = leaderEscalationDaysBefore;
        this.reminders = reminders;
        this.directory = directory;
        this.reminderDaysBefore = reminderDaysBefore;
        this.escalationDaysBefore = escalationDaysBefore;
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

    // ------------------------------------------------------------------ a leave of a published plan

    /**
     * 计划内培训？: the request was started from a published plan (at the start: to 工作交接 rather than the leader; after
     * 工作交接: to the leader's approval, while the cadre's own request, already approved, waits for its first day).
     */
    public boolean planned(Number requestId) {
        return requests.request(requestId.longValue()).planned();
    }

    /** 工作交接 begins: the cadre names a substitute. */
    public void handover(Number requestId) {
        requests.markStatus(requestId, TrainingLeaveRequest.Status.HANDOVER);
    }

    /** 工作交接 is due when the reminders escalate: some days before the leave starts. */
    public Date handoverDue(Number requestId) {
        return escalationAt(requestId);
    }

    /** 交接提醒: this many days (setting) before the course starts, the cadre is reminded (at once if later). */
    public Date reminderAt(Number requestId) {
        return beforeStart(requestId, reminderDaysBefore);
    }

    /** 交接超期: this many days (setting) before the course starts, HR is told too. */
    public Date escalationAt(Number requestId) {
        return beforeStart(requestId, escalationDaysBefore);
    }

    /**
     * 审批提醒 of a planned leave's 单位负责人审批: this many days (setting) before the course starts, the unit's leaders
     * holding the step are reminded (at once if later).
     */
    public Date leaderReminderAt(Number requestId) {
        return beforeStart(requestId, leaderReminderDaysBefore);
    }

    /** 审批超期: this many days (setting) before the course starts, the leaders again and the HR officers are told. */
    public Date leaderEscalationAt(Number requestId) {
        return beforeStart(requestId, leaderEscalationDaysBefore);
    }

    /** 提醒交接 / 提醒审批: whoever the open step waits for is reminded. */
    public void remind(String processInstanceId) {
        reminders.remind(processInstanceId, List.of());
    }

    /** 超期督办: whoever the open step waits for is reminded again and the HR officers over the unit are told. */
    public void escalate(String hrGroup, String processInstanceId) {
        reminders.remind(processInstanceId, directory.memberIds(hrGroup));
    }

    /** 培训开始 waits: the leader agreed, the leave is approved and counts as an absence. */
    public void leaveApproved(Number requestId) {
        requests.markStatus(requestId, TrainingLeaveRequest.Status.APPROVED);
    }

    /** 培训开始: the course's first day, at the start of the day. */
    public Date startsAt(Number requestId) {
        return Date.from(requests.request(requestId.longValue()).startDate().atStartOfDay(clock.getZone()).toInstant());
    }

    /** 考勤登记 begins: the cadre is away, HR records the days. */
    public void attendance(Number requestId) {
        requests.markStatus(requestId, TrainingLeaveRequest.Status.ON_LEAVE);
    }

    /** 考勤登记 is due that many working days after the course's last day (as the completion report). */
    public Date attendanceDue(Number requestId) {
        return completionReportDue(requestId);
    }

    /** 缺勤超过七分之一？: the absence recorded withdraws the cadre ({@link AbsenceRule}). */
    public boolean droppedOut(Number requestId) {
        TrainingLeaveRequest r = requests.request(requestId.longValue());
        return AbsenceRule.withdraws(r.hours(), requests.absentHours(r.id()));
    }

    /** 退学: the cadre is withdrawn; nothing is credited; HR's 退学通知 follows. */
    public void dropOut(Number requestId) {
        requests.markStatus(requestId, TrainingLeaveRequest.Status.DROPPED_OUT);
    }

    /** 学时记入培训台账 of a planned leave: the course's 学时 less the hours absent. */
    public void creditAttended(Number requestId) {
        TrainingLeaveRequest r = requests.request(requestId.longValue());
        requests.credit(requestId, AbsenceRule.credited(r.hours(), requests.absentHours(r.id())),
                TrainingLeaveRequest.Status.REPORTING);
    }

    /** 已结业: the leader has read the learning report. */
    public void reportRead(Number requestId) {
        requests.markStatus(requestId, TrainingLeaveRequest.Status.COMPLETED);
    }

    private Date beforeStart(Number requestId, int days) {
        ZonedDateTime now = ZonedDateTime.now(clock);
        ZonedDateTime at = requests.request(requestId.longValue()).startDate().minusDays(days).atTime(9, 0)
                .atZone(now.getZone());
        return Date.from((at.isAfter(now) ? at : now).toInstant());
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
