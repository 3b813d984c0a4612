package cn.cadreflow.modelling.internal.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import cn.cadreflow.modelling.ModelChange;
import cn.cadreflow.modelling.ModelChange.What;
import cn.cadreflow.workflow.ModelVersion.Kind;

/**
 * What changed between two versions of a process, decision table or form, element by element (matched by id):
 * elements added, removed or renamed, and each property that changed, with its value before and after. In the
 * order of the newer version, the removed elements last. Plain Java, no engine.
 */
public final class ModelDiff {

    /** The properties the library names in words ({@code compare.property.<name>}); others show their own name. */
    public static final Set<String> PROPERTIES = Set.of("assignee", "form", "dueDate", "followUpDate", "starters",
            "historyTimeToLive", "decision", "expression", "source", "target", "default", "attachedTo", "condition",
            "timer", "event", "multiInstance", "kind", "reject", "listeners", "type", "validate", "options",
            "readonly", "defaultValue", "hitPolicy", "when", "then", "variable", "typeRef", "description",
            "documentation");
    /** The element types the library names in words ({@code compare.type.<type>}); others show their own name. */
    public static final Set<String> TYPES = Set.of("process", "startEvent", "endEvent", "userTask", "serviceTask",
            "businessRuleTask", "exclusiveGateway", "parallelGateway", "inclusiveGateway", "sequenceFlow",
            "boundaryEvent", "intermediateCatchEvent", "subProcess", "decision", "input", "output", "rule",
            "textfield", "textarea", "number", "datetime", "select", "radio", "checkbox", "text", "group");

    private ModelDiff() {
    }

    /** The changes from {@code before} to {@code after}, two files of the same kind. */
    public static List<ModelChange> compare(Kind kind, byte[] before, byte[] after) {
        return compare(elements(kind, before), elements(kind, after));
    }

    private static List<ModelElement> elements(Kind kind, byte[] file) {
        return switch (kind) {
            case PROCESS -> XmlFacts.bpmn(file);
            case DECISION -> XmlFacts.dmn(file);
            case FORM -> FormFacts.of(file);
        };
    }

    static List<ModelChange> compare(List<ModelElement> before, List<ModelElement> after) {
        Map<String, ModelElement> old = byId(before);
        Map<String, ModelElement> now = byId(after);
        List<ModelChange> changes = new ArrayList<>();
        for (ModelElement e : now.values()) {
            ModelElement was = old.get(e.id());
            if (was == null) {
                changes.add(new ModelChange(What.ADDED, e.id(), e.name(), e.type(), null, null, null));
                continue;
            }
            if (!Objects.equals(blank(was.name()), blank(e.name()))) {
                changes.add(new ModelChange(What.RENAMED, e.id(), e.name(), e.type(), null, blank(was.name()),
                        blank(e.name())));
            }
            if (!was.type().equals(e.type())) {
                changes.add(new ModelChange(What.CHANGED, e.id(), e.name(), e.type(), "type", was.type(), e.type()));
            }
            Set<String> properties = new LinkedHashSet<>(e.properties().keySet());
            properties.addAll(was.properties().keySet());
            for (String p : properties) {
                String a = blank(was.properties().get(p));
                String b = blank(e.properties().get(p));
                if (!a.equals(b)) {
                    changes.add(new ModelChange(What.CHANGED, e.id(), e.name(), e.type(), p, a, b));
                }
            }
        }
        old.values().stream().filter(e -> !now.containsKey(e.id())).forEach(e ->
                changes.add(new ModelChange(What.REMOVED, e.id(), e.name(), e.type(), null, null, null)));
        return changes;
    }

    private static Map<String, ModelElement> byId(List<ModelElement> elements) {
        Map<String, ModelElement> map = new LinkedHashMap<>();
        elements.forEach(e -> map.putIfAbsent(e.id(), e));
        return map;
    }

    private static String blank(String s) {
        return s == null ? "" : s;
    }
}
