package cn.cadreflow.workflow.internal.notify;

import java.time.Instant;

/**
 * Something a person should know: a task arrived, someone urged them, a request ended, a copy came in.
 * Shown as {@code notify.<kind>} with the process name, the subject, the actor, the person the request is about
 * and its number. A person has at most one item per task and kind.
 */
public record Notification(Long id, String recipient, Kind kind, String processKey, String processInstanceId,
                           String taskId, String subject, String actorName, Instant createdAt, Instant readAt,
                           String businessKey, String aboutUser, String aboutName) {

    public enum Kind { TASK, URGE, ENDED, COPY, RETURNED, REMIND, NOTICE }

    /**
     * What a request is about: its number (business key) and the person it concerns (the process's subject,
     * see {@code ProcessHandler.subjectVariable}), as account and display name; any may be null.
     */
    public record About(String businessKey, String user, String name) {

        public static final About NONE = new About(null, null, null);
    }

    /** Is the recipient the person the request is about (a cadre's own 述职, say)? */
    public boolean aboutRecipient() {
        return aboutUser != null && aboutUser.equals(recipient);
    }
}
