package cn.cadreflow.workflow;

/** What a person did on a process; shown in the timeline as {@code action.<NAME>}. */
public enum Action {
    SUBMIT, SUBMIT_FORM, APPROVE, REJECT, RESUBMIT, WITHDRAW,
    CLAIM, UNCLAIM, TRANSFER, DELEGATE, RESOLVE, ADD_APPROVER, RETURN, RECALL, URGE, TERMINATE, COPY, ATTACH,
    /** A process called back by its own command (a secondment's early recall, 召回), not a 撤回 of a step. */
    CALL_BACK,
    /** A module's own command handed a case's steps to another person (容错纠错: 改派调查人员). */
    REASSIGN
}
