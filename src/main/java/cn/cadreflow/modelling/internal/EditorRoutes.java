package cn.cadreflow.modelling.internal;

import com.vaadin.flow.component.Component;

import cn.cadreflow.workflow.ModelVersion;

/** Which browser editor opens a model of each kind (a copy of a version, a draft). */
final class EditorRoutes {

    private EditorRoutes() {
    }

    static Class<? extends Component> editor(ModelVersion.Kind kind) {
        return switch (kind) {
            case PROCESS -> ModellerView.class;
            case FORM -> FormEditorView.class;
            case DECISION -> DecisionEditorView.class;
        };
    }
}
