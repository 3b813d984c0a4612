package cn.cadreflow.tolerance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.cadreflow.org.OrgService;
import cn.cadreflow.org.OrgUnit;
import cn.cadreflow.org.WorkCalendar;
import cn.cadreflow.security.AppGroups;
import cn.cadreflow.security.AppUser;
import cn.cadreflow.security.UserService;
import cn.cadreflow.tolerance.internal.CaseMapper;
import cn.cadreflow.tolerance.internal.ToleranceSettings;
import cn.cadreflow.workflow.ProcessReminders;
import cn.cadreflow.workflow.ProcessSteps;
import cn.cadreflow.workflow.UserDirectory;

/**
 * What processes/tolerance.bpmn calls, and nothing else: one method per step (listeners, candidates, due dates,
 * timers, service tasks), each taking the case's id. Deadlines are working days of the {@link WorkCalendar} from
 * {@link ToleranceSettings}, read when the step begins. The form steps' checks and records are in the module's
 * process handler.
 */
@Component(ToleranceSteps.BEAN)
public class ToleranceSteps implements ProcessSteps {

    public static final String BEAN = ToleranceStep.PROCESS_KEY + "Steps";

    private final CaseMapper cases;
    private final ToleranceService outcomes;
    private final ToleranceSettings settings;
    private final UserService users;
    private final UserDirectory directory;
    private final OrgService org;
    private final ProcessReminders reminders;
    private final WorkCalendar calendar;
    private final Clock clock;

    ToleranceSteps(CaseMapper cases, ToleranceService outcomes, ToleranceSettings settings, UserService users,
                   UserDirectory directory, OrgService org, ProcessReminders reminders,
                   WorkCalendar calendar, Clock clock) {
        this.cases = cases;
        this.outcomes = outcomes;
        this.settings = settings;
        this.users = users;
        this.directory = directory;
        this.org = org;
        this.reminders = reminders;
        this.calendar = calendar;
        this.clock = clock;
    }

    /** The instance started: the case knows its process. */
    public void opened(Number caseId, String processInstanceId) {
        cases.attachProcess(caseId.longValue(), processInstanceId);
        ToleranceCase c = cases.find(caseId.longValue());
        if (c.kind() == ToleranceCase.Kind.LEAD) {
            // the cadre is told a case exists and may write a statement early (提前陈述); nobody else is told
            users.findByCadre(c.cadreId()).filter(AppUser::enabled).ifPresent(u -> reminders.tell(
                    ToleranceStep.PROCESS_KEY, processInstanceId, "RC-" + c.id(), u.username(),
                    "tolerance.early.notice"));
        }
    }

    // ------------------------------------------------------------------ 受理 acceptance

    public void acceptanceStarted(Number caseId) {
        status(caseId, ToleranceCase.Status.ACCEPTANCE);
    }

    public Date acceptanceDue() {
        return workingDays(settings.acceptanceDays());
    }

    /** 受理即将到期: the reminder's time, some working days before 受理 is due. */
    public Date acceptanceReminderAt() {
        return workingDays(settings.acceptanceDays() - settings.reminderDaysBefore());
    }

    /** 提醒受理: the people the case waits for are reminded. */
    public void remind(Number caseId, String processInstanceId) {
        reminders.remind(processInstanceId, List.of());
    }

    /**
     * 受理超期督办: the people the case waits for are reminded, and the head of the organisation department (组织部长,
     * {@code orghead-<unit>}) over the cadre's unit is told; where no head is set up over it, the HR officers over the
     * unit above.
     */
    public void escalateAcceptance(Number caseId, String processInstanceId) {
        ToleranceCase c = cases.find(caseId.longValue());
        List<String> heads = directory.memberIds(AppGroups.orgHeads(c.unitId()));
        reminders.remind(processInstanceId, heads.isEmpty() ? hrAbove(c) : heads);
    }

    /**
     * 纠错超期督办: the people the case waits for are reminded, and the HR officers over the unit above the cadre's
     * (the organisation department one level up) are told.
     */
    public void escalate(Number caseId, String processInstanceId) {
        reminders.remind(processInstanceId, hrAbove(cases.find(caseId.longValue())));
    }

    private List<String> hrAbove(ToleranceCase c) {
        Long parent = org.unit(c.unitId()).map(OrgUnit::parentId).orElse(null);
        return parent == null ? List.of() : directory.memberIds(AppGroups.hrOfficers(parent));
    }

    /**
     * The cadre's steps (不予受理通知, 本人陈述, 认定结果通知) go to the cadre ({@code cadreUser}); for a cadre
     * without an enabled account the HR officers over the unit record them (代录).
     */
    public List<String> cadreStepGroups(Number caseId) {
        ToleranceCase c = cases.find(caseId.longValue());
        if (users.findByCadre(c.cadreId()).filter(AppUser::enabled).isPresent()) {
            return List.of();
        }
        return List.of(AppGroups.hrOfficers(c.unitId()));
    }

