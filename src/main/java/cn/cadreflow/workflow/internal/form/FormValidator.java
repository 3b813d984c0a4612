package cn.cadreflow.workflow.internal.form;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import cn.cadreflow.workflow.FormDefinition;
import cn.cadreflow.workflow.FormError;

/**
 * Server-side validation of submitted form data against the form's own rules. Whatever the browser
 * sent, only the form's input keys survive; read-only fields take the value the system knows.
 */
public final class FormValidator {

    private FormValidator() {
    }

    public record Result(Map<String, Object> values, List<FormError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    public static Result validate(FormDefinition form, Map<String, ?> submitted, Map<String, ?> known) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<FormError> errors = new ArrayList<>();
        for (FormDefinition.FormField f : form.inputs()) {
            if (f.readonly()) {
                if (known.containsKey(f.key())) {
                    values.put(f.key(), known.get(f.key()));
                }
                continue;
            }
            Object raw = submitted.get(f.key());
            if (raw instanceof String s) {
                raw = s.strip();
                if (((String) raw).isEmpty()) {
                    raw = null;
                }
            }
            if (raw == null || (raw instanceof Boolean b && !b && f.required() && "checkbox".equals(f.type()))) {
                if (f.required()) {
                    errors.add(FormError.of(f.key(), "form.error.required"));
                }
                if ("checkbox".equals(f.type())) {
                    values.put(f.key(), Boolean.FALSE);
                }
                continue;
            }
            Object value = normalise(f, raw, errors);
            if (value != null) {
                values.put(f.key(), value);
            }
        }
        return new Result(values, List.copyOf(errors));
    }

    private static Object normalise(FormDefinition.FormField f, Object raw, List<FormError> errors) {
        switch (f.type()) {
            case "number" -> {
                BigDecimal n;
                try {
                    n = raw instanceof Number num ? new BigDecimal(num.toString()) : new BigDecimal(raw.toString());
                } catch (NumberFormatException e) {
                    errors.add(FormError.of(f.key(), "form.error.number"));
                    return null;
                }
                if (f.min() != null && n.doubleValue() < f.min()) {
                    errors.add(FormError.of(f.key(), "form.error.min", plain(f.min())));
                } else if (f.max() != null && n.doubleValue() > f.max()) {
                    errors.add(FormError.of(f.key(), "form.error.max", plain(f.max())));
                }
                return n.doubleValue();
            }
            case "date" -> {
                try {
                    return (raw instanceof LocalDate d ? d : LocalDate.parse(raw.toString())).toString();
                } catch (DateTimeParseException e) {
                    errors.add(FormError.of(f.key(), "form.error.date"));
                    return null;
                }
            }
            case "checkbox" -> {
                return raw instanceof Boolean b ? b : Boolean.parseBoolean(raw.toString());
            }
            case "select", "radio" -> {
                String s = raw.toString();
                if (f.options().stream().noneMatch(o -> o.value().equals(s))) {
                    errors.add(FormError.of(f.key(), "form.error.option"));
                    return null;
                }
                return s;
            }
            default -> {
                String s = raw.toString();
                if (f.minLength() != null && s.codePointCount(0, s.length()) < f.minLength()) {
                    errors.add(FormError.of(f.key(), "form.error.minLength", f.minLength()));
                } else if (f.maxLength() != null && s.codePointCount(0, s.length()) > f.maxLength()) {
                    errors.add(FormError.of(f.key(), "form.error.maxLength", f.maxLength()));
                } else if (f.pattern() != null && !matches(f.pattern(), s)) {
                    errors.add(FormError.of(f.key(), "form.error.pattern"));
                }
                return s;
            }
        }
    }

    private static boolean matches(String pattern, String value) {
        try {
            return Pattern.compile(pattern).matcher(value).matches();
        } catch (PatternSyntaxException e) {
            return true;
        }
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
