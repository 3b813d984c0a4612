package cn.cadreflow.workflow.internal.access;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.cadreflow.workflow.Action;
import cn.cadreflow.workflow.TimelineEntry;
import cn.cadreflow.workflow.WorkflowException;
import cn.cadreflow.workflow.WorkflowViews.StepKind;
import cn.cadreflow.workflow.internal.People;
import cn.cadreflow.workflow.internal.engine.EngineInstance;
import cn.cadreflow.workflow.internal.engine.EngineInstances;
import cn.cadreflow.workflow.internal.model.ProcessModel;
import cn.cadreflow.workflow.internal.query.TaskIndexMapper;
import cn.cadreflow.workflow.internal.query.TaskRow;
import cn.cadreflow.workflow.internal.trail.ActionMapper;

/**
 * Who may see a request and what they may do to it as a whole: its starter, whoever acted on it or got a copy,
 * whoever it waits for, and the HR officers over its unit and administrators, who may also end it; its starter may
 * cancel it (撤销) while it is being approved.
 */
@Component
public class InstanceAccess {

    private static final String ADMIN = "ADMIN";

    private final EngineInstances instances;
    private final ActionMapper actions;
    private final TaskIndexMapper index;
    private final People people;
    private final ProcessModel model;

    InstanceAccess(EngineInstances instances, ActionMapper actions, TaskIndexMapper index, People people,
                   ProcessModel model) {
        this.instances = instances;
        this.actions = actions;
        this.index = index;
        this.people = people;
        this.model = model;
    }

    public EngineInstance visible(String processInstanceId, String username) {
        EngineInstance p = existing(processInstanceId);
        boolean visible = username.equals(p.startUserId())
                || actions.countByActor(processInstanceId, username) > 0
                || actions.countCopy(processInstanceId, username) > 0
                || index.openOfInstance(processInstanceId).stream()
                        .anyMatch(t -> people.waitingOn(t).contains(username))
                || canTerminate(processInstanceId, username);
        if (!visible) {
            throw new WorkflowException("workflow.error.notYourInstance");
        }
        return p;
    }

    public EngineInstance existing(String processInstanceId) {
        EngineInstance p = instances.find(processInstanceId);
        if (p == null) {
            throw new WorkflowException("workflow.error.instanceGone");
        }
        return p;
    }

    /** The action this user may still take back, or null. */
    public TimelineEntry recallable(String processInstanceId, String username) {
        if (!instances.isRunning(processInstanceId)) {
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
                yield acted == null || acted.parentTaskId() != null || TaskRow.OPEN.equals(acted.state())
                        ? null : last;
            }
            default -> null;
        };
    }

    /**
     * 撤销: the end event the starter may cancel their running request at, in one step, while it is still being
     * approved (no step has had a form filled in, as a completion report after the approval is, and none is open
     * for one); null when they may not.
     */
    public String cancelEnd(EngineInstance p, String username) {
        if (!p.running() || !username.equals(p.startUserId())) {
            return null;
        }
        String end = model.cancelEnd(p.definitionId());
        if (end == null) {
            return null;
        }
        boolean formOpen = index.openOfInstance(p.id()).stream().anyMatch(t -> t.parentTaskId() == null
                && model.kindOf(p.definitionId(), t.stepKey()) == StepKind.FORM);
        boolean formFilled = instances.finishedUserSteps(p.id()).stream()
                .anyMatch(s -> model.kindOf(p.definitionId(), s.key()) == StepKind.FORM);
        return formOpen || formFilled ? null : end;
    }

    public boolean canUrge(EngineInstance p, String username) {
        return p.running() && (username.equals(p.startUserId()) || canTerminate(p.id(), username));
    }

    /** HR officers over the request's unit and administrators may end it. */
    public boolean canTerminate(String processInstanceId, String username) {
        List<String> groups = people.groupIds(username);
        if (groups.contains(ADMIN)) {
            return true;
        }
        Object unit = instances.historicVariable(processInstanceId, "hrGroup");
        return unit != null && groups.contains(unit.toString());
    }
}
