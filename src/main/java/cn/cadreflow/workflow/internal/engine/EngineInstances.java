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
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import cn.cadreflow.workflow.StartRequest;
import cn.cadreflow.workflow.WorkflowViews.Step;

/** Process instances: starting, their variables, their history, moving and ending them. */
@Component
public class EngineInstances {

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

    public Object variable(String processInstanceId, String name) {
        return runtime.getVariable(processInstanceId, name);
    }

    /** The last value of every variable, of a running or ended instance. */
    public Map<String, Object> historicVariables(String processInstanceId) {
        Map<String, Object> values = new HashMap<>();
        history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).list()
                .forEach(v -> values.put(v.getName(), v.getValue()));
        return values;
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
