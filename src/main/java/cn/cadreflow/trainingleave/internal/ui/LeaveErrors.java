package cn.cadreflow.trainingleave.internal.ui;

import java.util.stream.Collectors;

import com.vaadin.flow.component.Component;

import cn.cadreflow.workflow.WorkflowException;

/** A refused command of a planned leave, in words: each problem, or the refusal itself. */
final class LeaveErrors {

    private LeaveErrors() {
    }

    static String text(Component view, WorkflowException e) {
        if (e.errors().isEmpty()) {
            return view.getTranslation(e.messageKey());
        }
        return e.errors().stream().map(err -> view.getTranslation(err.messageKey(), err.args().toArray()))
                .collect(Collectors.joining("；"));
    }
}
