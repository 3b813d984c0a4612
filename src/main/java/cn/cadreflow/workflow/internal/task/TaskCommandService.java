package cn.cadreflow.workflow.internal.task;

import static cn.cadreflow.workflow.internal.access.TaskRules.OWNER_APPROVED;
import static cn.cadreflow.workflow.internal.access.TaskRules.optionalNote;
import static cn.cadreflow.workflow.internal.access.TaskRules.requiredOpinion;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import cn.cadreflow.workflow.Action;
import cn.cadreflow.workflow.AttachmentRules;
import cn.cadreflow.workflow.FormDefinition;
import cn.cadreflow.workflow.FormError;
import cn.cadreflow.workflow.ProcessHandler;
import cn.cadreflow.workflow.TaskCommands;
import cn.cadreflow.workflow.WorkflowException;
import cn.cadreflow.workflow.WorkflowViews.BatchResult;
import cn.cadreflow.workflow.WorkflowViews.Step;
import cn.cadreflow.workflow.WorkflowViews.StepKind;
import cn.cadreflow.workflow.internal.People;
import cn.cadreflow.workflow.internal.Plugins;
import cn.cadreflow.workflow.internal.access.TaskAccess;
import cn.cadreflow.workflow.internal.access.TaskRules;
import cn.cadreflow.workflow.internal.engine.EngineInstances;
import cn.cadreflow.workflow.internal.engine.EngineTask;
import cn.cadreflow.workflow.internal.engine.EngineTasks;
import cn.cadreflow.workflow.internal.form.FormChecks;
import cn.cadreflow.workflow.internal.model.ProcessModel;
import cn.cadreflow.workflow.internal.query.TaskIndexMapper;
import cn.cadreflow.workflow.internal.query.TaskRow;
import cn.cadreflow.workflow.internal.trail.Trail;

/** The task centre's operations on one task, for every process alike. */
@Service
class TaskCommandService implements TaskCommands {

    private final EngineTasks tasks;
    private final EngineInstances instances;
    private final TaskAccess access;
    private final TaskRules rules;
    private final ProcessModel model;
    private final FormChecks checks;
    private final Plugins plugins;
    private final AttachmentRules files;
    private final TaskIndexMapper index;
    private final People people;
    private final Trail trail;
    private final Signatures signatures;
    private final TransactionTemplate eachInOwnTransaction;

