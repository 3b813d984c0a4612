package cn.cadreflow.trainingplan.internal.ui;

import java.util.List;

import com.vaadin.flow.component.Component;

import cn.cadreflow.trainingplan.CatalogueException;

/** The words of a refusal's problems in the user's language; an argument that is a problem is put in words first. */
final class Problems {

    private Problems() {
    }

    static String text(Component in, CatalogueException.Problem problem) {
        Object[] args = problem.args().stream()
                .map(a -> a instanceof CatalogueException.Problem p ? text(in, p) : a).toArray();
        return in.getTranslation(problem.key(), args);
    }

    static List<String> texts(Component in, CatalogueException e) {
        return e.problems().stream().map(p -> text(in, p)).toList();
    }
}
