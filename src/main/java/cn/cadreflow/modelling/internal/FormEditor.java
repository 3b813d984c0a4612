package cn.cadreflow.modelling.internal;

import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;

/**
 * The form-js editor in the page (palette, canvas, properties panel; zh-CN labels of our own), restricted to the
 * fields and properties the task view draws and validates: everything else is hidden from the palette and the
 * properties panel, and a field cannot be dropped beside another (the task view draws one per row).
 */
@Tag("cf-form-editor")
@NpmPackage(value = "@bpmn-io/form-js", version = "1.23.0")
@NpmPackage(value = "@bpmn-io/form-js-editor", version = "1.23.0")
@JsModule("./components/cf-form-editor.ts")
class FormEditor extends ModelText {

    FormEditor(String locale, int maxChars) {
        super(locale, maxChars);
    }
}
