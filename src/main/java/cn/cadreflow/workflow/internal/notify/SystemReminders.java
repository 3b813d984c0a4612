package cn.cadreflow.workflow.internal.notify;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.cadreflow.ui.Texts;
import cn.cadreflow.workflow.ProcessReminders;
import cn.cadreflow.workflow.internal.People;
import cn.cadreflow.workflow.internal.query.TaskIndexMapper;
import cn.cadreflow.workflow.internal.query.TaskRow;

/** {@link ProcessReminders}: an URGE notification per open step and person, named as from the system. */
@Component
class SystemReminders implements ProcessReminders {

    private final TaskIndexMapper index;
    private final People people;
    private final Notifications notifications;
    private final Texts texts;

    SystemReminders(TaskIndexMapper index, People people, Notifications notifications, Texts texts) {
        this.index = index;
        this.people = people;
        this.notifications = notifications;
        this.texts = texts;
    }

    @Override
    public void remind(String processInstanceId, Collection<String> alsoTell) {
        // stored text is in Chinese, the language of the records (the bell shows the stored actor name)
        String system = texts.get("notify.system", Locale.SIMPLIFIED_CHINESE);
        for (TaskRow t : index.openOfInstance(processInstanceId)) {
            Set<String> told = new LinkedHashSet<>(people.waitingOn(t));
            told.addAll(alsoTell);
            if (t.assignee() == null || !t.assignee().equals(t.subject())) {
                told.remove(t.subject());
            }
            told.forEach(person -> notifications.send(person, Notification.Kind.URGE, t.processKey(),
                    processInstanceId, t.taskId(), t.name(), system, notifications.about(t)));
        }
    }

    @Override
    public void tell(String processKey, String processInstanceId, String businessKey, String recipient,
                     String subjectKey) {
        String system = texts.get("notify.system", Locale.SIMPLIFIED_CHINESE);
        notifications.send(recipient, Notification.Kind.NOTICE, processKey, processInstanceId, null,
                texts.get(subjectKey, Locale.SIMPLIFIED_CHINESE), system,
                new Notification.About(businessKey, recipient, null));
    }
}
