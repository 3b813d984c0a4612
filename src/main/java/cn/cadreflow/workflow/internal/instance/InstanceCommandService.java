package cn.cadreflow.workflow.internal.instance;

import static cn.cadreflow.workflow.internal.access.TaskRules.optionalNote;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cadreflow.workflow.Action;
import cn.cadreflow.workflow.FormError;
import cn.cadreflow.workflow.InstanceCommands;
import cn.cadreflow.workflow.ProcessHandler;
import cn.cadreflow.workflow.TimelineEntry;
import cn.cadreflow.workflow.WorkflowException;
import cn.cadreflow.workflow.internal.People;
import cn.cadreflow.workflow.internal.Plugins;
import cn.cadreflow.workflow.internal.WorkflowSettings;
import cn.cadreflow.workflow.internal.access.InstanceAccess;
import cn.cadreflow.workflow.internal.access.TaskRules;
import cn.cadreflow.workflow.internal.engine.EngineDefinition;
import cn.cadreflow.workflow.internal.engine.EngineInstance;
import cn.cadreflow.workflow.internal.engine.EngineInstances;
import cn.cadreflow.workflow.internal.engine.EngineTasks;
import cn.cadreflow.workflow.internal.model.ProcessModel;
import cn.cadreflow.workflow.internal.notify.Notification;
import cn.cadreflow.workflow.internal.notify.Notifications;
import cn.cadreflow.workflow.internal.query.TaskIndexMapper;
import cn.cadreflow.workflow.internal.query.TaskRow;
import cn.cadreflow.workflow.internal.trail.ActionMapper;
import cn.cadreflow.workflow.internal.trail.Trail;

/** The task centre's operations on a whole request: 撤回, 撤销, 催办, 终止, 抄送. */
@Service
class InstanceCommandService implements InstanceCommands {

    private final EngineInstances instances;
    private final EngineTasks tasks;
    private final InstanceAccess access;
    private final TaskRules rules;
    private final ProcessModel model;
    private final Plugins plugins;
    private final ActionMapper actions;
    private final TaskIndexMapper index;
    private final Notifications notifications;
    private final People people;
    private final Trail trail;
    private final WorkflowSettings settings;
    private final Clock clock;

