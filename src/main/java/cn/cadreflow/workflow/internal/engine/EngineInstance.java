package cn.cadreflow.workflow.internal.engine;

import java.time.Instant;

/** A process instance from the engine's history, running or ended, without engine types. */
public record EngineInstance(String id, String definitionId, String businessKey, String startUserId,
                             Instant started, Instant ended, String endActivityId) {

    public boolean running() {
        return ended == null;
    }
}
