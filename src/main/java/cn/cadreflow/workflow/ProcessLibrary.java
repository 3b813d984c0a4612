package cn.cadreflow.workflow;

import java.util.List;

/**
 * The deployed models and their deployment. Every deployment goes through the deployment guard first: a file it
 * refuses is not deployed and changes nothing. Who may call this is the caller's to check (deploying a model runs
 * code: only an administrator).
 */
public interface ProcessLibrary {

    /** Every version of every process, decision table and form, by key, newest version first. */
    List<ModelVersion> versions();

    /** The file of one version, as deployed; null when there is no such version. */
    byte[] content(ModelVersion version);

    /** The guard's problems with a file, empty when it may be deployed. */
    List<ModelProblem> check(String fileName, byte[] content);

    /**
     * Checks the file and deploys it with the forms and decisions it names from the library; returns the
     * deployment's id.
     *
     * @throws ModelRejected when the guard refuses it (nothing is deployed)
     */
    String deploy(String fileName, byte[] content);

    /** Suspends one version of a process (its instances stop where they are, it cannot be started). */
    void suspend(String definitionId);

    void resume(String definitionId);

    /** The open incidents (failed jobs), newest first. */
    List<ModelIncident> incidents();

    /** Lets the failed job run once more. */
    void retry(String incidentId);

    /** Ends the instance the incident stopped; returns its id. */
    String cancel(String incidentId, String reason);
}
