package cn.cadreflow.modelling.internal.lint;

import java.util.ArrayList;
import java.util.List;

import cn.cadreflow.modelling.LibraryException;
import cn.cadreflow.modelling.internal.ModelEdits;
import cn.cadreflow.workflow.ModelProblem;

/**
 * What a process modelled in the browser needs beyond the deployment guard's rules, to appear in 发起申请 and be
 * started there: roles allowed to start it ({@code camunda:candidateStarterGroups}) and a start event with a form
 * from the library (the start page draws that form). Plain; the modeller runs it with the guard before it shows
 * problems and again at deploy. A file that is no diagram is the guard's to report.
 */
public final class StartLint {

    private StartLint() {
    }

    public static List<ModelProblem> check(String xml) {
        ModelEdits model;
        try {
            model = new ModelEdits(xml);
        } catch (LibraryException notXml) {
            return List.of();
        }
        List<ModelProblem> problems = new ArrayList<>();
        String process = model.processId();
        if (process == null) {
            return problems;
        }
        if (model.camunda(process, "candidateStarterGroups").isBlank()
                && model.camunda(process, "candidateStarterUsers").isBlank()) {
            problems.add(ModelProblem.of(process, "lint.noStarters"));
        }
        List<String> starts = model.startEvents();
        if (starts.size() != 1) {
            problems.add(ModelProblem.of(process, "lint.oneStart"));
        } else if (model.camunda(starts.get(0), "formRef").isBlank()) {
            problems.add(ModelProblem.of(starts.get(0), "lint.startForm"));
        }
        return problems;
    }
}
