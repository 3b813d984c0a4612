package cn.cadreflow.workflow.internal.ui;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.cadreflow.ui.ShellExtension;
import cn.cadreflow.ui.ShellWidget;
import cn.cadreflow.ui.Texts;
import cn.cadreflow.workflow.internal.notify.InboxSignals;
import cn.cadreflow.workflow.internal.notify.Notifications;
import cn.cadreflow.workflow.internal.query.TaskLists;

/** The task centre in the shell: the 待办 count after the inbox's menu item, and the bell in the header. */
@Component
class TaskCentreShell implements ShellExtension {

    private final TaskLists lists;
    private final Notifications notifications;
    private final Texts texts;
    private final Clock clock;
    private final InboxSignals signals;
    private final NotificationTargets targets;

    TaskCentreShell(TaskLists lists, Notifications notifications, Texts texts, Clock clock, InboxSignals signals,
                    NotificationTargets targets) {
        this.lists = lists;
        this.targets = targets;
        this.notifications = notifications;
        this.signals = signals;
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    public ShellWidget navBadge(Class<?> view, String user) {
        return view == InboxView.class ? new InboxCount(lists, user) : null;
    }

    @Override
    public List<ShellWidget> headerWidgets(String user) {
        return List.of(new NotificationBell(notifications, targets, signals, user, texts, clock));
    }
}
