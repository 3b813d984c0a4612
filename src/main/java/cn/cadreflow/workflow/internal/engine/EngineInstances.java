package cn.cadreflow.workflow.internal.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import cn.cadreflow.workflow.StartRequest;
import cn.cadreflow.workflow.WorkflowViews.Step;
import cn.cadreflow.workflow.WorkflowViews.Tally;

/** Process instances: starting, their variables, their history, moving and ending them. */
@Component
public class EngineInstances {

    private static final String COMPLETED_INSTANCES = "nrOfCompletedInstances";
    private static final String ALL_INSTANCES = "nrOfInstances";
    /** How the engine names the activity around a multi-instance activity's instances. */
    private static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";

    private final RuntimeService runtime;
    private final HistoryService history;
    private final TaskService tasks;
    private final EngineUsers users;
    private final OneCommand oneCommand;

    EngineInstances(RuntimeService runtime, HistoryService history, TaskService tasks,
                    EngineUsers users, OneCommand oneCommand) {
        this.runtime = runtime;
        this.history = history;
        this.tasks = tasks;
        this.users = users;
        this.oneCommand = oneCommand;
    }

    /**
     * Starts one instance per request in the starter's name, all in one engine command, so that the engine writes
     * them in one flush; returns their ids in the requests' order.
     */
    public List<String> startAll(String definitionId, List<StartRequest> requests, String username) {
        return users.as(username, () -> oneCommand.run(() -> {
            List<String> ids = new ArrayList<>(requests.size());
            for (StartRequest request : requests) {
                ids.add(runtime.startProcessInstanceById(definitionId, request.businessKey(), request.variables())
                        .getId());
            }
            return ids;
        }));
    }

    /** An instance, running or ended, or null. */
    /** Delivers a message to the instance if one of its steps waits for it; false when none does. */
    public boolean deliver(String processInstanceId, String messageName, Map<String, Object> variables) {
        if (runtime.createEventSubscriptionQuery().processInstanceId(processInstanceId).eventType("message")
                .eventName(messageName).count() == 0) {
            return false;
        }
        runtime.createMessageCorrelation(messageName).processInstanceId(processInstanceId).setVariables(variables)
                .correlateWithResult();
        return true;
    }

    public EngineInstance find(String processInstanceId) {
        return processInstanceId == null ? null : of(history.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult());
    }

    public List<EngineInstance> findAll(Collection<String> processInstanceIds) {
        return history.createHistoricProcessInstanceQuery().processInstanceIds(new HashSet<>(
                processInstanceIds)).list().stream().map(EngineInstances::of).toList();
    }

    public long countStartedBy(String username) {
        return history.createHistoricProcessInstanceQuery().startedBy(username).count();
    }

    /** Instances this user started, newest first. */
    public List<EngineInstance> startedBy(String username, int offset, int limit) {
        return history.createHistoricProcessInstanceQuery().startedBy(username)
                .orderByProcessInstanceStartTime().desc().listPage(offset, limit).stream()
                .map(EngineInstances::of).toList();
    }

    public boolean isRunning(String processInstanceId) {
        return runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
    }

    /** A running instance's variables. */
    public Map<String, Object> variables(String processInstanceId) {
        return runtime.getVariables(processInstanceId);
    }

    public void setVariables(String processInstanceId, Map<String, Object> variables) {
        runtime.setVariables(processInstanceId, variables);
    }

    public Object variable(String processInstanceId, String name) {
        return runtime.getVariable(processInstanceId, name);
    }

