package cn.cadreflow.workflow;

/**
 * Moving running instances of one version of a process to another with the engine's migration: each active step
 * goes to the step of the same id in the new version. Who may call this is the caller's to check (only an
 * administrator).
 */
public interface ProcessMigrations {

    /**
     * What a migration from one version to another would do, without doing it: which steps map where, which
     * active steps cannot be mapped and how many instances sit in each, and how many instances would move.
     */
    MigrationPreview preview(String fromDefinitionId, String toDefinitionId);

    /**
     * Moves every instance of {@code from} whose active steps all map to {@code to}, each on its own: an instance
     * the engine refuses stays where it is and is reported, the others move.
     */
    MigrationResult migrate(String fromDefinitionId, String toDefinitionId);
}
