package cn.cadreflow.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the workflow facade hands to views: plain data, no engine types. */
public final class WorkflowViews {

    private WorkflowViews() {
    }

    /** How the generic task view treats a user task, from its {@code cf.kind} property in the BPMN. */
    public enum StepKind {
        /** 通过 / 不通过 with an opinion; the form is shown read-only. */
        APPROVAL,
        /** The starter revises and resubmits, or withdraws. */
        REVISE,
        /** The holder fills the step's form and submits it (a self-report, a rating, a record). */
        FORM
    }

    public record StartOption(String processKey, String definitionId, String name) {
    }

    public record StartForm(String processKey, String name, FormDefinition form, Map<String, Object> known) {
    }

    public record TaskSummary(String taskId, String name, String stepKey, String processKey, String processName,
                              String processInstanceId, String starter, String starterName, Instant created,
                              Instant due, String assignee, String owner, String parentTaskId, String cadreName,
                              String businessKey, Instant ended, StepKind kind, About about) {

        public boolean overdue(Instant now) {
            return due != null && ended == null && due.isBefore(now);
        }

        /** A task created for an added approver (加签) under the step's own task. */
        public boolean addedApproval() {
            return parentTaskId != null;
        }

        /** The holder handles it for its owner (委派): it is resolved, not approved. */
        public boolean delegated() {
            return owner != null && !owner.equals(assignee);
        }

        /**
         * Whether the user may approve it together with others (批量审批): an approval step, not delegated, and
         * held by nobody else.
         */
        public boolean batchApprovable(String user) {
            return kind == StepKind.APPROVAL && !delegated() && (assignee == null || assignee.equals(user));
        }
    }

    /**
     * A task as its view needs it.
     *
     * @param delegated     the user holds it for its owner (委派) and can only resolve it
     * @param claimable     nobody holds it yet; the user may sign for it (签收)
     * @param unclaimable   the user holds it and may give it back to the group (取消签收)
     * @param ownerApproved the user approved and waits for added approvers (加签)
     * @param addedApprovers open tasks of added approvers: their names
     * @param returnTargets earlier steps the task may be sent back to (退回)
     * @param subject the username of the person the task is about (see ProcessHandler.subjectVariable), or null
     * @param copyable whether 抄送 is offered: never on a confidential request ({@code cf.confidential})
     */
    public record TaskDetail(TaskSummary summary, StepKind kind, FormDefinition form, Map<String, Object> values,
                             boolean delegated, boolean claimable, boolean unclaimable, boolean ownerApproved,
                             List<String> addedApprovers, List<Step> returnTargets, Refusal refusal,
                             String reviseStep, String subject, boolean copyable) {
    }

    /**
     * What 不同意 does on an approval step, as its model sets it ({@code cf.reject}): the request ends, or goes back
     * to {@code returnsTo}.
     */
    public record Refusal(boolean ends, Step returnsTo) {
    }

    /**
     * A task that has ended (已办), opened again read-only: its step's form with the values as history keeps them,
     * who handled it and whether it was cancelled (退回, 撤回, 终止) rather than completed. On an anonymous step
     * (民主测评) nobody but the rater opens it, and not even the rater sees the votes again: no form, no values.
     */
    public record HandledTask(TaskSummary summary, StepKind kind, FormDefinition form, Map<String, Object> values,
                              String handledByName, boolean cancelled, boolean anonymous) {
    }

    public record Step(String key, String name) {
    }

    public record AttachmentInfo(String id, String name, String taskId, Instant created) {
    }

    /** One task's outcome in a batch approval: ok, or the message key of why not. */
    public record BatchResult(String taskId, String name, String starterName, boolean ok, String messageKey) {
    }

    /**
     * Whom and what a task or request is about, as its rows and titles say it: the subject (the cadre's name) and the
     * line its process defines ({@link ProcessHandler#summary}), a message key with its arguments; each may be null.
     */
    public record About(String subject, String summaryKey, List<String> summaryArgs) {

        public static final About NONE = new About(null, null, List.of());
    }

    /** An instance copied to the user (抄送我的), with what it is about as its latest task says. */
    public record Copy(String processInstanceId, String sender, String senderName, Instant at, boolean read,
                       InstanceSummary instance, About about) {
    }

    public record InstanceSummary(String processInstanceId, String processKey, String processName,
                                  String businessKey, Instant started, Instant ended, String outcomeKey,
                                  String outcomeName, List<String> currentSteps) {
        public boolean running() {
            return ended == null;
        }
    }

    /**
     * An instance as its view needs it, with what the viewer may do to it: 撤回 (recall), 催办 (urge),
     * 终止 (terminate).
     */
    public record InstanceDetail(InstanceSummary summary, String starterName, FormDefinition form,
                                 Map<String, Object> values, List<TimelineEntry> timeline,
                                 List<PendingStep> pending, List<AttachmentInfo> attachments,
                                 boolean canRecall, boolean canUrge, boolean canTerminate, boolean canCancel) {
    }

    /**
     * A step waiting for someone: its assignee, or the people who may take it. On an anonymous step (a 民主测评, say)
     * nobody is named: {@code people} is empty and {@code tally} says how many of how many have acted.
     */
    public record PendingStep(String stepKey, String stepName, List<String> people, Instant since, Tally tally) {
    }

    /** Of {@code total} people asked on a step, {@code done} have acted. */
    public record Tally(int done, int total) {
    }

    public record Diagram(String xml, Set<String> completed, Set<String> active) {
    }

    /** An open task of an instance, for a process's reports: where it stands, who holds it, when it is due. */
    public record OpenTask(String processInstanceId, String processKey, String stepKey, String name, String assignee,
                           Instant dueAt, String taskId) {
    }
}
