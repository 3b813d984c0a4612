package cn.cadreflow.workflow;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import cn.cadreflow.workflow.WorkflowViews.AttachmentInfo;
import cn.cadreflow.workflow.WorkflowViews.BatchResult;
import cn.cadreflow.workflow.WorkflowViews.Copy;
import cn.cadreflow.workflow.WorkflowViews.Diagram;
import cn.cadreflow.workflow.WorkflowViews.InstanceDetail;
import cn.cadreflow.workflow.WorkflowViews.InstanceSummary;
import cn.cadreflow.workflow.WorkflowViews.PendingStep;
import cn.cadreflow.workflow.WorkflowViews.StartForm;
import cn.cadreflow.workflow.WorkflowViews.StartOption;
import cn.cadreflow.workflow.WorkflowViews.Step;
import cn.cadreflow.workflow.WorkflowViews.StepKind;
import cn.cadreflow.workflow.WorkflowViews.TaskDetail;
import cn.cadreflow.workflow.WorkflowViews.TaskSummary;
import cn.cadreflow.workflow.internal.engine.OneCommand;

/**
 * The one door to the process engine for the rest of CadreFlow: starting processes from their forms,
 * the task centre's operations (签收, 通过/不通过, 转办, 委派, 加签, 退回, 撤回, 催办, 终止, 批量审批, 抄送,
 * attachments), and reading instances back with their diagram and timeline. Every call names the acting
 * user, is checked against what that user may do, and is recorded with who, when and why. None of it
 * depends on a particular process: user tasks carry a {@code cf.kind} property (approval or revise).
 */
@Service
@EnableConfigurationProperties(WorkflowSettings.class)
public class WorkflowService {

    public static final String INITIATOR = "initiator";
    public static final String APPROVED = "approved";
    public static final String RESUBMIT = "resubmit";
    static final String KIND_PROPERTY = "cf.kind";
    /** On a form step: keep the submitted values on the task (one rater of many), not on the instance. */
    static final String LOCAL_PROPERTY = "cf.local";
    /** Task-local flag: the holder approved and waits for added approvers. */
    static final String OWNER_APPROVED = "cf_ownerApproved";
    private static final String ADMIN = "ADMIN";

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final HistoryService history;
    private final FormService forms;
    private final IdentityService identity;
    private final UserDirectory directory;
    private final List<KnownDataProvider> knownData;
    private final Map<String, ProcessHandler> handlers;
    private final ActionMapper actions;
    private final TaskIndexMapper index;
    private final TaskLists lists;
    private final Notifications notifications;
    private final WorkflowSettings settings;
    private final TransactionTemplate eachInOwnTransaction;
    private final OneCommand oneCommand;
    private final Clock clock;
    private final Map<String, BpmnModelInstance> models = new ConcurrentHashMap<>();
    private final Map<String, ProcessDefinition> definitions = new ConcurrentHashMap<>();

