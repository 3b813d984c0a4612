package cn.cadreflow.workflow.internal.trail;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

import org.springframework.stereotype.Component;

import cn.cadreflow.workflow.Action;
import cn.cadreflow.workflow.TimelineEntry;
import cn.cadreflow.workflow.internal.People;
import cn.cadreflow.workflow.internal.engine.EngineTask;
import cn.cadreflow.workflow.internal.engine.EngineTasks;

/** CadreFlow's own trail of who did what, when and why on each request (workflow_action), and its timeline. */
@Component
public class Trail {

    /**
     * The most an opinion, reason or note may hold, in UTF-16 units as browsers count a text area's maxlength:
     * its column, {@code workflow_action.opinion VARCHAR(2000)} (sql/V4; H2 counts the same units, MySQL code
     * points, never more).
     */
    public static final int OPINION_MAX = 2000;

    private final ActionMapper actions;
    private final EngineTasks tasks;
    private final People people;
    private final Clock clock;

    Trail(ActionMapper actions, EngineTasks tasks, People people, Clock clock) {
        this.actions = actions;
        this.tasks = tasks;
        this.people = people;
        this.clock = clock;
    }

    /** An action on a task, recorded at its step (an added approver's at the step of the task they help). */
    public void record(EngineTask task, Action action, String username, String opinion, String target) {
        EngineTask main = tasks.main(task);
        record(main.processInstanceId(), task.id(), main.stepKey(), main.name(), action, username, opinion, target);
    }

    public void record(String processInstanceId, String taskId, String stepKey, String stepName, Action action,
                       String username, String opinion, String target) {
        actions.insert(processInstanceId, taskId, stepKey, Objects.requireNonNullElse(stepName, stepKey), action,
                username, people.nameOf(username), opinion, target, people.nameOf(target), clock.instant());
    }

    /** The SUBMIT of a bulk start's instances, in one statement. */
    public void recordStarts(List<String> processInstanceIds, String stepKey, String stepName, String username) {
        if (!processInstanceIds.isEmpty()) {
            actions.insertStarts(processInstanceIds, stepKey, Objects.requireNonNullElse(stepName, stepKey),
                    Action.SUBMIT, username, people.nameOf(username), clock.instant());
        }
    }

    public List<TimelineEntry> timeline(String processInstanceId) {
        return actions.timeline(processInstanceId);
    }
}
