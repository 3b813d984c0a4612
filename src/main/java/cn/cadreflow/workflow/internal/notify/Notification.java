package cn.cadreflow.workflow.internal.notify;

import java.time.Instant;

/**
 * Something a person should know: a task arrived, someone urged them, a request ended, a copy came in.
 * Shown as {@code notify.<kind>} with the process name, the subject and the actor.
 */
public record Notification(Long id, String recipient, Kind kind, String processKey, String processInstanceId,
                           String taskId, String subject, String actorName, Instant createdAt, Instant readAt) {

    public enum Kind { TASK, URGE, ENDED, COPY, RETURNED }
}