    TaskCommandService(EngineTasks tasks, EngineInstances instances, TaskAccess access, TaskRules rules,
                       ProcessModel model, FormChecks checks, Plugins plugins, AttachmentRules files,
                       TaskIndexMapper index, People people, Trail trail, Signatures signatures,
                       PlatformTransactionManager transactions) {
        this.tasks = tasks;
        this.instances = instances;
        this.access = access;
        this.rules = rules;
        this.model = model;
        this.checks = checks;
        this.plugins = plugins;
        this.files = files;
        this.index = index;
        this.people = people;
        this.trail = trail;
        this.signatures = signatures;
        this.eachInOwnTransaction = new TransactionTemplate(transactions);
        this.eachInOwnTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    @Transactional
    public void claim(String taskId, String username) {
        EngineTask task = access.accessible(taskId, username);
        if (task.assignee() != null) {
            throw new WorkflowException("workflow.error.taskTaken");
        }
        tasks.claim(taskId, username);
        trail.record(task, Action.CLAIM, username, null, null);
    }

    @Override
    @Transactional
    public void unclaim(String taskId, String username) {
        EngineTask task = access.held(taskId, username);
        if (task.delegated()) {
            // a delegate hands the task back by resolving it, not by giving it to the owner's group
            throw new WorkflowException("workflow.error.delegatedResolve");
        }
        if (!access.hasCandidates(task)) {
            throw new WorkflowException("workflow.error.notClaimed");
        }
        trail.record(task, Action.UNCLAIM, username, null, null);
        tasks.assign(taskId, null);
    }

    @Override
    @Transactional
    public void decide(String taskId, String username, boolean approve, String opinion) {
        decide(taskId, username, approve, opinion, false);
    }

    @Override
    @Transactional
    public void decide(String taskId, String username, boolean approve, String opinion, boolean signed) {
        String text = requiredOpinion(opinion);
        EngineTask task = access.accessible(taskId, username);
        if (task.delegated()) {
            throw new WorkflowException("workflow.error.delegatedResolve");
        }
        if (task.parentTaskId() != null) {
            decideAsAddedApprover(task, username, approve, text);
        } else {
            decideAsHolder(task, username, approve, text);
        }
        if (signed) {
            // last, after the engine's completion, in the same transaction: a failure here undoes the decision too
            signatures.sign(taskId, username);
        }
    }

    private void decideAsHolder(EngineTask task, String username, boolean approve, String text) {
        String taskId = task.id();
        rules.requireKind(task, StepKind.APPROVAL);
        access.claimIfOpen(task, username);
        List<EngineTask> added = tasks.subTasks(taskId);
        trail.record(task, approve ? Action.APPROVE : Action.REJECT, username, text, null);
        if (!approve) {
            added.forEach(sub -> tasks.delete(sub.id(), "refused"));
            tasks.complete(taskId, username, Map.of(APPROVED, false));
        } else if (added.isEmpty()) {
            tasks.complete(taskId, username, Map.of(APPROVED, true));
        } else {
            tasks.setLocal(taskId, OWNER_APPROVED, true);
        }
    }

    private void decideAsAddedApprover(EngineTask sub, String username, boolean approve, String text) {
        EngineTask parent = tasks.find(sub.parentTaskId());
        if (parent == null) {
            throw new WorkflowException("workflow.error.taskGone");
        }
        trail.record(sub, approve ? Action.APPROVE : Action.REJECT, username, text, null);
        tasks.complete(sub.id(), username, Map.of());
        if (!approve) {
            tasks.subTasks(parent.id()).forEach(other -> tasks.delete(other.id(), "refused"));
            tasks.complete(parent.id(), parent.assignee(), Map.of(APPROVED, false));
        } else if (tasks.subTasks(parent.id()).isEmpty()
                && Boolean.TRUE.equals(tasks.local(parent.id(), OWNER_APPROVED))) {
            tasks.complete(parent.id(), parent.assignee(), Map.of(APPROVED, true));
        }
    }

    @Override
    @Transactional
    public void resubmit(String taskId, String username, Map<String, ?> submitted, String note) {
        String text = optionalNote(note, "note");
        EngineTask task = access.accessible(taskId, username);
        rules.requireKind(task, StepKind.REVISE);
        rules.requireStarter(task, username);
        FormDefinition form = model.taskForm(task);
        String processKey = model.keyOf(task.definitionId());
        Map<String, Object> known = plugins.knownData(username);
        Map<String, Object> values = form == null ? Map.of()
                : checks.validated(form, submitted, known, processKey, username,
                        instances.variables(task.processInstanceId()));
        Map<String, Object> variables = new HashMap<>(values);
        variables.put(RESUBMIT, true);
        ProcessHandler handler = plugins.handler(processKey);
        if (handler != null) {
            Map<String, Object> all = new HashMap<>(instances.variables(task.processInstanceId()));
            all.putAll(variables);
            handler.onResubmit(all);
        }
        access.claimIfOpen(task, username);
        trail.record(task, Action.RESUBMIT, username, text, null);
        tasks.complete(taskId, username, variables);
    }

    @Override
    @Transactional
    public void submitForm(String taskId, String username, Map<String, ?> submitted) {
        EngineTask task = access.accessible(taskId, username);
        rules.requireKind(task, StepKind.FORM);
        FormDefinition form = model.taskForm(task);
        String processKey = model.keyOf(task.definitionId());
        Map<String, Object> current = instances.variables(task.processInstanceId());
        ProcessHandler handler = plugins.handler(processKey);
        Map<String, Object> known = plugins.knownData(username);
        if (handler != null) {
            // the record's facts, not the submitter's own data, fill the step's read-only fields
            known.putAll(handler.stepData(task.stepKey(), current));
        }
        Map<String, Object> values = form == null ? Map.of() : FormChecks.validatedValues(form, submitted, known);
        Map<String, Object> processVariables = new HashMap<>();
        if (handler != null) {
            List<FormError> errors = handler.validateStep(task.stepKey(), username, values, current);
            if (!errors.isEmpty()) {
                throw new WorkflowException("form.error.invalid", errors);
            }
            processVariables.putAll(handler.onStepSubmitted(task.stepKey(), username, values, current));
        }
        access.claimIfOpen(task, username);
        trail.record(task, Action.SUBMIT_FORM, username, null, null);
        if (model.keepsValuesOnTask(task.definitionId(), task.stepKey())) {
            tasks.setLocals(taskId, values);
        } else {
            processVariables.putAll(values);
        }
        tasks.complete(taskId, username, processVariables);
    }

    @Override
    @Transactional
    public void withdraw(String taskId, String username, String reason) {
        String text = optionalNote(reason, "note");
        EngineTask task = access.accessible(taskId, username);
        rules.requireKind(task, StepKind.REVISE);
        rules.requireStarter(task, username);
        access.claimIfOpen(task, username);
        trail.record(task, Action.WITHDRAW, username, text, null);
        tasks.complete(taskId, username, Map.of(RESUBMIT, false));
    }

    @Override
    @Transactional
    public void transfer(String taskId, String username, String target, String reason) {
        String text = optionalNote(reason, "reason");
        EngineTask task = access.heldOrClaimed(taskId, username);
        rules.notTheStartersOwn(task);
        String to = rules.notTheSubject(task, rules.otherUser(target, username));
        trail.record(task, Action.TRANSFER, username, text, to);
        tasks.assign(taskId, to);
    }

    @Override
    @Transactional
    public void delegate(String taskId, String username, String target, String note) {
        String text = optionalNote(note, "note");
        EngineTask task = access.heldOrClaimed(taskId, username);
        rules.notTheStartersOwn(task);
        if (task.parentTaskId() != null) {
            throw new WorkflowException("workflow.error.wrongAction");
        }
        String to = rules.notTheSubject(task, rules.otherUser(target, username));
        trail.record(task, Action.DELEGATE, username, text, to);
        tasks.delegate(taskId, to);
    }

    @Override
    @Transactional
    public void resolve(String taskId, String username, String opinion) {
        String text = requiredOpinion(opinion);
        EngineTask task = access.held(taskId, username);
        if (!task.delegated()) {
            throw new WorkflowException("workflow.error.wrongAction");
        }
        trail.record(task, Action.RESOLVE, username, text, task.owner());
        tasks.resolve(taskId);
    }

    @Override
    @Transactional
    public void addApprovers(String taskId, String username, Collection<String> targets, String note) {
        String text = optionalNote(note, "note");
        EngineTask task = access.heldOrClaimed(taskId, username);
        rules.requireKind(task, StepKind.APPROVAL);
        if (task.parentTaskId() != null || task.delegated()) {
            throw new WorkflowException("workflow.error.wrongAction");
        }
        if (targets == null || targets.isEmpty()) {
            throw new WorkflowException("workflow.error.noTarget");
        }
        Set<String> already = tasks.subTasks(taskId).stream().map(EngineTask::assignee).collect(Collectors.toSet());
        for (String target : new LinkedHashSet<>(targets)) {
            String to = rules.notTheSubject(task, rules.otherUser(target, username));
            if (already.contains(to)) {
                continue;
            }
            trail.record(task, Action.ADD_APPROVER, username, text, to);
            tasks.addSubTask(task, to, username);
        }
    }

    @Override
    @Transactional
    public void returnTo(String taskId, String username, String stepKey, String opinion) {
        String text = requiredOpinion(opinion);
        EngineTask task = access.heldOrClaimed(taskId, username);
        rules.requireKind(task, StepKind.APPROVAL);
        if (task.parentTaskId() != null) {
            // an added approver votes on the step; sending the whole step back is its holder's call
            throw new WorkflowException("workflow.error.wrongAction");
        }
        Step target = model.returnTargets(task).stream().filter(s -> s.key().equals(stepKey)).findFirst()
                .orElseThrow(() -> new WorkflowException("workflow.error.noSuchStep"));
        // the applicant's revise step goes to the applicant; any other to whoever handled it last
        String previous = target.key().equals(model.reviseStep(task.definitionId()))
                ? instances.find(task.processInstanceId()).startUserId()
                : instances.lastAssignee(task.processInstanceId(), target.key());
        trail.record(task, Action.RETURN, username, text, previous);
        tasks.subTasks(taskId).forEach(sub -> tasks.delete(sub.id(), "returned"));
        instances.moveTo(task.processInstanceId(), target.key(), previous, username);
    }

    @Override
    public List<BatchResult> approveAll(Collection<String> taskIds, String username, String opinion) {
        requiredOpinion(opinion);
        List<TaskRow> rows = taskIds.stream().map(index::find).filter(Objects::nonNull).toList();
        if (rows.stream().map(r -> r.processKey() + "/" + r.stepKey()).distinct().count() > 1) {
            throw new WorkflowException("workflow.error.batchMixed");
        }
        List<BatchResult> results = new ArrayList<>();
        for (String id : taskIds) {
            TaskRow row = index.find(id);
            String name = row == null ? id : row.name();
            String starter = row == null ? null : people.nameOf(row.starter());
            try {
                eachInOwnTransaction.executeWithoutResult(s -> decide(id, username, true, opinion));
                results.add(new BatchResult(id, name, starter, true, "batch.ok"));
            } catch (WorkflowException e) {
                results.add(new BatchResult(id, name, starter, false, e.messageKey()));
            }
        }
        return results;
    }

    @Override
    @Transactional
    public void attach(String taskId, String username, String fileName, byte[] content) {
        EngineTask task = tasks.main(access.accessible(taskId, username));
        AttachmentRules.CheckedFile file = files.checkFile(fileName, content);
        tasks.attach(task, username, file.name(), file.contentType(), content);
        trail.record(task, Action.ATTACH, username, file.name(), null);
    }
}
