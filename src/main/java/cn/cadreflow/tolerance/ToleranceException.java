package cn.cadreflow.tolerance;

import java.util.List;

/**
 * A refused recording: each problem names the field it is about (null for the whole record) and says why as a
 * message key with arguments, so the view can mark the fields and show the messages in the user's language.
 */
public class ToleranceException extends RuntimeException {

    private final List<Problem> problems;

    public ToleranceException(List<Problem> problems) {
        super(problems.isEmpty() ? "" : problems.get(0).key());
        this.problems = List.copyOf(problems);
    }

    public ToleranceException(String key, Object... args) {
        this(List.of(Problem.of(null, key, args)));
    }

    public List<Problem> problems() {
        return problems;
    }

    public record Problem(String field, String key, List<Object> args) {
        public static Problem of(String field, String key, Object... args) {
            return new Problem(field, key, List.of(args));
        }
    }
}
