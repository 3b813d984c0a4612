package cn.cadreflow.workflow;

import java.util.List;

/** A model the deployment guard refused: every problem, and nothing was deployed. */
public class ModelRejected extends WorkflowException {

    private final transient List<ModelProblem> problems;

    public ModelRejected(List<ModelProblem> problems) {
        super("library.error.rejected");
        this.problems = List.copyOf(problems);
    }

    public List<ModelProblem> problems() {
        return problems;
    }
}
