package cn.cadreflow.workflow;

import java.util.List;

/** A refusal the user should read: a message key with arguments, or the form errors. */
public class WorkflowException extends RuntimeException {

    private final String messageKey;
    private final transient List<FormError> errors;

    public WorkflowException(String messageKey) {
        this(messageKey, List.of());
    }

    public WorkflowException(String messageKey, List<FormError> errors) {
        super(messageKey);
        this.messageKey = messageKey;
        this.errors = List.copyOf(errors);
    }

    public String messageKey() {
        return messageKey;
    }

    public List<FormError> errors() {
        return errors;
    }
}
