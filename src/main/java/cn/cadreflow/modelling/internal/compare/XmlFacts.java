package cn.cadreflow.modelling.internal.compare;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The elements of a BPMN process or a DMN decision table with the properties a comparison words: for a BPMN step
 * its assignee rule, form, due date, step kind, what 不同意 does, timers, conditions, listeners; for a DMN table its
 * inputs, outputs and rules. The files come from the library (they passed the deployment guard), and are read
 * with no DOCTYPE and nothing fetched all the same.
 */
final class XmlFacts {

    private static final String XMLNS = "http://www.w3.org/2000/xmlns/";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    /** Children of a process that are not elements of their own (or are said by the flows). */
    private static final Set<String> NOT_ELEMENTS = Set.of("laneSet", "extensionElements", "documentation",
            "ioSpecification", "incoming", "outgoing");
    private static final Map<String, String> ATTRIBUTES = Map.ofEntries(Map.entry("assignee", "assignee"),
            Map.entry("candidateGroups", "assignee"), Map.entry("candidateUsers", "assignee"),
            Map.entry("formRef", "form"), Map.entry("formKey", "form"), Map.entry("formRefBinding", "form"),
            Map.entry("formRefVersion", "form"), Map.entry("dueDate", "dueDate"),
            Map.entry("followUpDate", "followUpDate"), Map.entry("candidateStarterGroups", "starters"),
            Map.entry("candidateStarterUsers", "starters"), Map.entry("historyTimeToLive", "historyTimeToLive"),
            Map.entry("decisionRef", "decision"), Map.entry("expression", "expression"),
            Map.entry("sourceRef", "source"), Map.entry("targetRef", "target"), Map.entry("default", "default"),
            Map.entry("attachedToRef", "attachedTo"));
    /** Properties several attributes make up: each value says which attribute it is. */
    private static final Set<String> SHARED = Set.of("assignee", "form", "starters");
    private static final Map<String, String> CF_PROPERTIES = Map.of("cf.kind", "kind", "cf.reject", "reject");

    private XmlFacts() {
    }

    /** The processes' elements (the processes themselves included), in document order. */
    static List<ModelElement> bpmn(byte[] xml) {
        List<ModelElement> out = new ArrayList<>();
        for (Element process : children(parse(xml), "process")) {
            out.add(element(process));
            scope(process, out);
        }
        return out;
    }

    private static void scope(Element scope, List<ModelElement> out) {
        for (Element child : children(scope, null)) {
            if (!NOT_ELEMENTS.contains(child.getLocalName()) && child.hasAttribute("id")) {
                out.add(element(child));
                if (child.getLocalName().equals("subProcess")) {
                    scope(child, out);
                }
            }
        }
    }

    private static ModelElement element(Element e) {
        Map<String, String> p = new LinkedHashMap<>();
        attributes(e, p);
        for (Element child : children(e, null)) {
            String kind = child.getLocalName();
            if (kind.equals("conditionExpression")) {
                put(p, "condition", text(child));
            } else if (kind.equals("timerEventDefinition")) {
                children(child, null).forEach(t -> put(p, "timer", t.getLocalName() + " " + text(t)));
            } else if (kind.endsWith("EventDefinition")) {
                put(p, "event", kind + attributeText(child));
            } else if (kind.equals("multiInstanceLoopCharacteristics")) {
                put(p, "multiInstance", (attributeText(child) + " " + childText(child)).strip());
            } else if (kind.equals("extensionElements")) {
                extensions(child, p);
            } else if (!kind.equals("incoming") && !kind.equals("outgoing") && !child.hasAttribute("id")) {
                put(p, kind, (attributeText(child) + " " + text(child)).strip());
            }
        }
        return new ModelElement(e.getAttribute("id"), e.getLocalName(), e.getAttribute("name"), p);
    }

