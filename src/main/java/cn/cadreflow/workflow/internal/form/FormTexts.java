package cn.cadreflow.workflow.internal.form;

import java.util.List;
import java.util.Locale;

import cn.cadreflow.ui.Texts;
import cn.cadreflow.workflow.FormDefinition;
import cn.cadreflow.workflow.FormError;

/**
 * Form labels, hints, options, system values and errors in the user's language. Forms carry Chinese labels; a
 * message key {@code form.<formId>.<field>} translates them, and a form without keys (an admin's new one) shows its
 * own.
 */
public final class FormTexts {

    private FormTexts() {
    }

    public static String label(Texts texts, FormDefinition form, FormDefinition.FormField field, Locale locale) {
        return texts.or("form." + form.id() + "." + field.key(), field.label(), locale);
    }

    public static String option(Texts texts, FormDefinition form, FormDefinition.FormField field,
                                FormDefinition.Option option, Locale locale) {
        return texts.or("form." + form.id() + "." + field.key() + "." + option.value(), option.label(), locale);
    }

    /** A hint (a text component): {@code form.<formId>.<componentId>}. */
    public static String hint(Texts texts, FormDefinition form, FormDefinition.FormField field, Locale locale) {
        return field.key() == null ? field.text()
                : texts.or("form." + form.id() + "." + field.key(), field.text(), locale);
    }

    /**
     * A value the system filled in (a read-only field: a grade, a rule's reason, a rank): {@code value.<text>}
     * translates it; anything else, such as a person's own words, shows as written.
     */
    public static String systemValue(Texts texts, String value, Locale locale) {
        return value.isEmpty() || value.length() > 100 ? value : texts.or("value." + value, value, locale);
    }

    public static String error(Texts texts, FormError error, Locale locale) {
        return texts.get(error.messageKey(), locale, error.args().toArray());
    }

    public static String errors(Texts texts, List<FormError> errors, Locale locale) {
        return String.join("；", errors.stream().map(e -> error(texts, e, locale)).distinct().toList());
    }
}
