package cn.cadreflow.workflow.internal.form;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import cn.cadreflow.ui.DatePickers;
import cn.cadreflow.ui.Notices;
import cn.cadreflow.ui.TextLimit;
import cn.cadreflow.ui.Texts;
import cn.cadreflow.workflow.FormDefinition;
import cn.cadreflow.workflow.FormError;
import cn.cadreflow.workflow.WorkflowException;

/**
 * Renders a form-js form with Vaadin fields. Read-only fields (known data) and read-only mode show
 * values only; the server validates again whatever comes back (see {@link FormValidator}).
 */
public class FormRenderer extends FormLayout {

    private final FormDefinition form;
    private final Map<String, Component> fields = new LinkedHashMap<>();
    private final Texts texts;
    private final Locale locale;

    public FormRenderer(FormDefinition form, Texts texts, Locale locale, boolean editable) {
        this.form = form;
        this.texts = texts;
        this.locale = locale;
        addClassName("cf-form");
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40em", 2));
        for (FormDefinition.FormField f : form.fields()) {
            if (!f.isInput()) {
                if (f.text() != null) {
                    Paragraph p = new Paragraph(FormTexts.hint(texts, form, f, locale));
                    add(p, 2);
                }
                continue;
            }
            String label = FormTexts.label(texts, form, f, locale);
            Component c = switch (f.type()) {
                case "textarea" -> {
                    TextArea t = new TextArea(label);
                    if (f.maxLength() != null && editable && !f.readonly()) {
                        TextLimit.apply(t, f.maxLength());
                    }
                    yield t;
                }
                case "number" -> {
                    NumberField n = new NumberField(label);
                    if (f.min() != null) {
                        n.setMin(f.min());
                    }
                    if (f.max() != null) {
                        n.setMax(f.max());
                    }
                    yield n;
                }
                case "date" -> {
                    DatePicker d = new DatePicker(label);
                    d.setLocale(locale);
                    d.setI18n(DatePickers.i18n(texts, locale));
                    yield d;
                }
                case "select" -> {
                    if (f.valuesKey() != null) {
                        // the options come with the step's data (setValues): a picker by name
                        ComboBox<String> picker = new ComboBox<>(label);
                        picker.setItems(List.of());
                        yield picker;
                    }
                    Select<String> s = new Select<>();
                    s.setLabel(label);
                    s.setItems(f.options().stream().map(FormDefinition.Option::value).toList());
                    s.setItemLabelGenerator(v -> optionLabel(texts, f, v, locale));
                    yield s;
                }
                case "radio" -> {
                    RadioButtonGroup<String> r = new RadioButtonGroup<>(label);
                    r.setItems(f.options().stream().map(FormDefinition.Option::value).toList());
                    r.setItemLabelGenerator(v -> optionLabel(texts, f, v, locale));
                    yield r;
                }
                case "checkbox" -> new Checkbox(label);
                default -> {
                    TextField t = new TextField(label);
                    if (f.maxLength() != null && editable && !f.readonly()) {
                        TextLimit.apply(t, f.maxLength());
                    }
                    yield t;
                }
            };
            c.setId("field-" + f.key());
            if (c instanceof com.vaadin.flow.component.HasValue<?, ?> hv) {
                hv.setReadOnly(!editable || f.readonly());
                hv.setRequiredIndicatorVisible(editable && f.required() && !f.readonly());
            }
            fields.put(f.key(), c);
            add(c, "textarea".equals(f.type()) ? 2 : 1);
        }
    }

    public FormDefinition form() {
        return form;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public void setValues(Map<String, ?> values) {
        for (FormDefinition.FormField f : form.inputs()) {
            if (f.valuesKey() != null && fields.get(f.key()) instanceof ComboBox picker) {
                List<FormDefinition.Option> options = new java.util.ArrayList<>(FormDefinition.dataOptions(f, values));
                Object chosen = values.get(f.key());
                if (chosen != null && options.stream().noneMatch(o -> o.value().equals(chosen.toString()))) {
                    // a step handled before: the value as it was chosen
                    options.add(new FormDefinition.Option(chosen.toString(), chosen.toString()));
                }
                picker.setItems(options.stream().map(FormDefinition.Option::value).toList());
                picker.setItemLabelGenerator(v -> options.stream().filter(o -> o.value().equals(v)).findFirst()
                        .map(FormDefinition.Option::label).orElse(String.valueOf(v)));
            }
        }
        fields.forEach((key, c) -> {
            Object v = values.get(key);
            if (v == null || !(c instanceof AbstractField field)) {
                return;
            }
            if (c instanceof DatePicker d) {
                d.setValue(LocalDate.parse(v.toString()));
            } else if (c instanceof NumberField n) {
                n.setValue(v instanceof Number num ? num.doubleValue() : Double.valueOf(v.toString()));
            } else if (c instanceof Checkbox b) {
                b.setValue(Boolean.TRUE.equals(v) || "true".equals(v.toString()));
            } else if (readOnlyField(key)) {
                // the system filled it in: a grade, a rule's reason, a rank reads in the user's language
                field.setValue(FormTexts.systemValue(texts, v.toString(), locale));
            } else {
                field.setValue(v.toString());
            }
        });
    }

    private boolean readOnlyField(String key) {
        return form.inputs().stream().anyMatch(f -> f.key().equals(key) && f.readonly());
    }

    /** The values as the server expects them: strings, numbers, ISO dates and booleans. */
    public Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        fields.forEach((key, c) -> {
            Object v = c instanceof AbstractField<?, ?> field ? field.getValue() : null;
            if (c instanceof DatePicker d && d.isInvalid() && v == null) {
                // the picker could not parse what was typed: send it on so the server names the problem
                values.put(key, "?");
                return;
            }
            values.put(key, v instanceof LocalDate d ? d.toString() : v);
        });
        return values;
    }

    public void showErrors(List<FormError> errors, Texts texts, Locale locale) {
        fields.values().forEach(c -> {
            if (c instanceof HasValidation v) {
                v.setInvalid(false);
                v.setErrorMessage(null);
            }
        });
        for (FormError e : errors) {
            Component c = e.field() == null ? null : fields.get(e.field());
            if (c instanceof HasValidation v) {
                v.setErrorMessage(FormTexts.error(texts, e, locale));
                v.setInvalid(true);
            }
        }
    }

    /** A refusal from the server: each field's reason beside it, and all of them in one message. */
    public void showRefusal(WorkflowException refusal, Texts texts) {
        showErrors(refusal.errors(), texts, getLocale());
        Notices.error(refusal.errors().isEmpty() ? getTranslation(refusal.messageKey())
                : FormTexts.errors(texts, refusal.errors(), getLocale()));
    }

    public Component field(String key) {
        return fields.get(key);
    }

    private String optionLabel(Texts texts, FormDefinition.FormField f, String value, Locale locale) {
        return f.options().stream().filter(o -> o.value().equals(value)).findFirst()
                .map(o -> FormTexts.option(texts, form, f, o, locale)).orElse(value);
    }
}