    public WorkflowService(RepositoryService repository, RuntimeService runtime, TaskService tasks,
                           HistoryService history, FormService forms, IdentityService identity,
                           UserDirectory directory, List<KnownDataProvider> knownData,
                           List<ProcessHandler> handlers, ActionMapper actions, TaskIndexMapper index,
                           TaskLists lists, Notifications notifications, WorkflowSettings settings,
                           PlatformTransactionManager transactions, OneCommand oneCommand, Clock clock) {
        this.repository = repository;
        this.runtime = runtime;
        this.tasks = tasks;
        this.history = history;
        this.forms = forms;
        this.identity = identity;
        this.directory = directory;
        this.knownData = knownData;
        this.handlers = handlers.stream().collect(Collectors.toMap(ProcessHandler::processKey, Function.identity()));
        this.actions = actions;
        this.index = index;
        this.lists = lists;
        this.notifications = notifications;
        this.settings = settings;
        this.eachInOwnTransaction = new TransactionTemplate(transactions);
        this.eachInOwnTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.oneCommand = oneCommand;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- starting

    /** The processes this user may start (latest versions, with a start form). */
    public List<StartOption> startOptions(String username) {
        return repository.createProcessDefinitionQuery().latestVersion().active().startableByUser(username)
                .orderByProcessDefinitionName().asc().list().stream()
                .filter(d -> d.hasStartFormKey() || startFormOf(d) != null)
                .map(d -> new StartOption(d.getKey(), d.getId(), d.getName()))
                .toList();
    }

    public StartForm startForm(String processKey, String username) {
        return startForm(startable(processKey, username), username);
    }

    private StartForm startForm(ProcessDefinition def, String username) {
        FormDefinition form = startFormOf(def);
        if (form == null) {
            throw new WorkflowException("workflow.error.noStartForm");
        }
        return new StartForm(def.getKey(), def.getName(), form, knownData(username));
    }

    /** Validates the form on the server and starts the process; returns the new instance id. */
    @Transactional
    public String start(String processKey, String username, Map<String, ?> submitted) {
        ProcessDefinition def = startable(processKey, username);
        StartForm start = startForm(def, username);
        ProcessHandler handler = handlers.get(processKey);
        // the starter's own data goes into the instance only when the request is the starter's own
        Map<String, Object> variables = new HashMap<>(
                handler == null || handler.keepsStarterData() ? start.known() : Map.of());
        Map<String, Object> values = validated(start.form(), submitted, start.known(), processKey, username,
                Map.of());
        variables.putAll(values);
        String businessKey = null;
        if (handler != null) {
            Map<String, Object> added = new HashMap<>(handler.onStart(username, values));
            Object given = added.remove("businessKey");
            businessKey = given == null ? null : given.toString();
            variables.putAll(added);
        }
        return startAll(def, username, List.of(new ProcessStart(businessKey, variables))).get(0);
    }

    /**
     * Starts one instance per entry with the variables given (the caller has checked them and created its domain
     * records: a campaign's reviews), in the caller's transaction; each start is recorded as a single start is.
     * Returns the new instance ids in the entries' order; the first failure rolls back all.
     */
    @Transactional
    public List<String> startAll(String processKey, String username, List<ProcessStart> starts) {
        return startAll(startable(processKey, username), username, starts);
    }

    private List<String> startAll(ProcessDefinition def, String username, List<ProcessStart> starts) {
        FlowElement startEvent = model(def.getId()).getModelElementsByType(StartEvent.class).stream()
                .findFirst().orElseThrow();
        String starterName = nameOfUser(username);
        // all the starts in one engine command, written in one flush; their SUBMIT rows in one statement
        List<String> ids = asUser(username, () -> oneCommand.run(() -> {
            List<String> started = new ArrayList<>(starts.size());
            for (ProcessStart start : starts) {
                Map<String, Object> variables = new HashMap<>(start.variables());
                variables.put(INITIATOR, username);
                started.add(runtime.startProcessInstanceById(def.getId(), start.businessKey(), variables).getId());
            }
            return started;
        }));
        if (!ids.isEmpty()) {
            actions.insertStarts(ids, startEvent.getId(), Objects.requireNonNullElse(nameOf(startEvent),
                    startEvent.getId()), Action.SUBMIT, username, starterName, clock.instant());
        }
        return ids;
    }

    // ---------------------------------------------------------------- inbox

    public long countInbox(String username) {
        return lists.count(username, TaskLists.Box.TODO, TaskFilter.NONE);
    }

    /** 待办, newest first: tasks held by the user and unclaimed tasks of their groups. */
    public List<TaskSummary> inbox(String username, int offset, int limit) {
        return lists.summaries(lists.list(username, TaskLists.Box.TODO, TaskFilter.NONE, offset, limit));
    }

    // ---------------------------------------------------------------- one task

    public TaskDetail task(String taskId, String username) {
        Task task = accessibleTask(taskId, username);
        TaskRow row = index.find(taskId);
        TaskSummary summary = lists.summaries(List.of(row)).get(0);
        Task main = mainTask(task);
        StepKind kind = task.getParentTaskId() != null ? StepKind.APPROVAL
                : kindOf(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
        FormDefinition form = taskFormOf(main);
        boolean delegated = task.getDelegationState() == DelegationState.PENDING;
        boolean claimable = task.getAssignee() == null;
        boolean unclaimable = username.equals(task.getAssignee()) && !delegated && hasCandidates(task);
        boolean ownerApproved = Boolean.TRUE.equals(tasks.getVariableLocal(taskId, OWNER_APPROVED));
        List<String> added = task.getParentTaskId() != null ? List.of()
                : tasks.getSubTasks(taskId).stream().map(t -> nameOfUser(t.getAssignee())).toList();
        List<Step> returnTargets = kind == StepKind.APPROVAL && task.getParentTaskId() == null
                ? returnTargets(task) : List.of();
        return new TaskDetail(summary, kind, form, withStepData(main), delegated,
                claimable, unclaimable, ownerApproved, added, returnTargets);
    }

    /** 签收: take an unclaimed task of one's group. */
    @Transactional
    public void claim(String taskId, String username) {
        Task task = accessibleTask(taskId, username);
        if (task.getAssignee() != null) {
            throw new WorkflowException("workflow.error.taskTaken");
        }
        guarded(() -> tasks.claim(taskId, username));
        record(task, Action.CLAIM, username, null, null);
    }

    /** 取消签收: give a claimed task back to its group. */
    @Transactional
    public void unclaim(String taskId, String username) {
        Task task = heldTask(taskId, username);
        if (task.getDelegationState() == DelegationState.PENDING) {
            // a delegate hands the task back by resolving it, not by giving it to the owner's group
            throw new WorkflowException("workflow.error.delegatedResolve");
        }
        if (!hasCandidates(task)) {
            throw new WorkflowException("workflow.error.notClaimed");
        }
        record(task, Action.UNCLAIM, username, null, null);
        guarded(() -> tasks.setAssignee(taskId, null));
    }

    /**
     * 通过 / 不通过 on an approval step, with the required opinion (审批意见). With added approvers (加签)
     * the step completes when all have approved; any refusal refuses it.
     */
    @Transactional
    public void decide(String taskId, String username, boolean approve, String opinion) {
        Task task = accessibleTask(taskId, username);
        String text = requiredOpinion(opinion);
        if (task.getDelegationState() == DelegationState.PENDING) {
            throw new WorkflowException("workflow.error.delegatedResolve");
        }
        if (task.getParentTaskId() != null) {
            decideAsAddedApprover(task, username, approve, text);
            return;
        }
        requireKind(task, StepKind.APPROVAL);
        claimIfOpen(task, username);
        List<Task> added = tasks.getSubTasks(taskId);
        record(task, approve ? Action.APPROVE : Action.REJECT, username, text, null);
        if (!approve) {
            added.forEach(sub -> tasks.deleteTask(sub.getId(), "refused"));
            complete(task, username, Map.of(APPROVED, false));
        } else if (added.isEmpty()) {
            complete(task, username, Map.of(APPROVED, true));
        } else {
            tasks.setVariableLocal(taskId, OWNER_APPROVED, true);
        }
    }

    private void decideAsAddedApprover(Task sub, String username, boolean approve, String text) {
        Task parent = tasks.createTaskQuery().taskId(sub.getParentTaskId()).singleResult();
        if (parent == null) {
            throw new WorkflowException("workflow.error.taskGone");
        }
        record(sub, approve ? Action.APPROVE : Action.REJECT, username, text, null);
        complete(sub, username, Map.of());
        if (!approve) {
            tasks.getSubTasks(parent.getId()).forEach(other -> tasks.deleteTask(other.getId(), "refused"));
            complete(parent, parent.getAssignee(), Map.of(APPROVED, false));
        } else if (tasks.getSubTasks(parent.getId()).isEmpty()
                && Boolean.TRUE.equals(tasks.getVariableLocal(parent.getId(), OWNER_APPROVED))) {
            complete(parent, parent.getAssignee(), Map.of(APPROVED, true));
        }
    }

    /** The starter resubmits a returned request with revised values. */
    @Transactional
    public void resubmit(String taskId, String username, Map<String, ?> submitted, String note) {
        Task task = accessibleTask(taskId, username);
        requireKind(task, StepKind.REVISE);
        requireStarter(task, username);
        FormDefinition form = taskFormOf(task);
        String processKey = definition(task.getProcessDefinitionId()).getKey();
        Map<String, Object> known = knownData(username);
        Map<String, Object> values = form == null ? Map.of()
                : validated(form, submitted, known, processKey, username,
                        runtime.getVariables(task.getProcessInstanceId()));
        Map<String, Object> variables = new HashMap<>(values);
        variables.put(RESUBMIT, true);
        ProcessHandler handler = handlers.get(processKey);
        if (handler != null) {
            Map<String, Object> all = new HashMap<>(runtime.getVariables(task.getProcessInstanceId()));
            all.putAll(variables);
            handler.onResubmit(all);
        }
        claimIfOpen(task, username);
        record(task, Action.RESUBMIT, username, blankToNull(note), null);
        complete(task, username, variables);
    }

    /**
     * Submits a {@code form} step: the step's form is validated on the server, the process's handler checks
     * and records it, and the task completes. With {@code cf.local=true} (e.g. one rater of a multi-instance
     * step) the values stay on the task; otherwise they become process variables.
     */
    @Transactional
    public void submitForm(String taskId, String username, Map<String, ?> submitted) {
        Task task = accessibleTask(taskId, username);
        requireKind(task, StepKind.FORM);
        FormDefinition form = taskFormOf(task);
        String processKey = definition(task.getProcessDefinitionId()).getKey();
        Map<String, Object> current = runtime.getVariables(task.getProcessInstanceId());
        ProcessHandler handler = handlers.get(processKey);
        Map<String, Object> known = knownData(username);
        if (handler != null) {
            // the record's facts, not the submitter's own data, fill the step's read-only fields
            known.putAll(handler.stepData(task.getTaskDefinitionKey(), current));
        }
        Map<String, Object> values = form == null ? Map.of() : validatedValues(form, submitted, known);
        Map<String, Object> processVariables = new HashMap<>();
        if (handler != null) {
            List<FormError> errors = handler.validateStep(task.getTaskDefinitionKey(), username, values, current);
            if (!errors.isEmpty()) {
                throw new WorkflowException("form.error.invalid", errors);
            }
            processVariables.putAll(handler.onStepSubmitted(task.getTaskDefinitionKey(), username, values, current));
        }
        claimIfOpen(task, username);
        record(task, Action.SUBMIT_FORM, username, null, null);
        if ("true".equals(property(task.getProcessDefinitionId(), task.getTaskDefinitionKey(), LOCAL_PROPERTY))) {
            tasks.setVariablesLocal(taskId, values);
        } else {
            processVariables.putAll(values);
        }
        complete(task, username, processVariables);
    }

    /** The starter gives up a returned request (撤销申请). */
    @Transactional
    public void withdraw(String taskId, String username, String reason) {
        Task task = accessibleTask(taskId, username);
        requireKind(task, StepKind.REVISE);
        requireStarter(task, username);
        claimIfOpen(task, username);
        record(task, Action.WITHDRAW, username, blankToNull(reason), null);
        complete(task, username, Map.of(RESUBMIT, false));
    }

    /** 转办: hand the task over to someone else for good. */
    @Transactional
    public void transfer(String taskId, String username, String target, String reason) {
        Task task = heldOrClaimed(taskId, username);
        notTheStartersOwn(task);
        String to = notTheRequester(task, otherUser(target, username));
        record(task, Action.TRANSFER, username, blankToNull(reason), to);
        guarded(() -> tasks.setAssignee(taskId, to));
    }

    /** 委派: ask someone to handle the task; it comes back to the user to finish. */
    @Transactional
    public void delegate(String taskId, String username, String target, String note) {
        Task task = heldOrClaimed(taskId, username);
        notTheStartersOwn(task);
        if (task.getParentTaskId() != null) {
            throw new WorkflowException("workflow.error.wrongAction");
        }
        String to = notTheRequester(task, otherUser(target, username));
        record(task, Action.DELEGATE, username, blankToNull(note), to);
        guarded(() -> tasks.delegateTask(taskId, to));
    }

    /** The delegate hands a delegated task back to its owner with an opinion. */
    @Transactional
    public void resolve(String taskId, String username, String opinion) {
        Task task = heldTask(taskId, username);
        if (task.getDelegationState() != DelegationState.PENDING) {
            throw new WorkflowException("workflow.error.wrongAction");
        }
        String text = requiredOpinion(opinion);
        record(task, Action.RESOLVE, username, text, task.getOwner());
        guarded(() -> tasks.resolveTask(taskId));
    }

    /** 加签: add approvers to this step; it completes only when they have all approved too. */
    @Transactional
    public void addApprovers(String taskId, String username, Collection<String> targets, String note) {
        Task task = heldOrClaimed(taskId, username);
        requireKind(task, StepKind.APPROVAL);
        if (task.getParentTaskId() != null || task.getDelegationState() == DelegationState.PENDING) {
            throw new WorkflowException("workflow.error.wrongAction");
        }
        if (targets == null || targets.isEmpty()) {
            throw new WorkflowException("workflow.error.noTarget");
        }
        Set<String> already = tasks.getSubTasks(taskId).stream().map(Task::getAssignee).collect(Collectors.toSet());
        for (String target : new LinkedHashSet<>(targets)) {
            String to = notTheRequester(task, otherUser(target, username));
            if (already.contains(to)) {
                continue;
            }
            record(task, Action.ADD_APPROVER, username, blankToNull(note), to);
            asUser(username, () -> {
                Task sub = tasks.newTask();
                sub.setParentTaskId(taskId);
                sub.setName(task.getName());
                sub.setAssignee(to);
                sub.setOwner(username);
                sub.setDueDate(task.getDueDate());
                tasks.saveTask(sub);
                return null;
            });
        }
    }

    /**
     * 退回: send the task back to an earlier completed user step of the same instance; the step gets the
     * person who handled it last time.
     */
    @Transactional
    public void returnTo(String taskId, String username, String stepKey, String opinion) {
        Task task = heldOrClaimed(taskId, username);
        requireKind(task, StepKind.APPROVAL);
        if (task.getParentTaskId() != null) {
            // an added approver votes on the step; sending the whole step back is its holder's call
            throw new WorkflowException("workflow.error.wrongAction");
        }
        String text = requiredOpinion(opinion);
        Step target = returnTargets(task).stream().filter(s -> s.key().equals(stepKey)).findFirst()
                .orElseThrow(() -> new WorkflowException("workflow.error.noSuchStep"));
        String previous = lastAssignee(task.getProcessInstanceId(), target.key());
        record(task, Action.RETURN, username, text, previous);
        tasks.getSubTasks(taskId).forEach(sub -> tasks.deleteTask(sub.getId(), "returned"));
        moveTo(task.getProcessInstanceId(), target.key(), previous, username);
    }

    /** 批量审批: approve many tasks of the same step with one opinion; each succeeds or fails on its own. */
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
            String starter = row == null ? null : nameOfUser(row.starter());
            try {
                eachInOwnTransaction.executeWithoutResult(s -> decide(id, username, true, opinion));
                results.add(new BatchResult(id, name, starter, true, "batch.ok"));
            } catch (WorkflowException e) {
                results.add(new BatchResult(id, name, starter, false, e.messageKey()));
            }
        }
        return results;
    }

