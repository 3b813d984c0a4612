package cn.cadreflow.workflow;

import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
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
import java.util.stream.Collectors;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cadreflow.workflow.WorkflowViews.Diagram;
import cn.cadreflow.workflow.WorkflowViews.InstanceDetail;
import cn.cadreflow.workflow.WorkflowViews.InstanceSummary;
import cn.cadreflow.workflow.WorkflowViews.PendingStep;
import cn.cadreflow.workflow.WorkflowViews.StartForm;
import cn.cadreflow.workflow.WorkflowViews.StartOption;
import cn.cadreflow.workflow.WorkflowViews.StepKind;
import cn.cadreflow.workflow.WorkflowViews.TaskDetail;
import cn.cadreflow.workflow.WorkflowViews.TaskSummary;

/**
 * The one door to the process engine for the rest of CadreFlow: starting processes from their forms,
 * the inbox, acting on tasks, and reading instances back with their diagram and timeline. Every call
 * names the acting user and is checked against what that user may see and do.
 */
@Service
public class WorkflowService {

    public static final String INITIATOR = "initiator";
    public static final String APPROVED = "approved";
    public static final String RESUBMIT = "resubmit";
    static final String KIND_PROPERTY = "cf.kind";

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
    private final Map<String, BpmnModelInstance> models = new ConcurrentHashMap<>();
    private final Map<String, ProcessDefinition> definitions = new ConcurrentHashMap<>();

    public WorkflowService(RepositoryService repository, RuntimeService runtime, TaskService tasks,
                           HistoryService history, FormService forms, IdentityService identity,
                           UserDirectory directory, List<KnownDataProvider> knownData,
                           List<ProcessHandler> handlers, ActionMapper actions) {
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
        ProcessDefinition def = startable(processKey, username);
        FormDefinition form = startFormOf(def);
        if (form == null) {
            throw new WorkflowException("workflow.error.noStartForm");
        }
        return new StartForm(def.getKey(), def.getName(), form, knownData(username));
    }

    /** Validates the form on the server and starts the process; returns the new instance id. */
    @Transactional
    public String start(String processKey, String username, Map<String, ?> submitted) {
        StartForm start = startForm(processKey, username);
        ProcessDefinition def = startable(processKey, username);
        Map<String, Object> values = validated(start.form(), submitted, start.known(), processKey, username,
                Map.of());

        Map<String, Object> variables = new HashMap<>(start.known());
        variables.putAll(values);
        variables.put(INITIATOR, username);
        ProcessHandler handler = handlers.get(processKey);
        String businessKey = null;
        if (handler != null) {
            Map<String, Object> added = new HashMap<>(handler.onStart(username, values));
            Object given = added.remove("businessKey");
            businessKey = given == null ? null : given.toString();
            variables.putAll(added);
        }
        String key = businessKey;
        ProcessInstance instance = asUser(username,
                () -> runtime.startProcessInstanceById(def.getId(), key, variables));
        FlowElement startEvent = model(def.getId()).getModelElementsByType(
                org.camunda.bpm.model.bpmn.instance.StartEvent.class).stream().findFirst().orElseThrow();
        record(instance.getId(), null, startEvent.getId(), nameOf(startEvent), Action.SUBMIT, username, null);
        return instance.getId();
    }

    // ---------------------------------------------------------------- inbox

    public long countInbox(String username) {
        return inboxQuery(username).count();
    }

    public List<TaskSummary> inbox(String username, int offset, int limit) {
        List<Task> page = inboxQuery(username).orderByTaskCreateTime().desc().listPage(offset, limit);
        return summaries(page);
    }

    private TaskQuery inboxQuery(String username) {
        List<String> groups = groupIds(username);
        TaskQuery query = tasks.createTaskQuery().active();
        if (groups.isEmpty()) {
            return query.taskAssignee(username);
        }
        return query.or().taskAssignee(username).taskCandidateGroupIn(groups).endOr();
    }

    // ---------------------------------------------------------------- tasks

