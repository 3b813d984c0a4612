package cn.cadreflow.workflow;

/** What a person did on a process; shown in the timeline as {@code action.<NAME>}. */
public enum Action {
    SUBMIT, SUBMIT_FORM, APPROVE, REJECT, RESUBMIT, WITHDRAW,
    CLAIM, UNCLAIM, TRANSFER, DELEGATE, RESOLVE, ADD_APPROVER, RETURN, RECALL, URGE, TERMINATE, COPY, ATTACH
}
