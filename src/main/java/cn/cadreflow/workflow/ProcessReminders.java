package cn.cadreflow.workflow;

import java.util.Collection;

/**
 * Reminders a process sends by itself, from a timer: before a step is due, and when it is overdue (督办). Unlike
 * {@link InstanceCommands#urge} no person acts, so nobody's reach is checked and nothing is recorded in the trail.
 */
public interface ProcessReminders {

    /**
     * Tells the people the instance's open steps wait on, and {@code alsoTell} (e.g. whoever an overdue step escalates
     * to), that the steps wait for them, as a 催办 from the system. The subject of the request is never told of a step
     * that is not theirs.
     */
    void remind(String processInstanceId, Collection<String> alsoTell);

    /**
     * Tells one person that a request about them exists, outside any step of theirs (the cadre a 问责线索 is about,
     * say): a notification (kind NOTICE) from the system, its text {@code subjectKey} in the language of the records.
     * The bell leads them to the process's reader page ({@link ProcessHandler#readerRoute}) when the task centre does
     * not show them the request. The process decides who may be told; nothing is recorded in the trail.
     */
    void tell(String processKey, String processInstanceId, String businessKey, String recipient, String subjectKey);
}
