package cn.cadreflow.workflow;

import java.util.Map;

/**
 * Moving running instances of one version of a process to another with the engine's migration: each active step
 * goes to the step of the same id in the new version, or to the step the administrator chose for it. Who may call
 * this is the caller's to check (only an administrator).
 */
public interface ProcessMigrations {

    /**
     * What a migration from one version to another would do, without doing it: which steps map where, which
     * active steps cannot be mapped and how many instances sit in each, and how many instances would move.
     *
     * @param mapping steps of the old version (by id) mapped by hand to steps of the new version; they come in
     *                addition to (or instead of) the steps mapped by equal id. A mapping that cannot be planned
     *                (unknown step, steps of different kinds, anything the engine refuses) gives a preview with
     *                {@link MigrationPreview#problems()} and nothing movable.
     */
    MigrationPreview preview(String fromDefinitionId, String toDefinitionId, Map<String, String> mapping);

    /**
     * Moves every instance of {@code from} whose active steps all map to {@code to}, each on its own: an instance
     * the engine refuses stays where it is and is reported, the others move.
     *
     * @throws MigrationRefusedException when the mapping cannot be planned; then nothing moves
     */
    MigrationResult migrate(String fromDefinitionId, String toDefinitionId, Map<String, String> mapping);
}
