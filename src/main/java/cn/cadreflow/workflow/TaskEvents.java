package cn.cadreflow.workflow;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/** Who learns about a task: its assignee, or every member of its candidate groups. Never the actor. */
@Component
class TaskEvents {

    private final Notifications notifications;
    private final UserDirectory directory;
    private final TaskIndexMapper index;

    TaskEvents(Notifications notifications, UserDirectory directory, TaskIndexMapper index) {
        this.notifications = notifications;
        this.directory = directory;
        this.index = index;
    }

    void taskCreated(TaskRow task, List<String> candidates) {
        if (task.assignee() != null) {
            tell(task.assignee(), task);
            return;
        }
        Set<String> people = new LinkedHashSet<>();
        for (String group : candidates) {
            people.addAll(membersOf(group));
        }
        people.forEach(user -> tell(user, task));
    }

    void taskAssigned(TaskRow task, String assignee) {
        tell(assignee, task);
    }

    void candidateAdded(String taskId, String group) {
        TaskRow row = index.find(taskId);
        if (row == null || row.assignee() != null) {
            return;
        }
        membersOf(group).forEach(user -> tell(user, row));
    }

    private List<String> membersOf(String group) {
        return group.startsWith(TaskProjection.USER_PREFIX)
                ? List.of(group.substring(TaskProjection.USER_PREFIX.length())) : directory.memberIds(group);
    }

    private void tell(String user, TaskRow task) {
        String actor = Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
        if (user.equals(actor)) {
            return;
        }
        // named after whose request it is, not after whoever moved it along
        String requester = task.starter() == null ? null : directory.user(task.starter())
                .map(UserDirectory.DirectoryUser::name).orElse(task.starter());
        notifications.send(user, Notification.Kind.TASK, task.processKey(), task.processInstanceId(),
                task.taskId(), task.name(), requester);
    }
}