    // ---------------------------------------------------------------- whole instances

    /** 撤回: the starter or the last approver takes back their action while the next step is untouched. */
    @Transactional
    public void recall(String processInstanceId, String username, String reason) {
        TimelineEntry last = recallable(processInstanceId, username);
        if (last == null) {
            throw new WorkflowException("workflow.error.cannotRecall");
        }
        ProcessInstance instance = runtime.createProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult();
        boolean starter = last.action() == Action.SUBMIT || last.action() == Action.RESUBMIT;
        String target = starter ? reviseStep(instance.getProcessDefinitionId()) : last.stepKey();
        if (target == null) {
            record(processInstanceId, null, last.stepKey(), last.stepName(), Action.RECALL, username,
                    blankToNull(reason), null);
            endInstance(processInstanceId, "recalled", username);
            return;
        }
        FlowElement step = model(instance.getProcessDefinitionId()).getModelElementById(target);
        record(processInstanceId, null, target, nameOf(step), Action.RECALL, username, blankToNull(reason), null);
        moveTo(processInstanceId, target, username, username);
    }

    /** 催办: remind the people the request is waiting for. At most once per interval per person. */
    @Transactional
    public void urge(String processInstanceId, String username, String note) {
        HistoricProcessInstance p = visibleInstance(processInstanceId, username);
        if (!canUrge(p, username)) {
            throw new WorkflowException("workflow.error.cannotUrge");
        }
        Instant last = actions.lastOf(processInstanceId, username, Action.URGE);
        if (last != null && last.plus(settings.urgeInterval()).isAfter(clock.instant())) {
            long minutes = Math.max(1, Duration.between(clock.instant(), last.plus(settings.urgeInterval()))
                    .toMinutes());
            throw new WorkflowException("workflow.error.urgedRecently",
                    List.of(FormError.of(null, "workflow.error.urgedRecently", minutes)));
        }
        List<TaskRow> open = index.openOfInstance(processInstanceId);
        String actorName = nameOfUser(username);
        for (TaskRow t : open) {
            for (String person : peopleOf(t)) {
                notifications.send(person, Notification.Kind.URGE, t.processKey(), processInstanceId, t.taskId(),
                        t.name(), actorName);
            }
        }
        String step = open.isEmpty() ? "" : open.get(0).stepKey();
        String stepName = open.isEmpty() ? "" : open.get(0).name();
        record(processInstanceId, null, step, stepName, Action.URGE, username, blankToNull(note), null);
    }