    private static void extensions(Element extensions, Map<String, String> p) {
        for (Element ext : children(extensions, null)) {
            switch (ext.getLocalName()) {
                case "properties" -> children(ext, "property").forEach(prop -> put(p,
                        CF_PROPERTIES.getOrDefault(prop.getAttribute("name"), prop.getAttribute("name")),
                        prop.getAttribute("value")));
                case "executionListener", "taskListener" -> put(p, "listeners",
                        ext.getAttribute("event") + " " + ext.getAttribute("expression"));
                case "inputOutput" -> children(ext, null).forEach(io -> put(p,
                        io.getLocalName() + " " + io.getAttribute("name"), text(io)));
                default -> put(p, ext.getLocalName(), (attributeText(ext) + " " + text(ext)).strip());
            }
        }
    }

    /** The decisions, their inputs, outputs and rules, in document order. */
    static List<ModelElement> dmn(byte[] xml) {
        List<ModelElement> out = new ArrayList<>();
        for (Element decision : children(parse(xml), "decision")) {
            Map<String, String> p = new LinkedHashMap<>();
            children(decision, "decisionTable").forEach(t -> put(p, "hitPolicy", t.getAttribute("hitPolicy")));
            out.add(new ModelElement(decision.getAttribute("id"), "decision", decision.getAttribute("name"), p));
            for (Element table : children(decision, "decisionTable")) {
                for (Element part : children(table, null)) {
                    Map<String, String> q = new LinkedHashMap<>();
                    String name = part.getAttribute("label").isEmpty() ? part.getAttribute("name")
                            : part.getAttribute("label");
                    switch (part.getLocalName()) {
                        case "input" -> {
                            children(part, "inputExpression").forEach(x -> put(q, "expression", text(x)));
                            put(q, "typeRef", String.join("", children(part, "inputExpression").stream()
                                    .map(x -> x.getAttribute("typeRef")).toList()));
                        }
                        case "output" -> {
                            put(q, "variable", part.getAttribute("name"));
                            put(q, "typeRef", part.getAttribute("typeRef"));
                        }
                        case "rule" -> {
                            put(q, "when", String.join(" | ", children(part, "inputEntry").stream()
                                    .map(XmlFacts::text).toList()));
                            put(q, "then", String.join(" | ", children(part, "outputEntry").stream()
                                    .map(XmlFacts::text).toList()));
                            children(part, "description").forEach(x -> put(q, "description", text(x)));
                        }
                        default -> {
                            continue;
                        }
                    }
                    out.add(new ModelElement(part.getAttribute("id"), part.getLocalName(), name, q));
                }
            }
        }
        return out;
    }

    private static void attributes(Element e, Map<String, String> p) {
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            String name = a.getLocalName() == null ? a.getName() : a.getLocalName();
            if (XMLNS.equals(a.getNamespaceURI()) || XSI.equals(a.getNamespaceURI()) || name.equals("id")
                    || name.equals("name")) {
                continue;
            }
            String property = ATTRIBUTES.get(name);
            put(p, property == null ? name : property,
                    property != null && SHARED.contains(property) ? name + "=" + a.getValue() : a.getValue());
        }
    }

    private static String attributeText(Element e) {
        Map<String, String> p = new LinkedHashMap<>();
        attributes(e, p);
        StringBuilder s = new StringBuilder();
        p.forEach((k, v) -> s.append(' ').append(v.startsWith(k + "=") ? v : k + "=" + v));
        return s.toString();
    }

    private static String childText(Element e) {
        return String.join(" ", children(e, null).stream().map(c -> c.getLocalName() + " " + text(c)).toList());
    }

    /** Adds a value, joining several values of one property ({@code candidateGroups=…; formRef=…}). */
    private static void put(Map<String, String> p, String property, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        p.merge(property, value.strip(), (a, b) -> a + "; " + b);
    }

    private static String text(Element e) {
        return e.getTextContent() == null ? "" : e.getTextContent().strip().replaceAll("\\s+", " ");
    }

    /** The child elements with this local name (any with null). */
    private static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (localName == null || localName.equals(e.getLocalName()))) {
                out.add(e);
            }
        }
        return out;
    }

    private static Element parse(byte[] xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml)).getDocumentElement();
        } catch (Exception e) {
            throw new IllegalArgumentException("not a readable model", e);
        }
    }
}
