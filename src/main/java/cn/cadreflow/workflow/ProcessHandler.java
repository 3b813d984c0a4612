package cn.cadreflow.workflow;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a feature adds to a generic process: checks beyond the form's own rules and its domain record.
 * Processes without a handler (an admin's new model, say) run on form data alone.
 */
public interface ProcessHandler {

    String processKey();

    /**
     * Domain checks on the submitted values (start and resubmission); empty when all is well. Fields that
     * failed the form's own rules are absent, so a check whose inputs are missing is skipped.
     */
    List<FormError> validate(String username, Map<String, Object> values);

    /**
     * Creates the domain record when the process starts, in the same transaction as the start.
     * Returns variables to add; a {@code businessKey} entry becomes the instance's business key.
     */
    Map<String, Object> onStart(String username, Map<String, Object> values);

    /**
     * Whether the starter's known data goes into the new instance: yes (the default) when the starter is the
     * request's subject, as with a cadre's own request; no when an officer starts it about someone else, where
     * the starter's data only prefills the start form.
     */
    default boolean keepsStarterData() {
        return true;
    }

    /**
     * The process variable holding the username of the person the process is about, its subject (回避): no step
     * is offered to the subject through a group, transferred, delegated or added (加签) to them; only the steps the
     * model assigns to them by name (a 述职, say) reach them. The starter by default, as with a cadre's own request;
     * an officer's process about a cadre names the cadre's variable. A null value means the subject has no account.
     */
    default String subjectVariable() {
        return ProcessStarts.INITIATOR;
    }

    /**
     * The feature's own start page, where starting needs more than the generic start form offers (a picker over the
     * cadres in the starter's reach, say): 发起申请 and {@code start/<processKey>} lead there. That page starts the
     * process with {@link ProcessStarts#start}, so the start form's rules and {@link #validate} still apply. None
     * (null) by default.
     */
    default String startRoute() {
        return null;
    }

    /**
     * The feature's own page about an instance for a person who was told of it (an overdue step escalated to them,
     * 督办) and may read the request there, but can neither open its task nor see it in the task centre: where their
     * notification leads. Empty when there is none or they may not read it; the page checks its reader again. None by
     * default.
     */
    default Optional<String> readerRoute(String processInstanceId, String username) {
        return Optional.empty();
    }

    /**
     * Facts the domain holds for a form step, read when its task is shown and again when it is submitted, so
     * that the step's read-only fields show the record as it stands then (never the submitter's own data). Laid
     * over the instance's variables; none by default.
     */
    default Map<String, Object> stepData(String stepKey, Map<String, Object> variables) {
        return Map.of();
    }

    /**
     * What the instance's tasks are about, in one line after the subject and the process ("培训请假 · 数字政府专题培训 ·
     * 2027-08-23至08-25 · 24学时"): a message key and its arguments, read from the instance's own variables when a
     * task is created and kept on the task, so that lists stay one query. Never from what one person of many
     * submitted on a step (a 民主测评's votes): every holder of the instance's tasks reads it. None by default.
     *
     * @param businessKey the instance's number (PX-3, KH-2026-15), or null
     */
    default Summary summary(String businessKey, Map<String, Object> variables) {
        return null;
    }

    /** A line of text about an instance: the key of its pattern in messages.properties, and its arguments. */
    record Summary(String messageKey, List<String> args) {
    }

    /** The starter revised and resubmitted; variables hold the new values and what onStart added. */
    void onResubmit(Map<String, Object> variables);

    /** An HR officer or administrator ended the instance (终止), or its starter recalled it for good. */
    void onTerminated(Map<String, Object> variables);

    /**
     * A {@code form} step was submitted: domain checks beyond the form's rules (empty when all is well). The
     * default has none. {@code variables} are the instance's variables before the submission.
     */
    default List<FormError> validateStep(String stepKey, String username, Map<String, Object> values,
                                         Map<String, Object> variables) {
        return List.of();
    }

    /**
     * A {@code form} step was submitted and checked: record it in the domain, in the same transaction.
     * Returns process variables to set (e.g. a computed score); the default records nothing and adds none.
     */
    default Map<String, Object> onStepSubmitted(String stepKey, String username, Map<String, Object> values,
                                                Map<String, Object> variables) {
        return Map.of();
    }
}
