package cn.cadreflow.workflow;

import java.util.List;

/**
 * What migrating the running instances of one process version to another would do.
 *
 * @param mapped   each step of the old version and the step of the new version it maps to (same id, or the step the
 *                 administrator chose)
 * @param unmapped each active step of the old version with no step to go to, and how many instances sit in it
 * @param running  how many instances of the old version are running
 * @param movable  how many of them have every active step mapped, and would move
 * @param problems why no plan can be made with the administrator's mapping (then nothing maps and nothing moves);
 *                 empty when the plan holds
 * @param sources  the steps of the old version with no step of the same id in the new one: what an administrator may
 *                 map by hand
 * @param targets  the steps of the new version a step may be mapped to
 */
public record MigrationPreview(List<Mapping> mapped, List<Unmapped> unmapped, long running, long movable,
                               List<Problem> problems, List<Step> sources, List<Step> targets) {

    /** A step of the old version and the step of the new one its instances move to. */
    public record Mapping(String sourceId, String sourceName, String targetId, String targetName) {
    }

    /** An active step of the old version that has no place in the new one. */
    public record Unmapped(String stepId, String stepName, long instances) {
    }

    /** A step (activity or catching event) of a version, with its BPMN element type ({@code userTask}, …). */
    public record Step(String id, String name, String type) {
    }

    /**
     * Why a mapping cannot be planned, about the source and target steps (either may be null for the plan as a
     * whole); {@code code} is one of the constants below.
     */
    public record Problem(String code, String sourceId, String sourceName, String targetId, String targetName) {
    }

    /** The source step of a hand-made mapping is no step of the old version. */
    public static final String UNKNOWN_SOURCE = "unknownSource";
    /** The target step is no step of the new version. */
    public static final String UNKNOWN_TARGET = "unknownTarget";
    /** The two steps are of different kinds (a user task to a service task, an event to a task, …). */
    public static final String INCOMPATIBLE = "incompatible";
    /** Two steps mapped to one gateway, or one step to two. */
    public static final String TWICE = "twice";
    /** The target lies in another scope (sub-process, event scope) than the source's mapped parent. */
    public static final String SCOPE = "scope";
    /** A multi-instance step mapped to a single one or the other way round. */
    public static final String MULTI_INSTANCE = "multiInstance";
    /** A gateway whose target has fewer incoming flows. */
    public static final String GATEWAY = "gateway";
    /** An event whose trigger cannot be carried over. */
    public static final String EVENT = "event";
    /** A step of a kind the engine cannot migrate. */
    public static final String UNSUPPORTED = "unsupported";
    /** Any other reason the engine gives. */
    public static final String OTHER = "other";

    /** Whether a plan could be made: no problem. */
    public boolean planned() {
        return problems.isEmpty();
    }
}
