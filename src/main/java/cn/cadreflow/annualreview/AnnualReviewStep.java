package cn.cadreflow.annualreview;

import java.util.Set;

/**
 * The annual review's process ({@value #PROCESS_KEY}, processes/annual-review.bpmn) and the ids of its steps, as
 * the diagram names them: shared by the code that records a step and the tests that drive one.
 */
public final class AnnualReviewStep {

    public static final String PROCESS_KEY = "annualReview";
    /** The grade suggestion decision (processes/annual-review-grade.dmn). */
    public static final String GRADE_DECISION = "annualReviewGrade";
    /** The process variable holding the review's id. */
    public static final String REVIEW_ID = "reviewId";

    public static final String START_REVIEW = "startReview";
    public static final String SELF_REPORT = "selfReport";
    public static final String PEER_RATING = "peerRating";
    public static final String PEER_DEADLINE_REACHED = "peerDeadlineReached";
    public static final String PRELIMINARY_GRADE = "preliminaryGrade";
    public static final String LEADER_RATING = "leaderRating";
    public static final String OVERALL_GRADE = "overallGrade";
    public static final String HR_REVIEW = "hrReview";
    public static final String QUOTA_CHECK = "quotaCheck";
    public static final String QUOTA_GATEWAY = "quotaGateway";
    public static final String QUOTA_APPROVAL = "quotaApproval";
    public static final String QUOTA_APPROVAL_GATEWAY = "quotaApprovalGateway";
    public static final String COMMITTEE_DECISION = "committeeDecision";
    public static final String START_NOTICE = "startNotice";
    public static final String OBJECTION_WATCH = "objectionWatch";
    public static final String NOTICE_OVER = "noticeOver";
    public static final String OBJECTION_CHECK = "objectionCheck";
    public static final String OBJECTION_GATEWAY = "objectionGateway";
    public static final String RECORD_NOTICE = "recordNotice";
    public static final String RESULT_NOTICE = "resultNotice";
    public static final String RECHECK_WINDOW_OVER = "recheckWindowOver";
    public static final String RECHECK_GATEWAY = "recheckGateway";
    public static final String RECHECK = "recheck";
    public static final String FILE_RESULT = "fileResult";
    public static final String FILED = "filed";

    /** The steps where someone rates or decides on the cadre: they are shown the year's tolerated matters. */
    public static final Set<String> RATING_STEPS = Set.of(PEER_RATING, LEADER_RATING, HR_REVIEW, QUOTA_APPROVAL,
            COMMITTEE_DECISION, OBJECTION_CHECK, RECHECK);

    private AnnualReviewStep() {
    }
}
