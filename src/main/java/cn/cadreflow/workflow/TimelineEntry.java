package cn.cadreflow.workflow;

import java.time.Instant;

/** One action on a process instance: who did what at which step, when and why. */
public record TimelineEntry(String taskId, String stepKey, String stepName, Action action, String actor,
                            String actorName, String opinion, String target, String targetName, Instant at) {
}
