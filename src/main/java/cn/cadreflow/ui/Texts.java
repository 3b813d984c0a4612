package cn.cadreflow.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Texts in the user's language for every module's views: messages, names of processes and steps, dates. Models
 * carry Chinese names; a message key {@code process.<key>.<element>} translates them, and a model without keys
 * (an admin's new one) shows its own names.
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

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(ZoneId.systemDefault()));
    }

    /** The message for a key, or the fallback (the model's own name) when there is none. */
    public String or(String key, String fallback, Locale locale) {
        return messages.getMessage(key, null, fallback == null ? key : fallback, locale);
    }
}
