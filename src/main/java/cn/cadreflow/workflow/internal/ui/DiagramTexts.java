package cn.cadreflow.workflow.internal.ui;

import java.util.Locale;

import cn.cadreflow.ui.Texts;
import cn.cadreflow.workflow.WorkflowViews;
import cn.cadreflow.workflow.internal.engine.EngineModels;

/**
 * The diagram in the user's language: the model's Chinese names of its process, steps, gateways, events and flows
 * are replaced by their translations ({@code process.<key>.name}, {@code process.<key>.<elementId>}, as the lists
 * and the timeline name them); an element without one keeps the model's own name. Chinese shows the model as
 * deployed.
 */
final class DiagramTexts {

    private DiagramTexts() {
    }

    static WorkflowViews.Diagram translated(WorkflowViews.Diagram diagram, String processKey, Texts texts,
                                            Locale locale) {
        if (diagram.xml() == null || Locale.CHINESE.getLanguage().equals(locale.getLanguage())) {
            return diagram;
        }
        String xml = EngineModels.renamed(diagram.xml(), (id, name) -> id.equals(processKey)
                ? texts.processName(processKey, name, locale) : texts.stepName(processKey, id, name, locale));
        return new WorkflowViews.Diagram(xml, diagram.completed(), diagram.active());
    }
}
