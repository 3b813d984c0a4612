package cn.cadreflow.workflow.internal.guard;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import cn.cadreflow.workflow.ModelProblem;

/**
 * The rules of a {@code .form} file (form-js JSON): only the components and properties the task view draws and
 * the server validates ({@code FormDefinition}), so a form never shows one thing and checks another; no
 * expression (a value starting with {@code =}) and no template; each field has a unique variable name.
 */
final class FormRules {

    static final Set<String> TOP = Set.of("id", "type", "schemaVersion", "executionPlatform",
            "executionPlatformVersion", "components", "exporter");
    static final Set<String> TYPES = Set.of("textfield", "textarea", "number", "datetime", "select", "radio",
            "checkbox", "text");
    static final Set<String> COMPONENT = Set.of("id", "type", "key", "label", "dateLabel", "subtype", "readonly",
            "disabled", "text", "values", "valuesKey", "validate", "decimalDigits", "description", "layout");
    static final Set<String> VALIDATE = Set.of("required", "min", "max", "minLength", "maxLength", "pattern");
    static final Set<String> OPTION = Set.of("label", "value");
    /** The form-js editor places each field in a row; the task view draws one field per row, full width. */
    static final Set<String> LAYOUT = Set.of("row", "columns");
    static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    static final int PATTERN_MAX = 200;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    List<ModelProblem> check(String fileName, byte[] content) {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (IOException e) {
            return List.of(ModelProblem.of(fileName, "guard.form.malformed"));
        }
        if (root == null || !root.isObject() || !KEY.matcher(root.path("id").asText()).matches()) {
            return List.of(ModelProblem.of(fileName, "guard.form.noId"));
        }
        String formId = root.get("id").asText();
        List<ModelProblem> problems = new ArrayList<>();
        unknown(formId, root, TOP, problems);
        if (!root.path("components").isArray()) {
            problems.add(ModelProblem.of(formId, "guard.form.noComponents"));
            return problems;
        }
        Set<String> keys = new HashSet<>();
        Set<String> rows = new HashSet<>();
        for (JsonNode c : root.get("components")) {
            component(c, keys, problems);
            layout(c, rows, problems);
        }
        return problems;
    }

    private static void component(JsonNode c, Set<String> keys, List<ModelProblem> problems) {
        String id = c.path("id").asText(c.path("key").asText(""));
        String type = c.path("type").asText();
        if (!TYPES.contains(type) || "datetime".equals(type) && !"date".equals(c.path("subtype").asText())) {
            problems.add(ModelProblem.of(id, "guard.form.type", type));
            return;
        }
        unknown(id, c, COMPONENT, problems);
        unknown(id, c.path("validate"), VALIDATE, problems);
        for (JsonNode option : c.path("values")) {
            unknown(id, option, OPTION, problems);
        }
        if (!"text".equals(type)) {
            String key = c.path("key").asText();
            if (!KEY.matcher(key).matches()) {
                problems.add(ModelProblem.of(id, "guard.form.key", key));
            } else if (!keys.add(key)) {
                problems.add(ModelProblem.of(id, "guard.form.duplicateKey", key));
            }
        }
        if (c.has("valuesKey") && (!"select".equals(type) || !KEY.matcher(c.path("valuesKey").asText()).matches())) {
            problems.add(ModelProblem.of(id, "guard.form.property", "valuesKey"));
        }
        if (c.path("validate").path("pattern").asText().length() > PATTERN_MAX) {
            problems.add(ModelProblem.of(id, "guard.form.pattern", String.valueOf(PATTERN_MAX)));
        }
        expressions(id, c, problems);
    }

    /** Only a row of its own and no column width: what the task view draws. */
    private static void layout(JsonNode c, Set<String> rows, List<ModelProblem> problems) {
        JsonNode layout = c.get("layout");
        if (layout == null) {
            return;
        }
        String id = c.path("id").asText(c.path("key").asText(""));
        unknown(id, layout, LAYOUT, problems);
        JsonNode row = layout.path("row");
        if (!layout.isObject() || !layout.path("columns").isMissingNode() && !layout.path("columns").isNull()
                || !row.isMissingNode() && !row.isNull() && (!row.isTextual() || !rows.add(row.asText()))) {
            problems.add(ModelProblem.of(id, "guard.form.layout"));
        }
    }

    private static void unknown(String id, JsonNode node, Set<String> allowed, List<ModelProblem> problems) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            String name = it.next().getKey();
            if (!allowed.contains(name)) {
                problems.add(ModelProblem.of(id, "guard.form.property", name));
            }
        }
    }

    /** form-js evaluates a value starting with '=' (FEEL) and text with {{...}} templates: the task view does not. */
    private static void expressions(String id, JsonNode node, List<ModelProblem> problems) {
        if (node.isTextual()) {
            String s = node.asText();
            if (s.startsWith("=") || s.contains("{{")) {
                problems.add(ModelProblem.of(id, "guard.form.expression", s));
            }
        }
        node.elements().forEachRemaining(child -> expressions(id, child, problems));
    }
}
