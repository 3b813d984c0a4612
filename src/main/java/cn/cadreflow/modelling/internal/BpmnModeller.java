package cn.cadreflow.modelling.internal;

import java.util.function.Consumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

/**
 * The Camunda 7 BPMN modeller in the page (camunda-bpmn-js with its properties panel, zh-CN labels of our own).
 * The server keeps the diagram's XML: every change the user makes in the page comes back ({@link #xml()}), and
 * what the side panel's pickers change is sent to the page ({@link #setXml}).
 */
@Tag("cf-bpmn-modeler")
@NpmPackage(value = "camunda-bpmn-js", version = "5.20.0")
@NpmPackage(value = "bpmn-js-properties-panel", version = "5.65.3")
@JsModule("./components/cf-bpmn-modeler.ts")
public class BpmnModeller extends Component implements HasSize {

    /** The selected element: its id, BPMN type (e.g. {@code bpmn:UserTask}) and name; blank id for none. */
    public record Selection(String id, String type, String name) {
    }

    private final int maxChars;
    private String xml = "";
    private Consumer<Selection> onSelect = s -> { };
    private Runnable onChange = () -> { };

    public BpmnModeller(String locale, int maxChars) {
        this.maxChars = maxChars;
        setWidthFull();
        setHeight("560px");
        getElement().setAttribute("locale", locale);
        getElement().addEventListener("cf-change", e -> changed(e.getEventData().getString("event.detail.xml")))
                .addEventData("event.detail.xml");
        getElement().addEventListener("cf-select", e -> onSelect.accept(new Selection(
                        e.getEventData().getString("event.detail.id"), e.getEventData().getString("event.detail.type"),
                        e.getEventData().getString("event.detail.name"))))
                .addEventData("event.detail.id").addEventData("event.detail.type").addEventData("event.detail.name");
    }

    /** What the user changed in the page; ignored past the size limit (the guard would refuse it anyway). */
    void changed(String newXml) {
        if (newXml == null || newXml.length() > maxChars) {
            return;
        }
        xml = newXml;
        onChange.run();
    }

    public String xml() {
        return xml;
    }

    /** Draws this diagram in the page, keeping the view and the selection. */
    public void setXml(String xml) {
        this.xml = xml;
        getElement().setProperty("xml", xml);
    }

    /** Selects an element in the page and scrolls it into view. */
    public void select(String elementId) {
        getElement().callJsFunction("select", elementId);
    }

    public void onSelect(Consumer<Selection> listener) {
        this.onSelect = listener;
    }

    public void onChange(Runnable listener) {
        this.onChange = listener;
    }
}
