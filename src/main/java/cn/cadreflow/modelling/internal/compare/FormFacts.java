package cn.cadreflow.modelling.internal.compare;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The fields of a form-js form (groups' fields included) with their properties: type, label (the field's name
 * here), whether required and its other validation, options, conditions, read-only, default value.
 */
final class FormFacts {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What is not a property of its own: the field's identity, its label, its children, where it is drawn. */
    private static final Set<String> SKIPPED = Set.of("id", "key", "label", "type", "components", "layout");
    private static final Map<String, String> NAMES = Map.of("validate", "validate", "values", "options",
            "conditional", "condition", "readonly", "readonly", "defaultValue", "defaultValue");

    private FormFacts() {
    }

    static List<ModelElement> of(byte[] form) {
        JsonNode root;
        try {
            root = JSON.readTree(form);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a readable form", e);
        }
        List<ModelElement> out = new ArrayList<>();
        components(root.path("components"), out);
        return out;
    }

    private static void components(JsonNode list, List<ModelElement> out) {
        for (JsonNode c : list) {
            String id = c.hasNonNull("key") ? c.get("key").asText() : c.path("id").asText();
            Map<String, String> p = new LinkedHashMap<>();
            c.properties().forEach(e -> {
                if (!SKIPPED.contains(e.getKey())) {
                    JsonNode v = e.getValue();
                    p.put(NAMES.getOrDefault(e.getKey(), e.getKey()), v.isValueNode() ? v.asText() : v.toString());
                }
            });
            String label = c.path("label").asText(c.path("text").asText(""));
            out.add(new ModelElement(id, c.path("type").asText(), label, p));
            components(c.path("components"), out);
        }
    }
}
