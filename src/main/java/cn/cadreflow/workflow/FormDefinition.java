package cn.cadreflow.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A form in form-js JSON (the format the Camunda Modeler writes), reduced to what CadreFlow renders:
 * text fields, text areas, numbers, dates, selects, radios, checkboxes and static text.
 */
public record FormDefinition(String id, List<FormField> fields) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static FormDefinition parse(InputStream in) {
        try {
            JsonNode root = JSON.readTree(in);
            List<FormField> fields = new ArrayList<>();
            for (JsonNode c : root.path("components")) {
                fields.add(FormField.of(c));
            }
            return new FormDefinition(root.path("id").asText(), List.copyOf(fields));
        } catch (IOException e) {
            throw new IllegalArgumentException("Not a form-js form: " + e.getMessage(), e);
        }
    }

    public List<FormField> inputs() {
        return fields.stream().filter(FormField::isInput).toList();
    }

    /**
     * One component. {@code decimalDigits} is form-js's number property: at most that many digits after the point
     * (0 for a whole number such as an id). {@code valuesKey} is form-js's property of a select whose options come
     * with the step's data (a list of {@code value}/{@code label} entries under that name, from the process's handler,
     * {@code ProcessHandler.stepData}): the task view offers them as a picker, and the server accepts only one of
     * them, read again when the step is submitted.
     */
    public record FormField(String type, String key, String label, String text, boolean required, boolean readonly,
                            Double min, Double max, Integer minLength, Integer maxLength, String pattern,
                            Integer decimalDigits, List<Option> options, String valuesKey) {

        public FormField(String type, String key, String label, String text, boolean required, boolean readonly,
                         Double min, Double max, Integer minLength, Integer maxLength, String pattern,
                         Integer decimalDigits, List<Option> options) {
            this(type, key, label, text, required, readonly, min, max, minLength, maxLength, pattern, decimalDigits,
                    options, null);
        }

        static FormField of(JsonNode c) {
            String type = c.path("type").asText();
            if ("datetime".equals(type)) {
                // form-js keeps a date field's label in dateLabel
                type = "date";
            }
            JsonNode v = c.path("validate");
            List<Option> options = new ArrayList<>();
            for (JsonNode o : c.path("values")) {
                options.add(new Option(o.path("value").asText(), o.path("label").asText()));
            }
            String label = c.hasNonNull("label") ? c.get("label").asText() : c.path("dateLabel").asText(null);
            // a text (a hint) has no key of its own: its id names its translation
            String key = c.hasNonNull("key") ? c.get("key").asText() : "text".equals(type) ? c.path("id").asText(null)
                    : null;
            return new FormField(type, key, label, c.path("text").asText(null),
                    v.path("required").asBoolean(false),
                    c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false),
                    v.hasNonNull("min") ? v.get("min").asDouble() : null,
                    v.hasNonNull("max") ? v.get("max").asDouble() : null,
                    v.hasNonNull("minLength") ? v.get("minLength").asInt() : null,
                    v.hasNonNull("maxLength") ? v.get("maxLength").asInt() : null,
                    v.hasNonNull("pattern") ? v.get("pattern").asText() : null,
                    c.hasNonNull("decimalDigits") ? c.get("decimalDigits").asInt() : null,
                    List.copyOf(options), "select".equals(type) && c.hasNonNull("valuesKey")
                            ? c.get("valuesKey").asText() : null);
        }

        public boolean isInput() {
            return key != null && !"text".equals(type);
        }
    }

    public record Option(String value, String label) {
    }

    /**
     * The options a {@code valuesKey} select takes from the step's data: each entry a map with {@code value} and
     * {@code label}; anything else is no option.
     */
    public static List<Option> dataOptions(FormField f, Map<String, ?> data) {
        List<Option> options = new ArrayList<>();
        if (f.valuesKey() != null && data.get(f.valuesKey()) instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m && m.get("value") != null) {
                    options.add(new Option(m.get("value").toString(),
                            m.get("label") == null ? m.get("value").toString() : m.get("label").toString()));
                }
            }
        }
        return options;
    }
}
