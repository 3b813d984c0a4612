package cn.cadreflow.workflow.internal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

import cn.cadreflow.workflow.WorkflowViews;

/** The process diagram (bpmn-js viewer) with passed steps and the current position highlighted. */
@Tag("cf-bpmn-viewer")
@NpmPackage(value = "bpmn-js", version = "18.31.1")
@JsModule("./components/cf-bpmn-viewer.ts")
public class BpmnViewer extends Component implements HasSize {

    public BpmnViewer() {
        setWidthFull();
        setHeight("360px");
    }

    public void show(WorkflowViews.Diagram diagram) {
        getElement().setProperty("completed", String.join(",", diagram.completed()));
        getElement().setProperty("active", String.join(",", diagram.active()));
        getElement().setProperty("xml", diagram.xml());
    }
}