    /** 终止: an HR officer over the request's unit, or an administrator, ends it with a reason. */
    @Transactional
    public void terminate(String processInstanceId, String username, String reason) {
        HistoricProcessInstance p = visibleInstance(processInstanceId, username);
        if (p.getEndTime() != null || !canTerminate(processInstanceId, username)) {
            throw new WorkflowException("workflow.error.cannotTerminate");
        }
        if (reason == null || reason.isBlank()) {
            throw new WorkflowException("workflow.error.reasonRequired",
                    List.of(FormError.of("reason", "workflow.error.reasonRequired")));
        }
        String text = requiredOpinion(reason);
        List<TaskRow> open = index.openOfInstance(processInstanceId);
        record(processInstanceId, null, open.isEmpty() ? "" : open.get(0).stepKey(),
                open.isEmpty() ? "" : open.get(0).name(), Action.TERMINATE, username, text, null);
        endInstance(processInstanceId, text, username);
    }

    /** 抄送: let others read the request (and be told about it). */
    @Transactional
    public void copyTo(String processInstanceId, String username, Collection<String> targets) {
        HistoricProcessInstance p = visibleInstance(processInstanceId, username);
        if (targets == null || targets.isEmpty()) {
            throw new WorkflowException("workflow.error.noTarget");
        }
        ProcessDefinition def = definition(p.getProcessDefinitionId());
        for (String target : new LinkedHashSet<>(targets)) {
            String to = otherUser(target, username);
            actions.insertCopy(processInstanceId, to, username, clock.instant());
            record(processInstanceId, null, "", "", Action.COPY, username, null, to);
            notifications.send(to, Notification.Kind.COPY, def.getKey(), processInstanceId, null,
                    p.getBusinessKey() == null ? def.getName() : p.getBusinessKey(), nameOfUser(username));
        }
    }

    public long countCopies(String username, boolean unreadOnly) {
        return actions.countCopies(username, unreadOnly);
    }

