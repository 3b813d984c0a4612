package cn.cadreflow.workflow.internal.query;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.cadreflow.workflow.WorkflowException;
import cn.cadreflow.workflow.WorkflowViews.HandledTask;
import cn.cadreflow.workflow.WorkflowViews.StepKind;
import cn.cadreflow.workflow.WorkflowViews.TaskSummary;
import cn.cadreflow.workflow.internal.People;
import cn.cadreflow.workflow.internal.access.InstanceAccess;
import cn.cadreflow.workflow.internal.engine.EngineInstance;
import cn.cadreflow.workflow.internal.engine.EngineInstances;
import cn.cadreflow.workflow.internal.model.ProcessModel;

/**
 * Tasks that have ended (已办, a bell item of a task someone handled), opened again read-only as every approval
 * system does: the step's form with the values as the engine's history keeps them (the request's, and what the step
 * kept on its own task), who handled it, for whoever may see the request. Anyone else, and anyone but the rater on an
 * anonymous step (民主测评), is told the task is gone, as for one that never existed.
 */
@Component
class HandledTasks {

    private static final String GONE = "workflow.error.taskGone";

    private final TaskIndexMapper index;
    private final TaskLists lists;
    private final EngineInstances instances;
    private final InstanceAccess instanceAccess;
    private final ProcessModel model;
    private final People people;

    HandledTasks(TaskIndexMapper index, TaskLists lists, EngineInstances instances, InstanceAccess instanceAccess,
                 ProcessModel model, People people) {
        this.index = index;
        this.lists = lists;
        this.instances = instances;
        this.instanceAccess = instanceAccess;
        this.model = model;
        this.people = people;
    }

    HandledTask handled(String taskId, String username) {
        TaskRow row = taskId == null ? null : index.find(taskId);
        if (row == null || TaskRow.OPEN.equals(row.state()) || row.processInstanceId() == null) {
            throw new WorkflowException(GONE);
        }
        EngineInstance p = instances.find(row.processInstanceId());
        if (p == null) {
            throw new WorkflowException(GONE);
        }
        boolean anonymous = model.isAnonymous(p.definitionId(), row.stepKey());
        boolean own = username.equals(row.completedBy());
        if (anonymous ? !own : !own && !maySee(p.id(), username)) {
            throw new WorkflowException(GONE);
        }
        TaskSummary summary = lists.summaries(List.of(row)).get(0);
        boolean cancelled = TaskRow.CANCELLED.equals(row.state());
        if (anonymous) {
            return new HandledTask(summary, StepKind.FORM, null, Map.of(), null, cancelled, true);
        }
        StepKind kind = row.parentTaskId() != null ? StepKind.APPROVAL : model.kindOf(p.definitionId(), row.stepKey());
        Map<String, Object> values = instances.historicVariables(p.id());
        if (model.keepsValuesOnTask(p.definitionId(), row.stepKey())) {
            values.putAll(instances.historicTaskVariables(taskId));
        }
        String handledBy = row.completedBy() == null ? null : people.nameOf(row.completedBy());
        return new HandledTask(summary, kind, model.stepForm(p.definitionId(), row.stepKey()), values, handledBy,
                cancelled, false);
    }

    private boolean maySee(String processInstanceId, String username) {
        try {
            instanceAccess.visible(processInstanceId, username);
            return true;
        } catch (WorkflowException e) {
            return false;
        }
    }
}
