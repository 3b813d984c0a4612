package cn.cadreflow.workflow.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.cadreflow.workflow.UserDirectory;
import cn.cadreflow.workflow.internal.query.TaskIndexMapper;
import cn.cadreflow.workflow.internal.query.TaskRow;

/** The people processes address, as the workflow needs them: names, groups, who a task waits for. */
@Component
public class People {

    private final UserDirectory directory;
    private final TaskIndexMapper index;

    People(UserDirectory directory, TaskIndexMapper index) {
        this.directory = directory;
        this.index = index;
    }

    /** A user's display name; the id when the directory does not know them; null for null. */
    public String nameOf(String username) {
        return username == null ? null
                : directory.user(username).map(UserDirectory.DirectoryUser::name).orElse(username);
    }

    public boolean exists(String username) {
        return directory.user(username).isPresent();
    }

    public List<String> groupIds(String username) {
        return directory.groupsOf(username).stream().map(UserDirectory.DirectoryGroup::id).toList();
    }

    public List<UserDirectory.DirectoryUser> all() {
        return directory.users();
    }

    /** Who a task waits for: its holder, or every member of its candidate groups. */
    public List<String> waitingOn(TaskRow task) {
        if (task.assignee() != null) {
            return List.of(task.assignee());
        }
        Set<String> people = new LinkedHashSet<>();
        for (String group : index.candidatesOf(task.taskId())) {
            if (group.startsWith(TaskRow.USER_PREFIX)) {
                people.add(group.substring(TaskRow.USER_PREFIX.length()));
            } else {
                people.addAll(directory.memberIds(group));
            }
        }
        return List.copyOf(people);
    }
}
