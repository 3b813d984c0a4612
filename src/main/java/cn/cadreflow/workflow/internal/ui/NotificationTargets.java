package cn.cadreflow.workflow.internal.ui;

import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.cadreflow.workflow.ProcessHandler;
import cn.cadreflow.workflow.WorkflowException;
import cn.cadreflow.workflow.internal.Plugins;
import cn.cadreflow.workflow.internal.access.InstanceAccess;
import cn.cadreflow.workflow.internal.access.TaskAccess;
import cn.cadreflow.workflow.internal.notify.Notification;

/**
 * Where a notification leads a reader who may open neither its task nor its request in the task centre: a person an
 * overdue step escalated to (督办, a 组织部长 told of a 容错 case) reads it on the feature's own page, when the process
 * has one and lets them ({@link ProcessHandler#readerRoute}). Everyone else goes, as always, to the task or request.
 */
@Component
class NotificationTargets {

    private final TaskAccess tasks;
    private final InstanceAccess instances;
    private final Plugins plugins;

    NotificationTargets(TaskAccess tasks, InstanceAccess instances, Plugins plugins) {
        this.tasks = tasks;
        this.instances = instances;
        this.plugins = plugins;
    }

    /** The feature's page for this reader, when the task centre would refuse them and the feature lets them in. */
    Optional<String> readerRoute(Notification n, String username) {
        ProcessHandler handler = n.processKey() == null ? null : plugins.handler(n.processKey());
        if (handler == null || n.processInstanceId() == null) {
            return Optional.empty();
        }
        boolean toTask = n.taskId() != null && n.kind() != Notification.Kind.ENDED;
        if (toTask && opens(n.taskId(), username) || sees(n.processInstanceId(), username)) {
            return Optional.empty();
        }
        return handler.readerRoute(n.processInstanceId(), username);
    }

    private boolean opens(String taskId, String username) {
        try {
            tasks.accessible(taskId, username);
            return true;
        } catch (WorkflowException e) {
            return false;
        }
    }

    private boolean sees(String processInstanceId, String username) {
        try {
            instances.visible(processInstanceId, username);
            return true;
        } catch (WorkflowException e) {
            return false;
        }
    }
}
