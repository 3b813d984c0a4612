package cn.cadreflow.workflow.internal.access;

import org.springframework.stereotype.Component;

import cn.cadreflow.workflow.internal.Plugins;
import cn.cadreflow.workflow.internal.engine.EngineInstances;
import cn.cadreflow.workflow.internal.engine.EngineTask;
import cn.cadreflow.workflow.internal.engine.EngineTasks;
import cn.cadreflow.workflow.internal.model.ProcessModel;

/**
 * 回避: whom a task is about. Each process names its subject (the starter unless its handler says otherwise, see
 * {@code ProcessHandler.subjectVariable}); a sub-task of an added approver is about what its main task is about.
 */
@Component
public class Subjects {

    private final EngineTasks tasks;
    private final EngineInstances instances;
    private final ProcessModel model;
    private final Plugins plugins;

    Subjects(EngineTasks tasks, EngineInstances instances, ProcessModel model, Plugins plugins) {
        this.tasks = tasks;
        this.instances = instances;
        this.model = model;
        this.plugins = plugins;
    }

    /** Is the task's process about this user? */
    public boolean isSubject(EngineTask task, String username) {
        EngineTask main = tasks.main(task);
        if (main.processInstanceId() == null) {
            return false;
        }
        String variable = plugins.subjectVariable(model.keyOf(main.definitionId()));
        return username != null && username.equals(instances.variable(main.processInstanceId(), variable));
    }
}
