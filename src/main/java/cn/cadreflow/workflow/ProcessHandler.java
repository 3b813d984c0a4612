package cn.cadreflow.workflow;

import java.util.List;
import java.util.Map;

/**
 * What a feature adds to a generic process: checks beyond the form's own rules and its domain record.
 * Processes without a handler (an admin's new model, say) run on form data alone.
 */
public interface ProcessHandler {

    String processKey();

    /** Domain checks on the submitted values (start and resubmission); empty when all is well. */
    List<FormError> validate(String username, Map<String, Object> values);

    /**
     * Creates the domain record when the process starts, in the same transaction as the start.
     * Returns variables to add; a {@code businessKey} entry becomes the instance's business key.
     */
    Map<String, Object> onStart(String username, Map<String, Object> values);

    /** The starter revised and resubmitted; variables hold the new values and what onStart added. */
    void onResubmit(Map<String, Object> variables);

    /** An HR officer or administrator ended the instance (终止), or its starter recalled it for good. */
    void onTerminated(Map<String, Object> variables);
}
