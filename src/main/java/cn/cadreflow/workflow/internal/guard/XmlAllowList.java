package cn.cadreflow.workflow.internal.guard;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a model file may contain, element by element: for each allowed element (namespace and local name) the
 * attributes it may carry. Anything not listed is refused, so a construct nobody thought of is refused too.
 */
final class XmlAllowList {

    static final String XMLNS = "http://www.w3.org/2000/xmlns/";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private final Map<String, Map<String, Set<String>>> allowed = new HashMap<>();

    /** Allows element {@code ns}:{@code name} with these attributes ({@code prefix:local} for namespaced ones). */
    XmlAllowList allow(String ns, String names, String... attributes) {
        for (String name : names.split(",")) {
            allowed.computeIfAbsent(ns, n -> new HashMap<>()).put(name.strip(), Set.of(attributes));
        }
        return this;
    }

    boolean elementAllowed(String ns, String localName) {
        return allowed.getOrDefault(ns == null ? "" : ns, Map.of()).containsKey(localName);
    }

    /** Whether the attribute, written as {@code local} or {@code alias:local} for a namespace, is allowed. */
    boolean attributeAllowed(String ns, String element, String attributeAlias) {
        return allowed.getOrDefault(ns == null ? "" : ns, Map.of()).getOrDefault(element, Set.of())
                .contains(attributeAlias);
    }
}
