package cn.cadreflow.modelling.internal;

import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

/**
 * The dmn-js decision-table editor in the page (zh-CN labels of our own). It opens decision tables only: no DRD,
 * no literal or boxed expression, as the deployment guard allows. The sub-packages are pinned to dmn-js's own
 * version (its dependencies would otherwise resolve to a newer 17.x).
 */
@Tag("cf-dmn-editor")
@NpmPackage(value = "dmn-js", version = "17.10.2")
@NpmPackage(value = "dmn-js-shared", version = "17.10.2")
@NpmPackage(value = "dmn-js-decision-table", version = "17.10.2")
@JsModule("./components/cf-dmn-editor.ts")
class DmnEditor extends ModelText {

    DmnEditor(String locale, int maxChars) {
        super(locale, maxChars);
    }
}
