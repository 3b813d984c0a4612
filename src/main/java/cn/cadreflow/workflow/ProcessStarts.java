package cn.cadreflow.workflow;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.cadreflow.workflow.WorkflowViews.StartForm;
import cn.cadreflow.workflow.WorkflowViews.StartOption;

/** Starting processes: from a start form the user filled in, or in bulk with values the caller decided. */
public interface ProcessStarts {

    /** The process variable holding who started an instance. */
    String INITIATOR = "initiator";

    /** The processes this user may start (latest versions, with a start form). */
    List<StartOption> startOptions(String username);

    StartForm startForm(String processKey, String username);

    /** The feature's own start page of the process, when it has one ({@link ProcessHandler#startRoute}). */
    Optional<String> startRoute(String processKey);

    /** What the system already holds about the user, prefilling their forms (all providers merged). */
    Map<String, Object> knownData(String username);

    /** The most files one start may carry ({@link #start(String, String, Map, List)}). */
    int MAX_START_FILES = 10;

    /** Validates the form on the server and starts the process; returns the new instance id. */
    String start(String processKey, String username, Map<String, ?> submitted);

    /**
     * As {@link #start(String, String, Map)}, with files attached to the new request by the starter (evidence): each
     * is checked by the attachment rules first, and with a bad file or more than {@link #MAX_START_FILES} nothing
     * starts.
     */
    String start(String processKey, String username, Map<String, ?> submitted, List<StartFile> files);

    /**
     * Starts one instance per request with exactly the variables and business key it gives (no start form, no
     * process handler), each recorded as submitted by the starter, in the caller's transaction: a bulk launch
     * whose caller has already created and checked its records (a campaign's reviews). The starts run as one engine
     * command and their SUBMIT rows go in with one statement. Returns the new instance ids in the requests' order;
     * a failure rolls back all.
     */
    List<String> startAll(String processKey, String username, List<StartRequest> requests);

    /** A file sent with a start form: its name as uploaded and its bytes. */
    record StartFile(String name, byte[] content) {
    }
}
