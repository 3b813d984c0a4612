package cn.cadreflow.workflow;

import java.util.List;

/**
 * One reason a model (a {@code .bpmn}, {@code .dmn} or {@code .form} file) may not be deployed: a message key
 * ({@code guard.*}), the id of the element it is about (the file's name for a problem with the whole file), and
 * the message's arguments; the element id is always the first argument, so every message can say where.
 */
public record ModelProblem(String elementId, String key, List<String> args) {

    public ModelProblem {
        args = List.copyOf(args);
    }

    public static ModelProblem of(String elementId, String key, String... more) {
        List<String> all = new java.util.ArrayList<>();
        all.add(elementId == null ? "" : elementId);
        all.addAll(List.of(more));
        return new ModelProblem(elementId == null ? "" : elementId, key, all);
    }

    /** The arguments for the message. */
    public Object[] params() {
        return args.toArray();
    }
}
