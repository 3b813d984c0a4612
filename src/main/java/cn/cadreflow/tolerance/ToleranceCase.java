package cn.cadreflow.tolerance;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One 容错纠错 case as stored: who it is about, how it was opened, and what each step of the review recorded.
 * Findings are "YES" or "NO" per criterion; outcomes are {@link ToleranceOutcome.Outcome} names; the matter's
 * {@link Category} (事项类别) is the last field.
 */
public record ToleranceCase(Long id, Long cadreId, Long unitId, Kind kind, Status status, String openedBy,
                            LocalDateTime openedAt, String matter, LocalDate matterDate, String decisionTaken,
                            String loss, String mitigation, String processInstanceId, Boolean accepted,
                            String acceptanceBy, String acceptanceReason, String declinedBy, String declineAppeal,
                            String investigator, String statement, Boolean statementRefused,
                            LocalDateTime statementAt, String findings, String fFounded, String fPioneering,
                            String fNotForbidden, String fForDevelopment, String fCollective, String fLegalReview,
                            String fLossLimited, String fPrivateGain, String fCollusion, String proposedOutcome,
                            String proposedReason, String outcome, String decisionNo, LocalDate decisionDate,
                            String differReason, String decidedBy, String appealReason, String appealOfficer,
                            String appealOutcome, String appealOpinion, Long outcomeId, String planOwner,
                            String planMeasures, LocalDate planDeadline, String planVerifiedBy,
                            LocalDateTime planVerifiedAt, String planNote, LocalDateTime closedAt,
                            Category category) {

    /** 容错申请 by the cadre, or 问责线索 registered by an officer. */
    public enum Kind { APPLICATION, LEAD }

    /**
     * 事项类别: the kind of matter, a fixed list chosen when the case is opened (the report counts by it); cases opened
     * before it was asked for are {@link #OTHER}.
     */
    public enum Category {
        REFORM, INVESTMENT, PROJECT, RURAL, ECOLOGY, SAFETY, PETITION, EMERGENCY, OTHER
    }

    /** Where the case stands; kept in step with the process by listeners in tolerance.bpmn. */
    public enum Status {
        ACCEPTANCE, DECLINE_NOTICE, DECLINE_APPEAL, DECLINED, STATEMENT, INVESTIGATION, COMMITTEE, NOTICE,
        APPEAL_REVIEW, CORRECTION, VERIFICATION, CLOSED, TERMINATED
    }

    /** The outcome as it finally stands: the appeal's when the appeal changed it. */
    public String finalOutcome() {
        return appealOutcome != null ? appealOutcome : outcome;
    }
}
