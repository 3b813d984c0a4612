package cn.cadreflow.workflow.internal.form;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import cn.cadreflow.workflow.FormDefinition;
import cn.cadreflow.workflow.FormError;

/**
 * Server-side validation of submitted form data against the form's own rules. Whatever the browser (or anything
 * else) sent, only the form's input keys survive, each of the type its field takes; read-only fields take the value
 * the system knows. Text is measured in UTF-16 units, as a browser's maxlength and H2 count it (MySQL counts code
 * points, never more), so a value that passes fits its column.
 */
public final class FormValidator {

    /**
     * The most any text value may hold, whatever its form allows: a string process variable's column,
     * {@code ACT_RU_VARIABLE.TEXT_ VARCHAR(4000)}, where every submitted value is kept.
     */
    public static final int TEXT_MAX = 4000;
    /** The dates a date field accepts. */
    static final LocalDate FIRST_DATE = LocalDate.of(1900, 1, 1);
    static final LocalDate LAST_DATE = LocalDate.of(2099, 12, 31);
    /** The longest number or date text worth parsing: anything longer is not one (and is costly to parse). */
    private static final int NUMBER_TEXT_MAX = 40;
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

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
                if (!readable(s)) {
                    errors.add(FormError.of(f.key(), "form.error.characters"));
                    continue;
                }
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
            Object value = f.valuesKey() != null ? dataOption(f, raw, known, errors) : normalise(f, raw, errors);
            if (value != null) {
                values.put(f.key(), value);
            }
        }
        return new Result(values, List.copyOf(errors));
    }

    /** A select whose options come with the step's data: one of them, as the data says them now. */
    private static Object dataOption(FormDefinition.FormField f, Object raw, Map<String, ?> known,
                                     List<FormError> errors) {
        if (raw instanceof String s && FormDefinition.dataOptions(f, known).stream().anyMatch(o -> o.value().equals(s))) {
            return s;
        }
        errors.add(FormError.of(f.key(), "form.error.option"));
        return null;
    }

    private static Object normalise(FormDefinition.FormField f, Object raw, List<FormError> errors) {
        return switch (f.type()) {
            case "number" -> number(f, raw, errors);
            case "date" -> date(f, raw, errors);
            case "checkbox" -> {
                if (raw instanceof Boolean b) {
                    yield b;
                }
                if ("true".equals(raw) || "false".equals(raw)) {
                    yield Boolean.valueOf((String) raw);
                }
                errors.add(FormError.of(f.key(), "form.error.checkbox"));
                yield null;
            }
            case "select", "radio" -> {
                if (raw instanceof String s && f.options().stream().anyMatch(o -> o.value().equals(s))) {
                    yield s;
                }
                errors.add(FormError.of(f.key(), "form.error.option"));
                yield null;
            }
            default -> text(f, raw, errors);
        };
    }

    /** A number: a finite one, or its text; within the form's bounds and decimal digits. */
    private static Double number(FormDefinition.FormField f, Object raw, List<FormError> errors) {
        BigDecimal n = null;
        if (raw instanceof Number || (raw instanceof String s && s.length() <= NUMBER_TEXT_MAX)) {
            try {
                n = new BigDecimal(raw.toString());
            } catch (NumberFormatException e) {
                // not a number: said below
            }
        }
        if (n == null) {
            errors.add(FormError.of(f.key(), "form.error.number"));
            return null;
        }
        if (f.min() != null && n.compareTo(BigDecimal.valueOf(f.min())) < 0) {
            errors.add(FormError.of(f.key(), "form.error.min", plain(f.min())));
            return null;
        }
        if (f.max() != null && n.compareTo(BigDecimal.valueOf(f.max())) > 0) {
            errors.add(FormError.of(f.key(), "form.error.max", plain(f.max())));
            return null;
        }
        if (f.decimalDigits() != null && n.stripTrailingZeros().scale() > f.decimalDigits()) {
            errors.add(f.decimalDigits() == 0 ? FormError.of(f.key(), "form.error.wholeNumber")
                    : FormError.of(f.key(), "form.error.decimals", f.decimalDigits()));
            return null;
        }
        double d = n.doubleValue();
        if (!Double.isFinite(d)) {
            errors.add(FormError.of(f.key(), "form.error.number"));
            return null;
        }
        return d;
    }

    /** An ISO date (2026-01-31), from 1900-01-01 to 2099-12-31. */
    private static String date(FormDefinition.FormField f, Object raw, List<FormError> errors) {
        LocalDate date = null;
        if (raw instanceof LocalDate d) {
            date = d;
        } else if (raw instanceof String s && s.length() <= NUMBER_TEXT_MAX) {
            try {
                date = LocalDate.parse(s, ISO_DATE);
            } catch (DateTimeParseException e) {
                // not a date: said below
            }
        }
        if (date == null) {
            errors.add(FormError.of(f.key(), "form.error.date"));
            return null;
        }
        if (date.isBefore(FIRST_DATE) || date.isAfter(LAST_DATE)) {
            errors.add(FormError.of(f.key(), "form.error.dateRange", FIRST_DATE.toString(), LAST_DATE.toString()));
            return null;
        }
        return date.toString();
    }

    /** Text, within the form's lengths (and never beyond {@link #TEXT_MAX}) and its pattern. */
    private static String text(FormDefinition.FormField f, Object raw, List<FormError> errors) {
        if (!(raw instanceof String s)) {
            errors.add(FormError.of(f.key(), "form.error.text"));
            return null;
        }
        int max = f.maxLength() == null ? TEXT_MAX : Math.min(f.maxLength(), TEXT_MAX);
        if (f.minLength() != null && s.length() < f.minLength()) {
            errors.add(FormError.of(f.key(), "form.error.minLength", f.minLength()));
        } else if (s.length() > max) {
            errors.add(FormError.of(f.key(), "form.error.maxLength", max));
        } else if (f.pattern() != null && !matches(f.pattern(), s)) {
            errors.add(FormError.of(f.key(), "form.error.pattern"));
        } else {
            return s;
        }
        return null;
    }

    /**
     * Text a person could have typed: no control characters but tab and line breaks, and whole UTF-16 (no half of
     * an emoji), which the databases would refuse or store as '?'.
     */
    static boolean readable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)
                    || (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r')) {
                return false;
            }
        }
        return true;
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
