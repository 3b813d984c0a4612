package cn.cadreflow.modelling;

/**
 * One difference between two versions of a model, about one element (a step, a flow, a form field, a rule):
 * added, removed, renamed, or one of its properties changed from {@code before} to {@code after} (either blank when
 * it was not set). {@code property} is one of the names the library shows in words
 * ({@code compare.property.<property>}) or, for anything else, the attribute's own name.
 */
public record ModelChange(What what, String elementId, String elementName, String elementType, String property,
                          String before, String after) {

    /** What happened to the element. */
    public enum What { ADDED, REMOVED, RENAMED, CHANGED }
}
