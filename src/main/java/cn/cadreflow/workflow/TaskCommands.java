package cn.cadreflow.workflow;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import cn.cadreflow.workflow.WorkflowViews.BatchResult;

/**
 * What a person does on a task in the task centre. Every call names the acting user, is checked against what
 * that user may do, and is recorded with who, when and why; a refusal is a {@link WorkflowException}.
 */
public interface TaskCommands {

    /** The process variable an approval step sets: whether it was approved. */
    String APPROVED = "approved";
    /** The process variable a revise step sets: resubmitted (true) or withdrawn (false). */
    String RESUBMIT = "resubmit";

    /** 签收: take an unclaimed task of one's group. */
    void claim(String taskId, String username);

    /** 取消签收: give a claimed task back to its group. */
    void unclaim(String taskId, String username);

    /**
     * 同意 / 不同意 on an approval step, with the required opinion (审批意见). 不同意 ends the request or returns it,
     * as the step's {@code cf.reject} in the model says. With added approvers (加签) the step completes when all
     * have approved; any refusal refuses it.
     */
    void decide(String taskId, String username, boolean approve, String opinion);

    /**
     * As {@link #decide(String, String, boolean, String)}; with {@code signed} (附签名) the decision carries the user's
     * handwritten signature as it is now, recorded in the same transaction as the decision: either both are kept or
     * neither. Refused, changing nothing, for a user without a signature.
     */
    void decide(String taskId, String username, boolean approve, String opinion, boolean signed);

    /** The starter resubmits a returned request with revised values. */
    void resubmit(String taskId, String username, Map<String, ?> submitted, String note);

    /**
     * Submits a {@code form} step: the step's form is validated on the server, the process's handler checks
     * and records it, and the task completes. With {@code cf.local=true} (e.g. one rater of a multi-instance
     * step) the values stay on the task; otherwise they become process variables.
     */
    void submitForm(String taskId, String username, Map<String, ?> submitted);

    /** The starter gives up a returned request (撤销申请). */
    void withdraw(String taskId, String username, String reason);

    /** 转办: hand the task over to someone else for good. */
    void transfer(String taskId, String username, String target, String reason);

    /** 委派: ask someone to handle the task; it comes back to the user to finish. */
    void delegate(String taskId, String username, String target, String note);

    /** The delegate hands a delegated task back to its owner with an opinion. */
    void resolve(String taskId, String username, String opinion);

    /** 加签: add approvers to this step; it completes only when they have all approved too. */
    void addApprovers(String taskId, String username, Collection<String> targets, String note);

    /**
     * 退回修改: send the task back to the applicant (the model's revise step) or to an earlier completed user step
     * of the same instance; the step gets the applicant, or the person who handled it last time.
     */
    void returnTo(String taskId, String username, String stepKey, String opinion);

    /** 批量审批: approve many tasks of the same step with one opinion; each succeeds or fails on its own. */
    List<BatchResult> approveAll(Collection<String> taskIds, String username, String opinion);

    /** Attaches a file to the task's request: type, size and content are checked first. */
    void attach(String taskId, String username, String fileName, byte[] content);
}
