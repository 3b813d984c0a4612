package cn.cadreflow.workflow;

import java.time.Instant;

/** A failed job of a running instance: where it stopped, since when, and the engine's reason. */
public record ModelIncident(String id, String processInstanceId, String processName, String stepName,
                            Instant since, String reason, boolean retryable) {
}
