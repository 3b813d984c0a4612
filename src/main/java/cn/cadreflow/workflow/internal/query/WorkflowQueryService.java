package cn.cadreflow.workflow.internal.query;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import cn.cadreflow.workflow.FormDefinition;
import cn.cadreflow.workflow.ProcessHandler;
import cn.cadreflow.workflow.TaskFilter;
import cn.cadreflow.workflow.TimelineEntry;
import cn.cadreflow.workflow.UserDirectory;
import cn.cadreflow.workflow.WorkflowException;
import cn.cadreflow.workflow.WorkflowQueries;
import cn.cadreflow.workflow.WorkflowViews.About;
import cn.cadreflow.workflow.WorkflowViews.AttachmentInfo;
import cn.cadreflow.workflow.WorkflowViews.Copy;
import cn.cadreflow.workflow.WorkflowViews.Diagram;
import cn.cadreflow.workflow.WorkflowViews.HandledTask;
import cn.cadreflow.workflow.WorkflowViews.InstanceDetail;
import cn.cadreflow.workflow.WorkflowViews.InstanceSummary;
import cn.cadreflow.workflow.WorkflowViews.OpenTask;
import cn.cadreflow.workflow.WorkflowViews.PendingStep;
import cn.cadreflow.workflow.WorkflowViews.Step;
import cn.cadreflow.workflow.WorkflowViews.StepKind;
import cn.cadreflow.workflow.WorkflowViews.TaskDetail;
import cn.cadreflow.workflow.WorkflowViews.TaskSummary;
import cn.cadreflow.workflow.internal.People;
import cn.cadreflow.workflow.internal.Plugins;
import cn.cadreflow.workflow.internal.access.InstanceAccess;
import cn.cadreflow.workflow.internal.access.TaskAccess;
import cn.cadreflow.workflow.internal.access.TaskRules;
import cn.cadreflow.workflow.internal.engine.EngineDefinition;
import cn.cadreflow.workflow.internal.engine.EngineInstance;
import cn.cadreflow.workflow.internal.engine.EngineInstances;
import cn.cadreflow.workflow.internal.engine.EngineModels;
import cn.cadreflow.workflow.internal.engine.EngineTask;
import cn.cadreflow.workflow.internal.engine.EngineTasks;
import cn.cadreflow.workflow.internal.model.ProcessModel;
import cn.cadreflow.workflow.internal.trail.ActionMapper;
import cn.cadreflow.workflow.internal.trail.Trail;

/** Tasks and requests read back for the task centre, each checked against what the reader may see. */
@Service
class WorkflowQueryService implements WorkflowQueries {

    private final EngineTasks tasks;
    private final EngineInstances instances;
    private final EngineModels models;
    private final ProcessModel model;
    private final TaskAccess taskAccess;
    private final InstanceAccess instanceAccess;
    private final TaskLists lists;
    private final TaskIndexMapper index;
    private final ActionMapper actions;
    private final Trail trail;
    private final Plugins plugins;
    private final People people;
    private final Clock clock;
    private final HandledTasks handled;

    WorkflowQueryService(EngineTasks tasks, EngineInstances instances, EngineModels models, ProcessModel model,
                         TaskAccess taskAccess, InstanceAccess instanceAccess, TaskLists lists, TaskIndexMapper index,
                         ActionMapper actions, Trail trail, Plugins plugins, People people, Clock clock,
                         HandledTasks handled) {
        this.tasks = tasks;
        this.instances = instances;
        this.models = models;
        this.model = model;
        this.taskAccess = taskAccess;
        this.instanceAccess = instanceAccess;
        this.lists = lists;
        this.index = index;
        this.actions = actions;
        this.trail = trail;
        this.plugins = plugins;
        this.people = people;
        this.clock = clock;
        this.handled = handled;
    }

    @Override
    public long countInbox(String username) {
        return lists.count(username, TaskLists.Box.TODO, TaskFilter.NONE);
    }

    @Override
    public List<TaskSummary> inbox(String username, int offset, int limit) {
        return lists.summaries(lists.list(username, TaskLists.Box.TODO, TaskFilter.NONE, offset, limit));
    }

