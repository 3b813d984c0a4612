package cn.cadreflow.workflow;

import java.time.Instant;

/**
 * One deployed version of a model in the process library: a process, a decision table or a form, the file it came
 * from, its deployment, and for a process how many instances of this version are running and whether the version
 * is suspended (no new start, no work on its instances).
 */
public record ModelVersion(Kind kind, String id, String key, String name, int version, String resourceName,
                           String deploymentId, Instant deployedAt, long running, boolean suspended) {

    /** What the file is. */
    public enum Kind { PROCESS, DECISION, FORM }
}
