package cn.cadreflow.trainingplan;

import java.util.List;

/** A refused catalogue change: each problem is a message key with its arguments (a line number first on import). */
public class CatalogueException extends RuntimeException {

    private final List<Problem> problems;

    public CatalogueException(List<Problem> problems) {
        super(problems.isEmpty() ? "" : problems.get(0).key());
        this.problems = List.copyOf(problems);
    }

    public CatalogueException(String key, Object... args) {
        this(List.of(new Problem(key, List.of(args))));
    }

    public List<Problem> problems() {
        return problems;
    }

    public record Problem(String key, List<Object> args) {
    }
}
