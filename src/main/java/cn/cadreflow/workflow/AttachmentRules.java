package cn.cadreflow.workflow;

/**
 * The attachment rules (accepted endings, size, content matching the ending) for files kept outside the engine
 * too, e.g. evidence a cadre attaches; refuses with the same message keys as the task centre.
 */
public interface AttachmentRules {

    /** The checked file, or a {@link WorkflowException} saying what is wrong with it. */
    CheckedFile checkFile(String fileName, byte[] content);

    /** The largest file accepted, in bytes (the one setting {@code cadreflow.workflow.attachment-max-size}). */
    long maxBytes();

    /** The accepted file endings, without the dot (the setting {@code cadreflow.workflow.attachment-types}). */
    java.util.List<String> endings();

    /** A file that passed the attachment rules: its name without any path, and its content type. */
    record CheckedFile(String name, String contentType) {
    }
}
