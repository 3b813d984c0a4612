package cn.cadreflow.tolerance;

/**
 * The 容错纠错 process ({@value #PROCESS_KEY}, processes/tolerance.bpmn) and the ids of its steps, as the diagram
 * names them: shared by the code that records a step and the tests that drive one.
 */
public final class ToleranceStep {

    public static final String PROCESS_KEY = "tolerance";
    /** The outcome proposal (processes/tolerance-outcome.dmn). */
    public static final String OUTCOME_DECISION = "toleranceOutcome";
    /** The process variable holding the case's id. */
    public static final String CASE_ID = "caseId";
    /** The process variable holding the username of the cadre concerned (the subject, 回避). */
    public static final String CADRE_USER = "cadreUser";

    public static final String OPENED = "opened";
    public static final String ACCEPTANCE = "acceptance";
    public static final String ACCEPTANCE_REMINDER = "acceptanceReminder";
    public static final String ACCEPTANCE_OVERDUE = "acceptanceOverdue";
    public static final String REMIND_ACCEPTANCE = "remindAcceptance";
    public static final String ESCALATE_ACCEPTANCE = "escalateAcceptance";
    public static final String ACCEPTANCE_GATEWAY = "acceptanceGateway";
    public static final String DECLINE_NOTICE = "declineNotice";
    public static final String DECLINE_APPEAL_WINDOW_OVER = "declineAppealWindowOver";
    public static final String DECLINE_APPEAL_REVIEW = "declineAppealReview";
    public static final String DECLINED = "declined";
    public static final String STATEMENT = "statement";
    public static final String STATEMENT_WINDOW_OVER = "statementWindowOver";
    public static final String INVESTIGATION = "investigation";
    public static final String PROPOSE_OUTCOME = "proposeOutcome";
    public static final String COMMITTEE_DECISION = "committeeDecision";
    public static final String WRITTEN_NOTICE = "writtenNotice";
    public static final String OUTCOME_NOTICE = "outcomeNotice";
    public static final String APPEAL_WINDOW_OVER = "appealWindowOver";
    public static final String APPEAL_REVIEW = "appealReview";
    public static final String RECORD_OUTCOME = "recordOutcome";
    public static final String CORRECTION_PLAN = "correctionPlan";
    public static final String PLAN_VERIFICATION = "planVerification";
    public static final String PLAN_OVERDUE = "planOverdue";
    public static final String ESCALATE_PLAN = "escalatePlan";
    public static final String CLOSED = "closed";

    private ToleranceStep() {
    }
}
