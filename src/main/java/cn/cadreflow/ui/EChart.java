package cn.cadreflow.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

/** An Apache ECharts chart; the option (JSON, labels already localized) is prepared on the server. */
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
}
