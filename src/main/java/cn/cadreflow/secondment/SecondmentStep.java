package cn.cadreflow.secondment;

/** The step ids of processes/secondment.bpmn, shared by the code and the tests. */
public final class SecondmentStep {

    public static final String SUBMITTED = "submitted";
    public static final String SENDING_APPROVAL = "sendingApproval";
    public static final String SENDING_DECISION = "sendingDecision";
    public static final String RECEIVING_APPROVAL = "receivingApproval";
    public static final String RECEIVING_DECISION = "receivingDecision";
    public static final String HR_APPROVAL = "hrApproval";
    public static final String HR_DECISION = "hrDecision";
    public static final String APPROVE = "approve";
    public static final String TERM_STARTS = "termStarts";
    public static final String DISPATCH = "dispatch";
    public static final String TERM = "term";
    public static final String DECISION_OPENS = "decisionOpens";
    public static final String RETURN_DECISION = "returnDecision";
    public static final String REMINDER = "reminder";
    public static final String REMIND_HR = "remindHr";
    public static final String DECIDED = "decided";
    public static final String CHECK_IN = "checkIn";
    public static final String MID_TERM_EVALUATION = "midTermEvaluation";
    public static final String TERM_ENDS = "termEnds";
    public static final String AUTO_RETURN = "autoReturn";
    public static final String RECALL = "recall";
    public static final String RECALLED = "recalled";
    public static final String DECISION_GATEWAY = "decisionGateway";
    public static final String RETURN_HOME = "returnHome";
    public static final String EXTEND = "extend";
    public static final String CONVERT_TO_TRANSFER = "convertToTransfer";
    public static final String RETURN_PROMOTED = "returnPromoted";
    public static final String ENDED = "ended";
    public static final String REVISE = "revise";
    public static final String RESUBMIT_DECISION = "resubmitDecision";
    public static final String WITHDRAWN = "withdrawn";

    /** The message an early recall sends the instance. */
    public static final String RECALL_MESSAGE = "secondmentRecall";

    private SecondmentStep() {
    }
}
