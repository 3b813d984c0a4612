package cn.cadreflow.workflow;

import java.util.List;

/**
 * What migrating the running instances of one process version to another would do.
 *
 * @param mapped   each step of the old version and the step of the new version it maps to (same id)
 * @param unmapped each active step of the old version with no step to go to, and how many instances sit in it
 * @param running  how many instances of the old version are running
 * @param movable  how many of them have every active step mapped, and would move
 * @param refusal  the engine's reason when it cannot build a plan between the two versions at all, else null
 */
public record MigrationPreview(List<Mapping> mapped, List<Unmapped> unmapped, long running, long movable,
                               String refusal) {

    /** A step of the old version and the step of the new one its instances move to. */
    public record Mapping(String sourceId, String sourceName, String targetId, String targetName) {
    }

    /** An active step of the old version that has no place in the new one. */
    public record Unmapped(String stepId, String stepName, long instances) {
    }
}