    /**
     * The last value of every variable of a running or ended instance itself: not those kept on a task or on one
     * execution of a step (what one rater of many submitted, and who that rater is).
     */
    public Map<String, Object> historicVariables(String processInstanceId) {
        Map<String, Object> values = new HashMap<>();
        history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).list().stream()
                .filter(v -> v.getTaskId() == null && processInstanceId.equals(v.getExecutionId()))
                .forEach(v -> values.put(v.getName(), v.getValue()));
        return values;
    }

    /** The last value of every variable kept on one task, running or ended (what one rater of many submitted). */
    public Map<String, Object> historicTaskVariables(String taskId) {
        Map<String, Object> values = new HashMap<>();
        history.createHistoricVariableInstanceQuery().taskIdIn(taskId).list()
                .forEach(v -> values.put(v.getName(), v.getValue()));
        return values;
    }

    /**
     * How far a step that asks many people at once (a multi-instance user task) has got: the engine's counts of
     * its completed and of all its instances; null when the step is not running as one.
     */
    public Tally tally(String processInstanceId, String stepKey) {
        ActivityInstance body = activity(runtime.getActivityInstance(processInstanceId),
                stepKey + MULTI_INSTANCE_BODY);
        if (body == null) {
            return null;
        }
        Map<String, Integer> counts = new HashMap<>();
        runtime.createVariableInstanceQuery().processInstanceIdIn(processInstanceId)
                .executionIdIn(body.getExecutionIds()).variableNameIn(COMPLETED_INSTANCES, ALL_INSTANCES).list()
                .forEach(v -> counts.put(v.getName(), ((Number) v.getValue()).intValue()));
        return counts.size() < 2 ? null : new Tally(counts.get(COMPLETED_INSTANCES), counts.get(ALL_INSTANCES));
    }

    private static ActivityInstance activity(ActivityInstance instance, String activityId) {
        if (instance == null || activityId.equals(instance.getActivityId())) {
            return instance;
        }
        for (ActivityInstance child : instance.getChildActivityInstances()) {
            ActivityInstance found = activity(child, activityId);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The last value of one variable, of a running or ended instance, or null. */
    public Object historicVariable(String processInstanceId, String name) {
        return history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId)
                .variableName(name).list().stream().findFirst().map(v -> v.getValue()).orElse(null);
    }

    /** User steps of the instance that were completed, in the order they started (repeats included). */
    public List<Step> finishedUserSteps(String processInstanceId) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId)
                .activityType("userTask").finished().orderByHistoricActivityInstanceStartTime().asc().list()
                .stream().map(a -> new Step(a.getActivityId(), a.getActivityName())).toList();
    }

    /** Who completed a step of the instance last, or null. */
    public String lastAssignee(String processInstanceId, String stepKey) {
        List<HistoricTaskInstance> done = history.createHistoricTaskInstanceQuery()
                .processInstanceId(processInstanceId).taskDefinitionKey(stepKey).finished()
                .orderByHistoricActivityInstanceStartTime().desc().listPage(0, 1);
        return done.isEmpty() ? null : done.get(0).getAssignee();
    }

    /** Every activity instance of the process instance: the activity's id, and whether it has ended. */
    public List<Activity> activities(String processInstanceId) {
        return history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).list().stream()
                .map(a -> new Activity(a.getActivityId(), a.getEndTime() != null)).toList();
    }

    public record Activity(String id, boolean ended) {
    }

    /** Moves the instance's token(s) to a step, which then belongs to {@code assignee}. */
    public void moveTo(String processInstanceId, String stepKey, String assignee, String actor) {
        ProcessInstanceModificationBuilder move = runtime.createProcessInstanceModification(processInstanceId)
                .startBeforeActivity(stepKey);
        for (String active : runtime.getActiveActivityIds(processInstanceId)) {
            move = move.cancelAllForActivity(active);
        }
        ProcessInstanceModificationBuilder modification = move;
        users.as(actor, () -> {
            modification.execute();
            return null;
        });
        if (assignee != null) {
            for (Task t : tasks.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(stepKey)
                    .list()) {
                if (!assignee.equals(t.getAssignee())) {
                    users.as(actor, () -> {
                        tasks.setAssignee(t.getId(), assignee);
                        return null;
                    });
                }
            }
        }
    }

    /** Ends a running instance at one of its end events (its listeners run), in the actor's name. */
    public void endAt(String processInstanceId, String endEventId, String actor) {
        ProcessInstanceModificationBuilder end = runtime.createProcessInstanceModification(processInstanceId);
        for (String active : runtime.getActiveActivityIds(processInstanceId)) {
            end = end.cancelAllForActivity(active);
        }
        ProcessInstanceModificationBuilder modification = end.startBeforeActivity(endEventId);
        users.as(actor, () -> {
            modification.execute();
            return null;
        });
    }

    /** Ends a running instance in the actor's name. */
    public void delete(String processInstanceId, String reason, String actor) {
        users.as(actor, () -> {
            runtime.deleteProcessInstance(processInstanceId, reason, true, true);
            return null;
        });
    }

    private static EngineInstance of(HistoricProcessInstance p) {
        return p == null ? null : new EngineInstance(p.getId(), p.getProcessDefinitionId(), p.getBusinessKey(),
                p.getStartUserId(), p.getStartTime().toInstant(),
                p.getEndTime() == null ? null : p.getEndTime().toInstant(), p.getEndActivityId());
    }
}
