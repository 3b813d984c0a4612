package cn.cadreflow.workflow;

import java.util.List;
import java.util.Locale;

/**
 * What a module holds about the person a task is about (its subject) that whoever handles any task about them must
 * read, whatever the process, an administrator's new model included: the matters a fault-tolerance review protected,
 * say. Shown on the task page to everyone but the subject.
 */
public interface SubjectNotes {

    /** The lines to show about the subject (a username), in the locale; empty when there is nothing. */
    List<String> notes(String subject, Locale locale);
}
