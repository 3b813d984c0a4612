package cn.cadreflow.workflow.internal.ui;

import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import cn.cadreflow.ui.Texts;
import cn.cadreflow.workflow.WorkflowViews;
import cn.cadreflow.workflow.internal.task.Signatures;

/**
 * The request's steps (审批流程) beside its diagram, then the timeline of every action. On a phone-sized window the
 * step list takes the diagram's place; the diagram is a tap away ({@code diagram-toggle}).
 */
class InstancePanel extends VerticalLayout {

    /** Shown only to whoever was allowed to read {@code detail}; signatures are served to that session alone. */
    InstancePanel(WorkflowViews.InstanceDetail detail, WorkflowViews.Diagram diagram, Signatures signatures,
                  Texts texts, Locale locale) {
        setPadding(false);
        String processKey = detail.summary().processKey();
        SignatureImages images = new SignatureImages(signatures);
        Div steps = new Div(new H3(getTranslation("instance.steps")),
                new StepList(ApprovalSteps.of(processKey, detail.timeline(), detail.pending(),
                        images.signed(detail.timeline()), texts, locale), texts, images));
        steps.addClassName("steps-box");
        BpmnViewer viewer = new BpmnViewer();
        viewer.setId("diagram");
        viewer.show(DiagramTexts.translated(diagram, processKey, texts, locale));
        Div diagramBox = new Div(new H3(getTranslation("instance.diagram")), viewer);
        diagramBox.addClassName("diagram-box");
        Div flow = new Div(steps, diagramBox);
        flow.setId("flow-panel");
        flow.addClassName("flow-panel");
        Button toggle = new Button(getTranslation("instance.showDiagram"));
        toggle.setId("diagram-toggle");
        toggle.addClassName("phone-only");
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        toggle.addClickListener(e -> {
            boolean shown = flow.getClassNames().contains("show-diagram");
            flow.setClassName("show-diagram", !shown);
            toggle.setText(getTranslation(shown ? "instance.showDiagram" : "instance.hideDiagram"));
        });
        add(toggle, flow, new H3(getTranslation("instance.timeline")),
                new TimelineList(processKey, detail.timeline(), detail.pending(), texts, locale));
    }
}