    /** 抄送我的, newest first. */
    public List<Copy> copies(String username, int offset, int limit) {
        List<ActionMapper.CopyRow> rows = actions.copies(username, offset, limit);
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
                .processInstanceIds(rows.stream().map(ActionMapper.CopyRow::processInstanceId)
                        .collect(Collectors.toSet()))
                .list().stream().collect(Collectors.toMap(HistoricProcessInstance::getId, Function.identity()));
        return rows.stream().filter(r -> instances.containsKey(r.processInstanceId()))
                .map(r -> new Copy(r.processInstanceId(), r.sender(), nameOfUser(r.sender()), r.createdAt(),
                        r.readAt() != null, summary(instances.get(r.processInstanceId()),
                        currentSteps(r.processInstanceId()))))
                .toList();
    }

    /** Attaches a file to the task's request: type, size and content are checked first. */
    @Transactional
    public void attach(String taskId, String username, String fileName, byte[] content) {
        Task task = mainTask(accessibleTask(taskId, username));
        CheckedFile file = checkFile(fileName, content);
        String name = file.name();
        asUser(username, () -> tasks.createAttachment(file.contentType(), task.getId(), task.getProcessInstanceId(),
                name, null, new ByteArrayInputStream(content)));
        record(task, Action.ATTACH, username, name, null);
    }

    /** A file that passed the attachment rules: its name without any path, and its content type. */
    public record CheckedFile(String name, String contentType) {
    }

    /**
     * The attachment rules (accepted endings, size, content matching the ending) for files kept outside the
     * engine too, e.g. evidence a cadre attaches; refuses with the same message keys.
     */
    public CheckedFile checkFile(String fileName, byte[] content) {
        String name = Attachments.safeName(fileName);
        String problem = Attachments.problem(name, content, settings);
        if (problem != null) {
            throw new WorkflowException(problem);
        }
        return new CheckedFile(name, Attachments.MIME.get(Attachments.ending(name)));
    }

    public List<AttachmentInfo> attachments(String processInstanceId, String username) {
        visibleInstance(processInstanceId, username);
        return tasks.getProcessInstanceAttachments(processInstanceId).stream()
                .map(a -> new AttachmentInfo(a.getId(), a.getName(), a.getTaskId(),
                        a.getCreateTime() == null ? null : a.getCreateTime().toInstant()))
                .toList();
    }

