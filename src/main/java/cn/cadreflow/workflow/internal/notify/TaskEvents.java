package cn.cadreflow.workflow.internal.notify;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.cadreflow.workflow.UserDirectory;
import cn.cadreflow.workflow.internal.query.TaskIndexMapper;
import cn.cadreflow.workflow.internal.query.TaskRow;

/** Who learns about a task: its assignee, or every member of its candidate groups. Never the actor. */
@Component
public class TaskEvents {

    private final Notifications notifications;
    private final UserDirectory directory;
    private final TaskIndexMapper index;

    TaskEvents(Notifications notifications, UserDirectory directory, TaskIndexMapper index) {
        this.notifications = notifications;
        this.directory = directory;
        this.index = index;
    }

    public void taskCreated(TaskRow task, List<String> candidates, String actor) {
        if (task.assignee() != null) {
            tell(task.assignee(), task, actor);
            return;
        }
        Set<String> people = new LinkedHashSet<>();
        for (String group : candidates) {
            people.addAll(membersOf(group));
        }
        // 回避: the person the task is about is not offered it, so not told of it either
        people.remove(task.subject());
        people.forEach(user -> tell(user, task, actor));
    }

    public void taskAssigned(TaskRow task, String assignee, String actor) {
        tell(assignee, task, actor);
    }

    public void candidateAdded(String taskId, String group, String actor) {
        TaskRow row = index.find(taskId);
        if (row == null || row.assignee() != null) {
            return;
        }
        membersOf(group).stream().filter(user -> !user.equals(row.subject())).forEach(user -> tell(user, row, actor));
    }

    private List<String> membersOf(String group) {
        return group.startsWith(TaskRow.USER_PREFIX)
                ? List.of(group.substring(TaskRow.USER_PREFIX.length())) : directory.memberIds(group);
    }

    private void tell(String user, TaskRow task, String actor) {
        if (user.equals(actor)) {
            return;
        }
        // named after whose request it is, not after whoever moved it along
        String requester = task.starter() == null ? null : directory.user(task.starter())
                .map(UserDirectory.DirectoryUser::name).orElse(task.starter());
        notifications.send(user, Notification.Kind.TASK, task.processKey(), task.processInstanceId(),
                task.taskId(), task.name(), requester, notifications.about(task));
    }
}