    @Override
    public TaskDetail task(String taskId, String username) {
        EngineTask task = taskAccess.accessible(taskId, username);
        TaskRow row = index.find(taskId);
        TaskSummary summary = lists.summaries(List.of(row)).get(0);
        EngineTask main = tasks.main(task);
        StepKind kind = model.kindOf(task);
        FormDefinition form = model.taskForm(main);
        boolean delegated = task.delegated();
        boolean claimable = task.assignee() == null;
        boolean unclaimable = username.equals(task.assignee()) && !delegated && taskAccess.hasCandidates(task);
        boolean ownerApproved = Boolean.TRUE.equals(tasks.local(taskId, TaskRules.OWNER_APPROVED));
        List<String> added = task.parentTaskId() != null ? List.of()
                : tasks.subTasks(taskId).stream().map(t -> people.nameOf(t.assignee())).toList();
        List<Step> returnTargets = kind == StepKind.APPROVAL && task.parentTaskId() == null
                ? model.returnTargets(task) : List.of();
        return new TaskDetail(summary, kind, form, withStepData(main), delegated,
                claimable, unclaimable, ownerApproved, added, returnTargets,
                kind == StepKind.APPROVAL ? model.refusal(main.definitionId(), main.stepKey()) : null,
                model.reviseStep(main.definitionId()), row.subject(), !model.isConfidential(main.definitionId()));
    }

    @Override
    public HandledTask handledTask(String taskId, String username) {
        return handled.handled(taskId, username);
    }

    /** The instance's variables with what the process's handler holds for the task's step on top. */
    private Map<String, Object> withStepData(EngineTask task) {
        Map<String, Object> variables = instances.variables(task.processInstanceId());
        ProcessHandler handler = plugins.handler(model.keyOf(task.definitionId()));
        if (handler != null) {
            variables.putAll(handler.stepData(task.stepKey(), variables));
        }
        return variables;
    }

    @Override
    public long countCopies(String username, boolean unreadOnly) {
        return actions.countCopies(username, unreadOnly);
    }

    @Override
    public List<Copy> copies(String username, int offset, int limit) {
        List<ActionMapper.CopyRow> rows = actions.copies(username, offset, limit);
        if (rows.isEmpty()) {
            return List.of();
        }
        Set<String> ids = rows.stream().map(ActionMapper.CopyRow::processInstanceId).collect(Collectors.toSet());
        Map<String, EngineInstance> found = instances.findAll(ids)
                .stream().collect(Collectors.toMap(EngineInstance::id, Function.identity()));
        // what each request is about, as its newest task says
        Map<String, About> about = new HashMap<>();
        index.ofInstances(ids).forEach(t -> about.putIfAbsent(t.processInstanceId(), TaskLists.about(t)));
        return rows.stream().filter(r -> found.containsKey(r.processInstanceId()))
                .map(r -> new Copy(r.processInstanceId(), r.sender(), people.nameOf(r.sender()), r.createdAt(),
                        r.readAt() != null, summary(found.get(r.processInstanceId()),
                        currentSteps(r.processInstanceId())), about.getOrDefault(r.processInstanceId(), About.NONE)))
                .toList();
    }

    @Override
    public long countStarted(String username) {
        return instances.countStartedBy(username);
    }

    @Override
    public List<InstanceSummary> started(String username, int offset, int limit) {
        return instances.startedBy(username, offset, limit).stream()
                .map(p -> summary(p, p.running() ? currentSteps(p.id()) : List.of())).toList();
    }

    @Override
    public InstanceDetail instance(String processInstanceId, String username) {
        EngineInstance p = instanceAccess.visible(processInstanceId, username);
        List<TaskRow> open = index.openOfInstance(processInstanceId);
        InstanceSummary summary = summary(p, open.stream().map(TaskRow::name).distinct().toList());
        FormDefinition form = model.startForm(model.definition(p.definitionId()));
        Map<String, Object> values = instances.historicVariables(processInstanceId);
        actions.markCopyRead(processInstanceId, username, clock.instant());
        boolean running = p.running();
        return new InstanceDetail(summary, people.nameOf(p.startUserId()), form, values,
                timeline(p), pending(p, open), attachments(processInstanceId, username),
                running && instanceAccess.recallable(processInstanceId, username) != null,
                running && instanceAccess.canUrge(p, username),
                running && instanceAccess.canTerminate(processInstanceId, username),
                running && instanceAccess.cancelEnd(p, username) != null);
    }

