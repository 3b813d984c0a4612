package cn.cadreflow.workflow.internal.ui;

import java.util.Locale;

import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import cn.cadreflow.ui.Texts;
import cn.cadreflow.workflow.WorkflowViews;

/** The diagram with the current position and the timeline of one instance. */
class InstancePanel extends VerticalLayout {

    InstancePanel(WorkflowViews.InstanceDetail detail, WorkflowViews.Diagram diagram, Texts texts, Locale locale) {
        setPadding(false);
        BpmnViewer viewer = new BpmnViewer();
        viewer.setId("diagram");
        viewer.show(DiagramTexts.translated(diagram, detail.summary().processKey(), texts, locale));
        add(new H3(getTranslation("instance.diagram")), viewer,
                new H3(getTranslation("instance.timeline")),
                new TimelineList(detail.summary().processKey(), detail.timeline(), detail.pending(), texts, locale));
    }
}