    InstanceCommandService(EngineInstances instances, EngineTasks tasks, InstanceAccess access, TaskRules rules, ProcessModel model,
                           Plugins plugins, ActionMapper actions, TaskIndexMapper index, Notifications notifications,
                           People people, Trail trail, WorkflowSettings settings, Clock clock) {
        this.instances = instances;
        this.tasks = tasks;
        this.access = access;
        this.rules = rules;
        this.model = model;
        this.plugins = plugins;
        this.actions = actions;
        this.index = index;
        this.notifications = notifications;
        this.people = people;
        this.trail = trail;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void recall(String processInstanceId, String username, String reason) {
        String text = optionalNote(reason, "reason");
        TimelineEntry last = access.recallable(processInstanceId, username);
        if (last == null) {
            throw new WorkflowException("workflow.error.cannotRecall");
        }
        String definitionId = access.existing(processInstanceId).definitionId();
        boolean starter = last.action() == Action.SUBMIT || last.action() == Action.RESUBMIT;
        String target = starter ? model.reviseStep(definitionId) : last.stepKey();
        if (target == null) {
            trail.record(processInstanceId, null, last.stepKey(), last.stepName(), Action.RECALL, username,
                    text, null);
            end(processInstanceId, "recalled", username);
            return;
        }
        trail.record(processInstanceId, null, target, model.nameOf(definitionId, target), Action.RECALL, username,
                text, null);
        instances.moveTo(processInstanceId, target, username, username);
    }

    @Override
    @Transactional
    public void cancel(String processInstanceId, String username, String reason) {
        String text = optionalNote(reason, "reason");
        EngineInstance p = access.visible(processInstanceId, username);
        String end = access.cancelEnd(p, username);
        if (end == null) {
            throw new WorkflowException("workflow.error.cannotCancel");
        }
        trail.record(processInstanceId, null, end, model.nameOf(p.definitionId(), end), Action.WITHDRAW, username,
                text, null);
        instances.endAt(processInstanceId, end, username);
    }

    @Override
    @Transactional
    public void urge(String processInstanceId, String username, String note) {
        String text = optionalNote(note, "note");
        EngineInstance p = access.visible(processInstanceId, username);
        if (!access.canUrge(p, username)) {
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
        String actorName = people.nameOf(username);
        for (TaskRow t : open) {
            for (String person : people.waitingOn(t)) {
                notifications.send(person, Notification.Kind.URGE, t.processKey(), processInstanceId, t.taskId(),
                        t.name(), actorName, notifications.about(t));
            }
        }
        String step = open.isEmpty() ? "" : open.get(0).stepKey();
        String stepName = open.isEmpty() ? "" : open.get(0).name();
        trail.record(processInstanceId, null, step, stepName, Action.URGE, username, text, null);
    }

    @Override
    @Transactional
    public boolean deliver(String processInstanceId, String messageName, Action action, String username,
                           String note) {
        String text = optionalNote(note, "note");
        List<TaskRow> open = index.openOfInstance(processInstanceId);
        if (!instances.deliver(processInstanceId, messageName, Map.of())) {
            return false;
        }
        String step = open.isEmpty() ? "" : open.get(0).stepKey();
        String stepName = open.isEmpty() ? "" : open.get(0).name();
        trail.record(processInstanceId, null, step, stepName, action, username, text, null);
        return true;
    }

    @Override
    @Transactional
    public boolean reassign(String processInstanceId, Collection<String> stepKeys, String from, String to,
                            Map<String, Object> variables, String username, String reason) {
        String text = optionalNote(reason, "reason");
        if (!instances.isRunning(processInstanceId)) {
            return false;
        }
        List<TaskRow> open = index.openOfInstance(processInstanceId);
        List<TaskRow> moved = open.stream().filter(t -> t.parentTaskId() == null && stepKeys.contains(t.stepKey())
                && from != null && from.equals(t.assignee())).toList();
        if (!variables.isEmpty()) {
            instances.setVariables(processInstanceId, variables);
        }
        moved.forEach(t -> tasks.assign(t.taskId(), to));
        TaskRow at = !moved.isEmpty() ? moved.get(0) : open.isEmpty() ? null : open.get(0);
        trail.record(processInstanceId, at == null ? null : at.taskId(), at == null ? "" : at.stepKey(),
                at == null ? "" : at.name(), Action.REASSIGN, username, text, to);
        return true;
    }

    @Override
    @Transactional
    public void remind(String processInstanceId) {
        for (TaskRow t : index.openOfInstance(processInstanceId)) {
            for (String person : people.waitingOn(t)) {
                notifications.send(person, Notification.Kind.REMIND, t.processKey(), processInstanceId, t.taskId(),
                        t.name(), null, notifications.about(t));
            }
        }
    }

    @Override
    @Transactional
    public void terminate(String processInstanceId, String username, String reason) {
        String text = optionalNote(reason, "reason");
        EngineInstance p = access.visible(processInstanceId, username);
        if (!p.running() || !access.canTerminate(processInstanceId, username)) {
            throw new WorkflowException("workflow.error.cannotTerminate");
        }
        if (text == null) {
            throw new WorkflowException("workflow.error.reasonRequired",
                    List.of(FormError.of("reason", "workflow.error.reasonRequired")));
        }
        List<TaskRow> open = index.openOfInstance(processInstanceId);
        trail.record(processInstanceId, null, open.isEmpty() ? "" : open.get(0).stepKey(),
                open.isEmpty() ? "" : open.get(0).name(), Action.TERMINATE, username, text, null);
        end(processInstanceId, text, username);
    }

    @Override
    @Transactional
    public void copyTo(String processInstanceId, String username, Collection<String> targets) {
        EngineInstance p = access.visible(processInstanceId, username);
        if (targets == null || targets.isEmpty()) {
            throw new WorkflowException("workflow.error.noTarget");
        }
        EngineDefinition def = model.definition(p.definitionId());
        if (model.isConfidential(def.id())) {
            throw new WorkflowException("workflow.error.confidential");
        }
        for (String target : new LinkedHashSet<>(targets)) {
            String to = rules.otherUser(target, username);
            actions.insertCopy(processInstanceId, to, username, clock.instant());
            trail.record(processInstanceId, null, "", "", Action.COPY, username, null, to);
            notifications.send(to, Notification.Kind.COPY, def.key(), processInstanceId, null,
                    p.businessKey() == null ? def.name() : p.businessKey(), people.nameOf(username),
                    new Notification.About(p.businessKey(), null, null));
        }
    }

    /** Ends the instance; its handler closes the domain record, and the starter is told if someone else did it. */
    private void end(String processInstanceId, String reason, String actor) {
        EngineInstance p = access.existing(processInstanceId);
        Map<String, Object> variables = instances.variables(processInstanceId);
        String processKey = model.keyOf(p.definitionId());
        ProcessHandler handler = plugins.handler(processKey);
        instances.delete(processInstanceId, reason, actor);
        if (handler != null) {
            handler.onTerminated(variables);
        }
        if (p.startUserId() != null && !p.startUserId().equals(actor)) {
            notifications.send(p.startUserId(), Notification.Kind.ENDED, processKey, processInstanceId, null,
                    reason, people.nameOf(actor), new Notification.About(p.businessKey(), null, null));
        }
    }
}
