package cn.cadreflow.workflow.internal.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import cn.cadreflow.workflow.ModelProblem;

/**
 * Walks every element of a model: refuses an element or attribute the allow-list does not name (after the
 * caller's more specific refusals), and hands every attribute value and text to the expression rules.
 */
final class AllowListWalk {

    /** A caller's more precise refusal of an element, or null when it has none. */
    interface Refusal {
        String keyFor(Element element);
    }

    /** A caller's more precise refusal of an attribute, or null when it has none. */
    interface AttributeRefusal {
        String keyFor(Element element, Attr attribute);
    }

    private final XmlAllowList allowList;
    private final Map<String, String> aliases;
    private final ExpressionRules expressions;

    AllowListWalk(XmlAllowList allowList, Map<String, String> aliases, ExpressionRules expressions) {
        this.allowList = allowList;
        this.aliases = aliases;
        this.expressions = expressions;
    }

    List<ModelProblem> walk(Document doc, Refusal refusal, AttributeRefusal attributeRefusal) {
        List<ModelProblem> problems = new ArrayList<>();
        walk(doc.getDocumentElement(), refusal, attributeRefusal, problems);
        return problems;
    }

    private void walk(Element e, Refusal refusal, AttributeRefusal attributeRefusal, List<ModelProblem> problems) {
        String where = where(e);
        String specific = refusal.keyFor(e);
        if (specific != null) {
            problems.add(ModelProblem.of(where, specific, e.getLocalName()));
            return;
        }
        if (!allowList.elementAllowed(e.getNamespaceURI(), e.getLocalName())) {
            problems.add(ModelProblem.of(where, "guard.xml.element", e.getTagName()));
            return;
        }
        NamedNodeMap attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            if (XmlAllowList.XMLNS.equals(a.getNamespaceURI())) {
                continue;
            }
            String key = attributeRefusal.keyFor(e, a);
            if (key != null) {
                problems.add(ModelProblem.of(where, key, a.getName()));
            } else if (!allowList.attributeAllowed(e.getNamespaceURI(), e.getLocalName(), alias(a))) {
                problems.add(ModelProblem.of(where, "guard.xml.attribute", a.getName(), e.getTagName()));
            } else {
                expressions(where, a.getValue(), problems);
            }
        }
        for (Node child = e.getFirstChild(); child != null; child = child.getNextSibling()) {
            switch (child.getNodeType()) {
                case Node.ELEMENT_NODE -> walk((Element) child, refusal, attributeRefusal, problems);
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> expressions(where, child.getNodeValue(), problems);
                case Node.COMMENT_NODE -> { }
                default -> problems.add(ModelProblem.of(where, "guard.xml.element", child.getNodeName()));
            }
        }
    }

    private void expressions(String where, String text, List<ModelProblem> problems) {
        List<String> bodies = ExpressionRules.bodies(text);
        if (bodies == null) {
            problems.add(ModelProblem.of(where, "guard.expression.syntax", text.strip()));
            return;
        }
        bodies.forEach(body -> problems.addAll(expressions.check(where, body)));
    }

    private String alias(Attr a) {
        String ns = a.getNamespaceURI();
        if (ns == null || ns.isEmpty()) {
            return a.getLocalName() == null ? a.getName() : a.getLocalName();
        }
        String alias = aliases.get(ns);
        return alias == null ? "{" + ns + "}" + a.getLocalName() : alias + ":" + a.getLocalName();
    }

    /**
     * The id of the element or of its nearest ancestor that has one, an event's definition counting as its event
     * (the element a problem is shown on).
     */
    static String where(Element e) {
        for (Node n = e; n instanceof Element el; n = n.getParentNode()) {
            if (el.hasAttribute("bpmnElement")) {
                return el.getAttribute("bpmnElement");
            }
            if (el.hasAttribute("id") && !el.getAttribute("id").isEmpty()
                    && !el.getLocalName().endsWith("EventDefinition")) {
                return el.getAttribute("id");
            }
        }
        return "";
    }
}
