package cn.cadreflow.workflow;

import java.util.List;

/** A migration whose mapping cannot be planned: nothing was migrated; the problems say why, step by step. */
public class MigrationRefusedException extends RuntimeException {

    private final transient List<MigrationPreview.Problem> problems;

    public MigrationRefusedException(List<MigrationPreview.Problem> problems) {
        super("migration refused: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<MigrationPreview.Problem> problems() {
        return problems;
    }
}
