package cn.cadreflow.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.DomEvent;
import com.vaadin.flow.component.EventData;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.shared.Registration;

/**
 * An Apache ECharts chart; the option (JSON, labels already localized) is prepared on the server. A click on a data
 * item reaches {@link #addItemClickListener} listeners with what was clicked: a Sankey node or link, or another item,
 * by its name and the {@code key} the option gave it.
 */
@Tag("cf-echart")
@NpmPackage(value = "echarts", version = "6.1.0")
@JsModule("./components/cf-echart.ts")
public class EChart extends Component implements HasSize {

    public EChart() {
        setWidthFull();
        setHeight("320px");
    }

    public void setOption(String optionJson) {
        getElement().setProperty("option", optionJson);
    }

    public String getOption() {
        return getElement().getProperty("option", "");
    }

    /** Called when the user clicks a data item of the chart (a bar, a Sankey node or link). */
    public Registration addItemClickListener(ComponentEventListener<ItemClickEvent> listener) {
        return addListener(ItemClickEvent.class, listener);
    }

    /**
     * A click on a data item: {@code dataType} is {@code node} or {@code edge} for a graph or Sankey, empty otherwise;
     * {@code key} is the item's own {@code key} in the option (empty when it has none).
     */
    @DomEvent("cf-echart-click")
    public static class ItemClickEvent extends ComponentEvent<EChart> {

        private final String dataType;
        private final String name;
        private final String key;

        public ItemClickEvent(EChart source, boolean fromClient,
                              @EventData("event.detail.dataType") String dataType,
                              @EventData("event.detail.name") String name,
                              @EventData("event.detail.key") String key) {
            super(source, fromClient);
            this.dataType = dataType == null ? "" : dataType;
            this.name = name == null ? "" : name;
            this.key = key == null ? "" : key;
        }

        public String dataType() {
            return dataType;
        }

        public String name() {
            return name;
        }

        public String key() {
            return key;
        }
    }
}