    /** An attachment's bytes, for someone who may read its request. */
    public byte[] attachmentContent(String processInstanceId, String attachmentId, String username) {
        visibleInstance(processInstanceId, username);
        Attachment a = tasks.getAttachment(attachmentId);
        if (a == null || !processInstanceId.equals(a.getProcessInstanceId())) {
            throw new WorkflowException("attachment.error.gone");
        }
        try (InputStream in = tasks.getAttachmentContent(attachmentId)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public long countStarted(String username) {
        return history.createHistoricProcessInstanceQuery().startedBy(username).count();
    }

    public List<InstanceSummary> started(String username, int offset, int limit) {
        List<HistoricProcessInstance> page = history.createHistoricProcessInstanceQuery().startedBy(username)
                .orderByProcessInstanceStartTime().desc().listPage(offset, limit);
        return page.stream().map(p -> summary(p, p.getEndTime() == null ? currentSteps(p.getId()) : List.of()))
                .toList();
    }

    public InstanceDetail instance(String processInstanceId, String username) {
        HistoricProcessInstance p = visibleInstance(processInstanceId, username);
        List<TaskRow> open = index.openOfInstance(processInstanceId);
        InstanceSummary summary = summary(p, open.stream().map(TaskRow::name).distinct().toList());
        ProcessDefinition def = definition(p.getProcessDefinitionId());
        FormDefinition form = startFormOf(def);
        Map<String, Object> values = new HashMap<>();
        history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).list()
                .forEach(v -> values.put(v.getName(), v.getValue()));
        List<PendingStep> pending = open.stream().map(t -> new PendingStep(t.stepKey(), t.name(),
                peopleOf(t).stream().map(this::nameOfUser).toList(), t.createdAt())).toList();
        actions.markCopyRead(processInstanceId, username, clock.instant());
        boolean running = p.getEndTime() == null;
        return new InstanceDetail(summary, nameOfUser(p.getStartUserId()), form, values,
                actions.timeline(processInstanceId), pending, attachments(processInstanceId, username),
                running && recallable(processInstanceId, username) != null, running && canUrge(p, username),
                running && canTerminate(processInstanceId, username));
    }

    /** The BPMN of the instance with the steps already passed and the steps now open. */
    public Diagram diagram(String processInstanceId, String username) {
        HistoricProcessInstance p = visibleInstance(processInstanceId, username);
        String xml;
        try (InputStream in = repository.getProcessModel(p.getProcessDefinitionId())) {
            xml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        Set<String> completed = new LinkedHashSet<>();
        Set<String> active = new LinkedHashSet<>();
        for (HistoricActivityInstance a : history.createHistoricActivityInstanceQuery()
                .processInstanceId(processInstanceId).list()) {
            (a.getEndTime() == null ? active : completed).add(a.getActivityId());
        }
        completed.removeAll(active);
        return new Diagram(xml, completed, active);
    }

    // ---------------------------------------------------------------- people

    public List<String> groupIds(String username) {
        return directory.groupsOf(username).stream().map(UserDirectory.DirectoryGroup::id).toList();
    }

    /** Everybody a task can be handed to, copied to or shared with. */
    public List<UserDirectory.DirectoryUser> people() {
        return directory.users();
    }

    public WorkflowSettings settings() {
        return settings;
    }

    /** The instance's variables with what the process's handler holds for the task's step on top. */
    private Map<String, Object> withStepData(Task task) {
        Map<String, Object> variables = runtime.getVariables(task.getProcessInstanceId());
        ProcessHandler handler = handlers.get(definition(task.getProcessDefinitionId()).getKey());
        if (handler != null) {
            variables.putAll(handler.stepData(task.getTaskDefinitionKey(), variables));
        }
        return variables;
    }

    public Map<String, Object> knownData(String username) {
        Map<String, Object> known = new LinkedHashMap<>();
        knownData.forEach(p -> known.putAll(p.knownData(username)));
        return known;
    }

    // ---------------------------------------------------------------- rules

    /**
     * The form's own rules, then the handler's checks. On resubmission {@code current} holds the instance's
     * variables, so the handler sees what onStart added (e.g. the request's own id) beside the new values.
     */
    private Map<String, Object> validated(FormDefinition form, Map<String, ?> submitted, Map<String, Object> known,
                                          String processKey, String username, Map<String, Object> current) {
        FormValidator.Result result = FormValidator.validate(form, submitted == null ? Map.of() : submitted, known);
        List<FormError> errors = new ArrayList<>(result.errors());
        ProcessHandler handler = handlers.get(processKey);
        if (handler != null) {
            // the process's own checks run too, on the fields that passed, so all problems show at once
            Map<String, Object> checked = new HashMap<>(current);
            result.errors().forEach(e -> checked.remove(e.field()));
            checked.putAll(result.values());
            errors.addAll(handler.validate(username, checked));
        }
        if (!errors.isEmpty()) {
            throw new WorkflowException("form.error.invalid", errors);
        }
        return result.values();
    }

    private static Map<String, Object> validatedValues(FormDefinition form, Map<String, ?> submitted,
                                                       Map<String, Object> known) {
        FormValidator.Result result = FormValidator.validate(form, submitted == null ? Map.of() : submitted, known);
        if (!result.ok()) {
            throw new WorkflowException("form.error.invalid", result.errors());
        }
        return result.values();
    }

    private ProcessDefinition startable(String processKey, String username) {
        ProcessDefinition def = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().active().startableByUser(username).singleResult();
        if (def == null) {
            throw new WorkflowException("workflow.error.notStartable");
        }
        return def;
    }

    /** The task, if this user holds it or, while nobody does, is one of its candidates. */
    private Task accessibleTask(String taskId, String username) {
        Task task = taskId == null ? null : tasks.createTaskQuery().taskId(taskId).active().singleResult();
        if (task == null) {
            throw new WorkflowException("workflow.error.taskGone");
        }
        if (username.equals(task.getAssignee())) {
            return task;
        }
        boolean candidate;
        try {
            candidate = guarded(() -> isCandidate(task, username));
        } catch (WorkflowException e) {
            throw e;
        } catch (RuntimeException e) {
            // finished by someone else between the two reads: the engine trips over the vanished execution
            if (tasks.createTaskQuery().taskId(taskId).count() == 0) {
                throw new WorkflowException("workflow.error.taskGone");
            }
            throw e;
        }
        if (task.getAssignee() == null && candidate) {
            return task;
        }
        if (candidate) {
            throw new WorkflowException("workflow.error.taskTaken");
        }
        // Not (or no longer) offered to this user. If someone finished it in the meantime, the candidate links
        // read above were already gone: say so rather than "not your task".
        if (tasks.createTaskQuery().taskId(taskId).count() == 0) {
            throw new WorkflowException("workflow.error.taskGone");
        }
        throw new WorkflowException("workflow.error.notYourTask");
    }

    /** The task, if this user holds it. */
    private Task heldTask(String taskId, String username) {
        Task task = accessibleTask(taskId, username);
        if (!username.equals(task.getAssignee())) {
            throw new WorkflowException("workflow.error.claimFirst");
        }
        return task;
    }

    /** The task, held by this user: an unclaimed one is claimed on the way. */
    private Task heldOrClaimed(String taskId, String username) {
        Task task = accessibleTask(taskId, username);
        if (task.getDelegationState() == DelegationState.PENDING) {
            throw new WorkflowException("workflow.error.delegatedResolve");
        }
        claimIfOpen(task, username);
        return tasks.createTaskQuery().taskId(taskId).singleResult();
    }

    private boolean isCandidate(Task task, String username) {
        Set<String> groups = new HashSet<>(groupIds(username));
        for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType())
                    && (username.equals(link.getUserId()) || groups.contains(link.getGroupId()))) {
                return true;
            }
        }
        return false;
    }

    private boolean hasCandidates(Task task) {
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .anyMatch(l -> IdentityLinkType.CANDIDATE.equals(l.getType()));
    }

    private void claimIfOpen(Task task, String username) {
        if (task.getAssignee() == null) {
            guarded(() -> tasks.claim(task.getId(), username));
        }
    }

    private Task mainTask(Task task) {
        if (task.getParentTaskId() == null) {
            return task;
        }
        Task parent = tasks.createTaskQuery().taskId(task.getParentTaskId()).singleResult();
        if (parent == null) {
            throw new WorkflowException("workflow.error.taskGone");
        }
        return parent;
    }

    private HistoricProcessInstance visibleInstance(String processInstanceId, String username) {
        HistoricProcessInstance p = instanceOrFail(processInstanceId);
        boolean visible = username.equals(p.getStartUserId())
                || actions.countByActor(processInstanceId, username) > 0
                || actions.countCopy(processInstanceId, username) > 0
                || index.openOfInstance(processInstanceId).stream().anyMatch(t -> peopleOf(t).contains(username))
                || canTerminate(processInstanceId, username);
        if (!visible) {
            throw new WorkflowException("workflow.error.notYourInstance");
        }
        return p;
    }

    private HistoricProcessInstance instanceOrFail(String processInstanceId) {
        HistoricProcessInstance p = processInstanceId == null ? null
                : history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        if (p == null) {
            throw new WorkflowException("workflow.error.instanceGone");
        }
        return p;
    }

    /** The action this user may still take back, or null. */
    private TimelineEntry recallable(String processInstanceId, String username) {
        if (runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) {
            return null;
        }
        List<TimelineEntry> timeline = actions.timeline(processInstanceId);
        // copies and reminders do not touch the next step
        List<TimelineEntry> steps = timeline.stream()
                .filter(e -> e.action() != Action.COPY && e.action() != Action.URGE).toList();
        if (steps.isEmpty()) {
            return null;
        }
        TimelineEntry last = steps.get(steps.size() - 1);
        if (!username.equals(last.actor())) {
            return null;
        }
        return switch (last.action()) {
            case SUBMIT, RESUBMIT -> last;
            case APPROVE, REJECT -> {
                TaskRow acted = last.taskId() == null ? null : index.find(last.taskId());
                // an added approver's vote, or an approval still waiting for added approvers, has no next step yet
                yield acted == null || acted.parentTaskId() != null || TaskProjection.OPEN.equals(acted.state())
                        ? null : last;
            }
            default -> null;
        };
    }

    private boolean canUrge(HistoricProcessInstance p, String username) {
        return p.getEndTime() == null && (username.equals(p.getStartUserId())
                || canTerminate(p.getId(), username));
    }

    /** HR officers over the request's unit and administrators may end it. */
    private boolean canTerminate(String processInstanceId, String username) {
        List<String> groups = groupIds(username);
        if (groups.contains(ADMIN)) {
            return true;
        }
        Object unit = history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .variableName("hrGroup").list().stream().findFirst().map(v -> v.getValue()).orElse(null);
        return unit != null && groups.contains(unit.toString());
    }

    private void requireKind(Task task, StepKind kind) {
        StepKind actual = task.getParentTaskId() != null ? StepKind.APPROVAL
                : kindOf(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
        if (actual != kind) {
            throw new WorkflowException("workflow.error.wrongAction");
        }
    }

    /**
     * The revise step is the starter's own request: it is not handed on (转办/委派), since nobody else may
     * resubmit or withdraw it.
     */
    private void notTheStartersOwn(Task task) {
        if (task.getParentTaskId() == null
                && kindOf(task.getProcessDefinitionId(), task.getTaskDefinitionKey()) == StepKind.REVISE) {
            throw new WorkflowException("workflow.error.wrongAction");
        }
    }

    /** Only the person who started the request revises, resubmits or withdraws it. */
    private void requireStarter(Task task, String username) {
        Task main = mainTask(task);
        if (!username.equals(instanceOrFail(main.getProcessInstanceId()).getStartUserId())) {
            throw new WorkflowException("workflow.error.notYourTask");
        }
    }

    StepKind kindOf(String definitionId, String stepKey) {
        String kind = property(definitionId, stepKey, KIND_PROPERTY);
        return kind == null ? StepKind.APPROVAL : StepKind.valueOf(kind.toUpperCase(java.util.Locale.ROOT));
    }

    /** A {@code camunda:property} of a step in the model, or null. */
    private String property(String definitionId, String stepKey, String name) {
        FlowElement element = model(definitionId).getModelElementById(stepKey);
        if (element != null && element.getExtensionElements() != null) {
            for (CamundaProperty p : element.getExtensionElements().getElementsQuery()
                    .filterByType(CamundaProperties.class).list().stream()
                    .flatMap(ps -> ps.getCamundaProperties().stream()).toList()) {
                if (name.equals(p.getCamundaName())) {
                    return p.getCamundaValue();
                }
            }
        }
        return null;
    }

    /** The first user task in the model where the starter revises their request, if there is one. */
    private String reviseStep(String definitionId) {
        return model(definitionId).getModelElementsByType(UserTask.class).stream()
                .filter(t -> kindOf(definitionId, t.getId()) == StepKind.REVISE).map(UserTask::getId)
                .findFirst().orElse(null);
    }

    /** Earlier user steps of the instance that were completed, in the order they first happened. */
    private List<Step> returnTargets(Task task) {
        Map<String, Step> steps = new LinkedHashMap<>();
        for (HistoricActivityInstance a : history.createHistoricActivityInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).activityType("userTask").finished()
                .orderByHistoricActivityInstanceStartTime().asc().list()) {
            if (!a.getActivityId().equals(task.getTaskDefinitionKey())) {
                steps.putIfAbsent(a.getActivityId(), new Step(a.getActivityId(), a.getActivityName()));
            }
        }
        return List.copyOf(steps.values());
    }

    private String lastAssignee(String processInstanceId, String stepKey) {
        List<HistoricTaskInstance> done = history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(stepKey).finished().orderByHistoricActivityInstanceStartTime().desc()
                .listPage(0, 1);
        return done.isEmpty() ? null : done.get(0).getAssignee();
    }

    /** Moves the instance's token(s) to a step, which then belongs to {@code assignee}. */
    private void moveTo(String processInstanceId, String stepKey, String assignee, String actor) {
        ProcessInstanceModificationBuilder move = runtime.createProcessInstanceModification(processInstanceId)
                .startBeforeActivity(stepKey);
        for (String active : runtime.getActiveActivityIds(processInstanceId)) {
            move = move.cancelAllForActivity(active);
        }
        ProcessInstanceModificationBuilder modification = move;
        asUser(actor, () -> {
            modification.execute();
            return null;
        });
        if (assignee != null) {
            for (Task t : tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(stepKey)
                    .list()) {
                if (!assignee.equals(t.getAssignee())) {
                    asUser(actor, () -> {
                        tasks.setAssignee(t.getId(), assignee);
                        return null;
                    });
                }
            }
        }
    }

    private void endInstance(String processInstanceId, String reason, String actor) {
        HistoricProcessInstance p = instanceOrFail(processInstanceId);
        Map<String, Object> variables = runtime.getVariables(processInstanceId);
        ProcessHandler handler = handlers.get(definition(p.getProcessDefinitionId()).getKey());
        asUser(actor, () -> {
            runtime.deleteProcessInstance(processInstanceId, reason, true, true);
            return null;
        });
        if (handler != null) {
            handler.onTerminated(variables);
        }
        if (p.getStartUserId() != null && !p.getStartUserId().equals(actor)) {
            notifications.send(p.getStartUserId(), Notification.Kind.ENDED, definition(p.getProcessDefinitionId())
                    .getKey(), processInstanceId, null, reason, nameOfUser(actor));
        }
    }

    private void complete(Task task, String username, Map<String, Object> variables) {
        asUser(username, () -> {
            guarded(() -> tasks.complete(task.getId(), variables));
            return null;
        });
    }

    /** Runs an engine call; a concurrent change by someone else becomes a clear refusal. */
    private void guarded(Runnable call) {
        guarded(() -> {
            call.run();
            return null;
        });
    }

    private <T> T guarded(Supplier<T> call) {
        try {
            return call.get();
        } catch (OptimisticLockingException | TaskAlreadyClaimedException e) {
            throw new WorkflowException("workflow.error.taskTaken");
        } catch (RuntimeException e) {
            if (e instanceof ProcessEngineException && e.getMessage() != null
                    && e.getMessage().contains("Cannot find task")) {
                throw new WorkflowException("workflow.error.taskGone");
            }
            if (lostToAConcurrentTransaction(e)) {
                throw new WorkflowException("workflow.error.taskTaken");
            }
            throw e;
        }
    }

    /**
     * A deadlock or lock-wait timeout, however wrapped (engine, MyBatis, Spring): the database rolled the
     * statement or the transaction back because someone else was changing the same rows.
     */
    static boolean lostToAConcurrentTransaction(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptimisticLockingException
                    || t instanceof org.springframework.dao.ConcurrencyFailureException
                    || t instanceof java.sql.SQLTransactionRollbackException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && (sql.getErrorCode() == 1213 || sql.getErrorCode() == 1205
                    || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** 回避: nobody decides on their own request, so an approval step is never handed to its requester. */
    private String notTheRequester(Task task, String target) {
        Task main = mainTask(task);
        Object starter = runtime.getVariable(main.getProcessInstanceId(), INITIATOR);
        if (target.equals(starter)) {
            throw new WorkflowException("workflow.error.targetIsRequester");
        }
        return target;
    }

    private String otherUser(String target, String username) {
        if (target == null || target.isBlank()) {
            throw new WorkflowException("workflow.error.noTarget");
        }
        if (target.equals(username)) {
            throw new WorkflowException("workflow.error.targetIsSelf");
        }
        if (directory.user(target).isEmpty()) {
            throw new WorkflowException("workflow.error.noSuchUser");
        }
        return target;
    }

    private static String requiredOpinion(String opinion) {
        String text = opinion == null ? "" : opinion.strip();
        if (text.isEmpty()) {
            throw new WorkflowException("workflow.error.opinionRequired",
                    List.of(FormError.of("opinion", "workflow.error.opinionRequired")));
        }
        if (text.length() > 2000) {
            throw new WorkflowException("workflow.error.opinionTooLong",
                    List.of(FormError.of("opinion", "workflow.error.opinionTooLong")));
        }
        return text;
    }

    private FormDefinition startFormOf(ProcessDefinition def) {
        try (InputStream in = forms.getDeployedStartForm(def.getId())) {
            return in == null ? null : FormDefinition.parse(in);
        } catch (ProcessEngineException | java.io.IOException e) {
            return null;
        }
    }

    private FormDefinition taskFormOf(Task task) {
        try (InputStream in = forms.getDeployedTaskForm(task.getId())) {
            return in == null ? null : FormDefinition.parse(in);
        } catch (ProcessEngineException | java.io.IOException e) {
            return null;
        }
    }

    private List<String> currentSteps(String processInstanceId) {
        return index.openOfInstance(processInstanceId).stream().filter(t -> t.parentTaskId() == null)
                .map(TaskRow::name).distinct().toList();
    }

    private InstanceSummary summary(HistoricProcessInstance p, List<String> currentSteps) {
        ProcessDefinition def = definition(p.getProcessDefinitionId());
        String outcomeKey = p.getEndActivityId();
        String outcomeName = null;
        if (outcomeKey != null) {
            FlowElement end = model(def.getId()).getModelElementById(outcomeKey);
            outcomeName = end == null ? outcomeKey : nameOf(end);
        } else if (p.getEndTime() != null) {
            outcomeKey = "terminated";
        }
        return new InstanceSummary(p.getId(), def.getKey(), def.getName(), p.getBusinessKey(),
                p.getStartTime().toInstant(), p.getEndTime() == null ? null : p.getEndTime().toInstant(),
                outcomeKey, outcomeName, currentSteps);
    }

    /** Who a task waits for: its holder, or every member of its candidate groups. */
    private List<String> peopleOf(TaskRow task) {
        if (task.assignee() != null) {
            return List.of(task.assignee());
        }
        Set<String> people = new LinkedHashSet<>();
        for (String group : index.candidatesOf(task.taskId())) {
            if (group.startsWith(TaskProjection.USER_PREFIX)) {
                people.add(group.substring(TaskProjection.USER_PREFIX.length()));
            } else {
                people.addAll(directory.memberIds(group));
            }
        }
        return List.copyOf(people);
    }

    String nameOfUser(String username) {
        return username == null ? null
                : directory.user(username).map(UserDirectory.DirectoryUser::name).orElse(username);
    }

    private ProcessDefinition definition(String definitionId) {
        return definitions.computeIfAbsent(definitionId, id -> repository.getProcessDefinition(id));
    }

    private BpmnModelInstance model(String definitionId) {
        return models.computeIfAbsent(definitionId, repository::getBpmnModelInstance);
    }

    private static String nameOf(FlowElement element) {
        return element.getName() == null ? element.getId() : element.getName();
    }

    private void record(Task task, Action action, String username, String opinion, String target) {
        Task main = task.getParentTaskId() == null ? task : mainTask(task);
        record(main.getProcessInstanceId(), task.getId(), main.getTaskDefinitionKey(), main.getName(), action,
                username, opinion, target);
    }

    private void record(String processInstanceId, String taskId, String stepKey, String stepName, Action action,
                        String username, String opinion, String target) {
        actions.insert(processInstanceId, taskId, stepKey, Objects.requireNonNullElse(stepName, stepKey), action,
                username, nameOfUser(username), opinion, target, nameOfUser(target), clock.instant());
    }

    private <T> T asUser(String username, Supplier<T> work) {
        identity.setAuthenticatedUserId(username);
        try {
            return work.get();
        } finally {
            identity.clearAuthentication();
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