    /** The trail as anyone reads it: on an anonymous step it says what happened and when, never who (or why). */
    private List<TimelineEntry> timeline(EngineInstance p) {
        return trail.timeline(p.id()).stream().map(e -> !model.isAnonymous(p.definitionId(), e.stepKey()) ? e
                : new TimelineEntry(null, e.stepKey(), e.stepName(), e.action(), null, null, null, null, null, e.at()))
                .toList();
    }

    /**
     * Whom each open step waits for; an anonymous step (its people each hold a task of their own) once, with how
     * many of how many have acted instead of names.
     */
    private List<PendingStep> pending(EngineInstance p, List<TaskRow> open) {
        List<PendingStep> pending = new ArrayList<>();
        Set<String> anonymous = new HashSet<>();
        for (TaskRow t : open) {
            if (!model.isAnonymous(p.definitionId(), t.stepKey())) {
                pending.add(new PendingStep(t.stepKey(), t.name(), people.waitingOn(t).stream().map(people::nameOf)
                        .toList(), t.createdAt(), null));
            } else if (anonymous.add(t.stepKey())) {
                pending.add(new PendingStep(t.stepKey(), t.name(), List.of(), t.createdAt(),
                        instances.tally(p.id(), t.stepKey())));
            }
        }
        return pending;
    }

    @Override
    public Diagram diagram(String processInstanceId, String username) {
        EngineInstance p = instanceAccess.visible(processInstanceId, username);
        String xml = models.xml(p.definitionId());
        Set<String> completed = new LinkedHashSet<>();
        Set<String> active = new LinkedHashSet<>();
        for (EngineInstances.Activity a : instances.activities(processInstanceId)) {
            (a.ended() ? completed : active).add(a.id());
        }
        completed.removeAll(active);
        return new Diagram(xml, completed, active);
    }

    @Override
    public List<AttachmentInfo> attachments(String processInstanceId, String username) {
        instanceAccess.visible(processInstanceId, username);
        return tasks.attachments(processInstanceId);
    }

    @Override
    public byte[] attachmentContent(String processInstanceId, String attachmentId, String username) {
        instanceAccess.visible(processInstanceId, username);
        byte[] content = tasks.attachmentContent(processInstanceId, attachmentId);
        if (content == null) {
            throw new WorkflowException("attachment.error.gone");
        }
        return content;
    }

    @Override
    public List<String> groupIds(String username) {
        return people.groupIds(username);
    }

    @Override
    public List<UserDirectory.DirectoryUser> people() {
        return people.all();
    }

    @Override
    public List<TimelineEntry> timelineOf(String processInstanceId) {
        EngineInstance p = instances.find(processInstanceId);
        return p == null ? List.of() : timeline(p);
    }

    @Override
    public List<AttachmentInfo> attachmentsOf(String processInstanceId) {
        return instances.find(processInstanceId) == null ? List.of() : tasks.attachments(processInstanceId);
    }

    @Override
    public byte[] attachmentContentOf(String processInstanceId, String attachmentId) {
        byte[] content = tasks.attachmentContent(processInstanceId, attachmentId);
        if (content == null) {
            throw new WorkflowException("attachment.error.gone");
        }
        return content;
    }

    @Override
    public List<OpenTask> openTasks(Collection<String> processInstanceIds) {
        return lists.openTasks(processInstanceIds).stream().map(t -> new OpenTask(t.processInstanceId(),
                t.processKey(), t.stepKey(), t.name(), t.assignee(), t.dueAt(), t.taskId())).toList();
    }

    private List<String> currentSteps(String processInstanceId) {
        return index.openOfInstance(processInstanceId).stream().filter(t -> t.parentTaskId() == null)
                .map(TaskRow::name).distinct().toList();
    }

    private InstanceSummary summary(EngineInstance p, List<String> currentSteps) {
        EngineDefinition def = model.definition(p.definitionId());
        String outcomeKey = p.endActivityId();
        String outcomeName = null;
        if (outcomeKey != null) {
            outcomeName = model.hasElement(def.id(), outcomeKey) ? model.nameOf(def.id(), outcomeKey) : outcomeKey;
        } else if (!p.running()) {
            outcomeKey = "terminated";
        }
        return new InstanceSummary(p.id(), def.key(), def.name(), p.businessKey(), p.started(), p.ended(),
                outcomeKey, outcomeName, currentSteps);
    }
}