    public TaskDetail task(String taskId, String username) {
        Task task = accessibleTask(taskId, username);
        TaskSummary summary = summaries(List.of(task)).get(0);
        StepKind kind = kindOf(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
        FormDefinition form = taskFormOf(task);
        return new TaskDetail(summary, kind, form, runtime.getVariables(task.getProcessInstanceId()));
    }

    /** Approves or rejects an approval step. The opinion (审批意见) is required. */
    @Transactional
    public void decide(String taskId, String username, boolean approve, String opinion) {
        Task task = accessibleTask(taskId, username);
        requireKind(task, StepKind.APPROVAL);
        String text = opinion == null ? "" : opinion.strip();
        if (text.isEmpty()) {
            throw new WorkflowException("workflow.error.opinionRequired",
                    List.of(FormError.of("opinion", "workflow.error.opinionRequired")));
        }
        if (text.length() > 2000) {
            throw new WorkflowException("workflow.error.opinionTooLong",
                    List.of(FormError.of("opinion", "workflow.error.opinionTooLong")));
        }
        finish(task, username, approve ? Action.APPROVE : Action.REJECT, text, Map.of(APPROVED, approve));
    }

    /** The starter resubmits a returned request with revised values. */
    @Transactional
    public void resubmit(String taskId, String username, Map<String, ?> submitted, String note) {
        Task task = accessibleTask(taskId, username);
        requireKind(task, StepKind.REVISE);
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
        finish(task, username, Action.RESUBMIT, blankToNull(note), variables);
    }

    /** The starter gives up a returned request. */
    @Transactional
    public void withdraw(String taskId, String username, String reason) {
        Task task = accessibleTask(taskId, username);
        requireKind(task, StepKind.REVISE);
        finish(task, username, Action.WITHDRAW, blankToNull(reason), Map.of(RESUBMIT, false));
    }

    private void finish(Task task, String username, Action action, String opinion, Map<String, Object> variables) {
        try {
            if (task.getAssignee() == null) {
                tasks.claim(task.getId(), username);
            }
            record(task.getProcessInstanceId(), task.getId(), task.getTaskDefinitionKey(), task.getName(),
                    action, username, opinion);
            asUser(username, () -> {
                tasks.complete(task.getId(), variables);
                return null;
            });
        } catch (OptimisticLockingException | org.camunda.bpm.engine.TaskAlreadyClaimedException e) {
            throw new WorkflowException("workflow.error.taskTaken");
        } catch (ProcessEngineException e) {
            if (tasks.createTaskQuery().taskId(task.getId()).count() == 0) {
                throw new WorkflowException("workflow.error.taskTaken");
            }
            throw e;
        }
    }

    // ---------------------------------------------------------------- instances

    public long countStarted(String username) {
        return history.createHistoricProcessInstanceQuery().startedBy(username).count();
    }

    public List<InstanceSummary> started(String username, int offset, int limit) {
        List<HistoricProcessInstance> page = history.createHistoricProcessInstanceQuery().startedBy(username)
                .orderByProcessInstanceStartTime().desc().listPage(offset, limit);
        Map<String, List<String>> current = new HashMap<>();
        Set<String> running = page.stream().filter(p -> p.getEndTime() == null)
                .map(HistoricProcessInstance::getId).collect(Collectors.toSet());
        if (!running.isEmpty()) {
            for (Task t : tasks.createTaskQuery().processInstanceIdIn(running.toArray(String[]::new)).list()) {
                current.computeIfAbsent(t.getProcessInstanceId(), k -> new ArrayList<>()).add(t.getName());
            }
        }
        return page.stream().map(p -> summary(p, current.getOrDefault(p.getId(), List.of()))).toList();
    }

    public InstanceDetail instance(String processInstanceId, String username) {
        HistoricProcessInstance p = visibleInstance(processInstanceId, username);
        List<Task> open = tasks.createTaskQuery().processInstanceId(processInstanceId).list();
        InstanceSummary summary = summary(p, open.stream().map(Task::getName).toList());
        ProcessDefinition def = definition(p.getProcessDefinitionId());
        FormDefinition form = startFormOf(def);
        Map<String, Object> values = new HashMap<>();
        history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).list()
                .forEach(v -> values.put(v.getName(), v.getValue()));
        List<PendingStep> pending = open.stream().map(t -> new PendingStep(t.getTaskDefinitionKey(), t.getName(),
                peopleFor(t), t.getCreateTime().toInstant())).toList();
        return new InstanceDetail(summary, nameOfUser(p.getStartUserId()), form, values,
                actions.timeline(processInstanceId), pending);
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

    // ---------------------------------------------------------------- helpers

    public List<String> groupIds(String username) {
        return directory.groupsOf(username).stream().map(UserDirectory.DirectoryGroup::id).toList();
    }

    public Map<String, Object> knownData(String username) {
        Map<String, Object> known = new LinkedHashMap<>();
        knownData.forEach(p -> known.putAll(p.knownData(username)));
        return known;
    }

    /**
     * The form's own rules, then the handler's checks. On resubmission {@code current} holds the instance's
     * variables, so the handler sees what onStart added (e.g. the request's own id) beside the new values.
     */
    private Map<String, Object> validated(FormDefinition form, Map<String, ?> submitted, Map<String, Object> known,
                                          String processKey, String username, Map<String, Object> current) {
        FormValidator.Result result = FormValidator.validate(form, submitted == null ? Map.of() : submitted, known);
        if (!result.ok()) {
            throw new WorkflowException("form.error.invalid", result.errors());
        }
        ProcessHandler handler = handlers.get(processKey);
        if (handler != null) {
            Map<String, Object> checked = new HashMap<>(current);
            checked.putAll(result.values());
            List<FormError> errors = handler.validate(username, checked);
            if (!errors.isEmpty()) {
                throw new WorkflowException("form.error.invalid", errors);
            }
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

    /** The task, if this user is its assignee or, while it is unclaimed, one of its candidates. */
    private Task accessibleTask(String taskId, String username) {
        Task task = taskId == null ? null : tasks.createTaskQuery().taskId(taskId).active().singleResult();
        if (task == null) {
            throw new WorkflowException("workflow.error.taskGone");
        }
        if (username.equals(task.getAssignee())) {
            return task;
        }
        if (task.getAssignee() == null) {
            Set<String> groups = new HashSet<>(groupIds(username));
            for (IdentityLink link : tasks.getIdentityLinksForTask(taskId)) {
                if (IdentityLinkType.CANDIDATE.equals(link.getType())
                        && (username.equals(link.getUserId()) || groups.contains(link.getGroupId()))) {
                    return task;
                }
            }
        }
        throw new WorkflowException("workflow.error.notYourTask");
    }

    private HistoricProcessInstance visibleInstance(String processInstanceId, String username) {
        HistoricProcessInstance p = processInstanceId == null ? null
                : history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        if (p == null) {
            throw new WorkflowException("workflow.error.instanceGone");
        }
        boolean visible = username.equals(p.getStartUserId())
                || actions.countByActor(processInstanceId, username) > 0
                || inboxQuery(username).processInstanceId(processInstanceId).count() > 0;
        if (!visible) {
            throw new WorkflowException("workflow.error.notYourInstance");
        }
        return p;
    }

    private void requireKind(Task task, StepKind kind) {
        if (kindOf(task.getProcessDefinitionId(), task.getTaskDefinitionKey()) != kind) {
            throw new WorkflowException("workflow.error.wrongAction");
        }
    }

    StepKind kindOf(String definitionId, String stepKey) {
        FlowElement element = model(definitionId).getModelElementById(stepKey);
        if (element != null && element.getExtensionElements() != null) {
            for (CamundaProperty p : element.getExtensionElements().getElementsQuery()
                    .filterByType(CamundaProperties.class).list().stream()
                    .flatMap(ps -> ps.getCamundaProperties().stream()).toList()) {
                if (KIND_PROPERTY.equals(p.getCamundaName())) {
                    return StepKind.valueOf(p.getCamundaValue().toUpperCase(java.util.Locale.ROOT));
                }
            }
        }
        return StepKind.APPROVAL;
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

    private List<TaskSummary> summaries(List<Task> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        Map<String, HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
                .processInstanceIds(page.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet()))
                .list().stream().collect(Collectors.toMap(HistoricProcessInstance::getId, Function.identity()));
        Map<String, String> names = new HashMap<>();
        return page.stream().map(t -> {
            HistoricProcessInstance p = instances.get(t.getProcessInstanceId());
            ProcessDefinition def = definition(t.getProcessDefinitionId());
            String starter = p == null ? null : p.getStartUserId();
            return new TaskSummary(t.getId(), t.getName(), t.getTaskDefinitionKey(), def.getKey(), def.getName(),
                    t.getProcessInstanceId(), starter,
                    starter == null ? null : names.computeIfAbsent(starter, this::nameOfUser),
                    t.getCreateTime().toInstant(), t.getDueDate() == null ? null : t.getDueDate().toInstant(),
                    t.getAssignee());
        }).toList();
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

    private List<String> peopleFor(Task task) {
        if (task.getAssignee() != null) {
            return List.of(nameOfUser(task.getAssignee()));
        }
        Set<String> people = new LinkedHashSet<>();
        for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                continue;
            }
            if (link.getUserId() != null) {
                people.add(nameOfUser(link.getUserId()));
            } else if (link.getGroupId() != null) {
                directory.memberIds(link.getGroupId()).forEach(u -> people.add(nameOfUser(u)));
            }
        }
        return List.copyOf(people);
    }

    private String nameOfUser(String username) {
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

    private void record(String processInstanceId, String taskId, String stepKey, String stepName, Action action,
                        String username, String opinion) {
        actions.insert(processInstanceId, taskId, stepKey, Objects.requireNonNullElse(stepName, stepKey), action,
                username, nameOfUser(username), opinion, Instant.now());
    }

    private <T> T asUser(String username, java.util.function.Supplier<T> work) {
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
