package cn.cadreflow.workflow;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Names of processes, steps, form labels and options in the user's language. Models carry Chinese names;
 * a message key {@code process.<key>.<element>} or {@code form.<formId>.<field>} translates them, and a
 * model without keys (an admin's new one) shows its own names.
 */
@Component
public class Texts {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MessageSource messages;

    public Texts(MessageSource messages) {
        this.messages = messages;
    }

    public String get(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, "!" + key + "!", locale);
    }

    public String processName(String processKey, String fallback, Locale locale) {
        return or("process." + processKey + ".name", fallback, locale);
    }

    public String stepName(String processKey, String stepKey, String fallback, Locale locale) {
        return or("process." + processKey + "." + stepKey, fallback, locale);
    }

    public String label(FormDefinition form, FormDefinition.FormField field, Locale locale) {
        return or("form." + form.id() + "." + field.key(), field.label(), locale);
    }

    public String option(FormDefinition form, FormDefinition.FormField field, FormDefinition.Option option,
                         Locale locale) {
        return or("form." + form.id() + "." + field.key() + "." + option.value(), option.label(), locale);
    }

    public String error(FormError error, Locale locale) {
        return get(error.messageKey(), locale, error.args().toArray());
    }

    public String errors(List<FormError> errors, Locale locale) {
        return String.join("；", errors.stream().map(e -> error(e, locale)).distinct().toList());
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(ZoneId.systemDefault()));
    }

    private String or(String key, String fallback, Locale locale) {
        return messages.getMessage(key, null, fallback == null ? key : fallback, locale);
    }
}