    // ------------------------------------------------------------------ 不予受理 and its appeal

    public void declineNoticeStarted(Number caseId) {
        status(caseId, ToleranceCase.Status.DECLINE_NOTICE);
    }

    public void declineAppealStarted(Number caseId) {
        status(caseId, ToleranceCase.Status.DECLINE_APPEAL);
    }

    public void declined(Number caseId) {
        status(caseId, ToleranceCase.Status.DECLINED);
    }

    /** The appeal window, as an ISO duration in days (申诉期限). */
    public String appealWindow() {
        return "P" + settings.appealDays() + "D";
    }

    // ------------------------------------------------------------------ 听取本人陈述, 调查核实

    public void statementStarted(Number caseId) {
        status(caseId, ToleranceCase.Status.STATEMENT);
    }

    public Date statementDue() {
        return workingDays(settings.statementDays());
    }

    public void investigationStarted(Number caseId) {
        status(caseId, ToleranceCase.Status.INVESTIGATION);
    }

    public Date investigationDue() {
        return workingDays(settings.investigationDays());
    }

    // ------------------------------------------------------------------ 认定

    /** The committee's step begins: the DMN's proposal and the rule's reason are kept with the case. */
    public void committeeStarted(Number caseId, String proposedOutcome, String proposedReason) {
        cases.proposal(caseId.longValue(), proposedOutcome, proposedReason, clock.instant());
        status(caseId, ToleranceCase.Status.COMMITTEE);
    }

    public Date committeeDue() {
        return workingDays(settings.committeeDays());
    }

    /** 书面通知: the outcome is given to the cadre in writing; the appeal window runs from now. */
    public void writtenNotice(Number caseId) {
        status(caseId, ToleranceCase.Status.NOTICE);
    }

    /**
     * 申诉复查 goes to another officer than the first investigator (回避): the discipline officers over the cadre's
     * unit but the investigator; when there is none, the HR officers over the unit. Never the cadre.
     */
    public List<String> appealOfficers(Number caseId) {
        ToleranceCase c = cases.find(caseId.longValue());
        String cadreUser = users.findByCadre(c.cadreId()).map(AppUser::username).orElse(null);
        List<String> officers = new ArrayList<>(directory.memberIds(AppGroups.disciplineOfficers(c.unitId())));
        if (officers.stream().allMatch(o -> o.equals(c.investigator()) || o.equals(cadreUser))) {
            officers = new ArrayList<>(directory.memberIds(AppGroups.hrOfficers(c.unitId())));
        }
        officers.remove(c.investigator());
        officers.remove(cadreUser);
        return officers;
    }

    public void appealReviewStarted(Number caseId) {
        status(caseId, ToleranceCase.Status.APPEAL_REVIEW);
    }

    /**
     * 记入干部档案: the outcome as it finally stands (the appeal's when it changed it) goes to the register
     * {@code tolerance_outcome}, where the cadre file and the annual review read it.
     */
    public void recordOutcome(Number caseId) {
        ToleranceCase c = cases.find(caseId.longValue());
        String by = c.appealOutcome() != null && c.appealOfficer() != null ? c.appealOfficer() : c.decidedBy();
        long id = outcomes.recordFromCase(c.id(), c.cadreId(), c.matter(), c.matterDate(),
                ToleranceOutcome.Outcome.valueOf(c.finalOutcome()), c.decisionDate(), c.decisionNo(), by);
        cases.outcomeRecorded(c.id(), id, clock.instant());
    }

    // ------------------------------------------------------------------ 纠错

    public void correctionPlanStarted(Number caseId) {
        status(caseId, ToleranceCase.Status.CORRECTION);
    }

    public Date planDue() {
        return workingDays(settings.planDays());
    }

    public void planVerificationStarted(Number caseId) {
        status(caseId, ToleranceCase.Status.VERIFICATION);
    }

    /** The plan's deadline: the end of its last day. Verification is due then, and escalates after it. */
    public Date planDeadline(Number caseId) {
        LocalDate deadline = cases.find(caseId.longValue()).planDeadline();
        return Date.from(deadline.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
    }

    /** 办结. */
    public void closed(Number caseId) {
        cases.closed(caseId.longValue(), clock.instant());
    }

    private void status(Number caseId, ToleranceCase.Status status) {
        cases.status(caseId.longValue(), status, clock.instant());
    }

    /** The n-th working day after today ({@link WorkCalendar#afterWorkingDays}), at the present time of day. */
    private Date workingDays(int n) {
        return Date.from(calendar.afterWorkingDays(ZonedDateTime.now(clock), n).toInstant());
    }
}
