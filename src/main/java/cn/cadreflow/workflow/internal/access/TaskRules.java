package cn.cadreflow.workflow.internal.access;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.cadreflow.workflow.FormError;
import cn.cadreflow.workflow.WorkflowException;
import cn.cadreflow.workflow.WorkflowViews.StepKind;
import cn.cadreflow.workflow.internal.People;
import cn.cadreflow.workflow.internal.engine.EngineTask;
import cn.cadreflow.workflow.internal.engine.EngineTasks;
import cn.cadreflow.workflow.internal.model.ProcessModel;
import cn.cadreflow.workflow.internal.trail.Trail;

/**
 * The rules every task command checks beyond access: the right kind of step, the starter's own request, whom a
 * task may be handed to (回避: never to the person it is about), the opinion an approval needs and how long a note
 * may be.
 */
@Component
public class TaskRules {

    /** Task-local flag: the holder approved and waits for added approvers (加签). */
    public static final String OWNER_APPROVED = "cf_ownerApproved";

    private final EngineTasks tasks;
    private final InstanceAccess instanceAccess;
    private final ProcessModel model;
    private final People people;
    private final Subjects subjects;

    TaskRules(EngineTasks tasks, InstanceAccess instanceAccess, ProcessModel model, People people, Subjects subjects) {
        this.tasks = tasks;
        this.instanceAccess = instanceAccess;
        this.model = model;
        this.people = people;
        this.subjects = subjects;
    }

    public void requireKind(EngineTask task, StepKind kind) {
        if (model.kindOf(task) != kind) {
            throw new WorkflowException("workflow.error.wrongAction");
        }
    }

    /**
     * The revise step is the starter's own request: it is not handed on (转办/委派), since nobody else may
     * resubmit or withdraw it.
     */
    public void notTheStartersOwn(EngineTask task) {
        if (task.parentTaskId() == null && model.kindOf(task.definitionId(), task.stepKey()) == StepKind.REVISE) {
            throw new WorkflowException("workflow.error.wrongAction");
        }
    }

    /** Only the person who started the request revises, resubmits or withdraws it. */
    public void requireStarter(EngineTask task, String username) {
        EngineTask main = tasks.main(task);
        if (!username.equals(instanceAccess.existing(main.processInstanceId()).startUserId())) {
            throw new WorkflowException("workflow.error.notYourTask");
        }
    }

    /**
     * 回避: nobody handles a matter about themself, so a step is never transferred, delegated or added to the
     * person its process is about (the requester of their own request, the cadre under review). A confidential
     * process's step ({@code cf.confidential}) goes only to someone who may already see the request, so that
     * handing it on lets nobody new in.
     */
    public String notTheSubject(EngineTask task, String target) {
        if (subjects.isSubject(task, target)) {
            throw new WorkflowException("workflow.error.targetIsSubject");
        }
        if (model.isConfidential(task.definitionId())) {
            try {
                instanceAccess.visible(tasks.main(task).processInstanceId(), target);
            } catch (WorkflowException e) {
                throw new WorkflowException("workflow.error.confidentialTarget");
            }
        }
        return target;
    }

    /** Someone else, known to the directory. */
    public String otherUser(String target, String username) {
        if (target == null || target.isBlank()) {
            throw new WorkflowException("workflow.error.noTarget");
        }
        if (target.equals(username)) {
            throw new WorkflowException("workflow.error.targetIsSelf");
        }
        if (!people.exists(target)) {
            throw new WorkflowException("workflow.error.noSuchUser");
        }
        return target;
    }

    /** An approval's opinion (审批意见): required, and no longer than the trail holds. */
    public static String requiredOpinion(String opinion) {
        String text = opinion == null ? "" : opinion.strip();
        if (text.isEmpty()) {
            throw new WorkflowException("workflow.error.opinionRequired",
                    List.of(FormError.of("opinion", "workflow.error.opinionRequired")));
        }
        if (text.length() > Trail.OPINION_MAX) {
            throw new WorkflowException("workflow.error.opinionTooLong",
                    List.of(FormError.of("opinion", "workflow.error.opinionTooLong", Trail.OPINION_MAX)));
        }
        return text;
    }

    /**
     * A note or reason that may be left out (转办 and 撤回 reasons, 委派 and 催办 notes …): null when blank,
     * otherwise stripped, and refused, naming {@code field}, when longer than the trail holds.
     */
    public static String optionalNote(String note, String field) {
        if (note == null || note.isBlank()) {
            return null;
        }
        String text = note.strip();
        if (text.length() > Trail.OPINION_MAX) {
            throw new WorkflowException("workflow.error.noteTooLong",
                    List.of(FormError.of(field, "workflow.error.noteTooLong", Trail.OPINION_MAX)));
        }
        return text;
    }
}
