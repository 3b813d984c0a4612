package cn.cadreflow.modelling.internal;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import cn.cadreflow.modelling.LibraryException;

/**
 * What the modeller's pickers write into a BPMN diagram, as plain XML edits: a user task's assignee rule, its
 * form, its step kind ({@code cf.kind}) and what 不同意 does ({@code cf.reject}); a process's name, starters and
 * history time to live. Read and written without DOCTYPE or external entities; the deployment guard checks the
 * result again at deploy.
 */
public final class ModelEdits {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
    private static final String XMLNS = "http://www.w3.org/2000/xmlns/";

    private final Document doc;

    public ModelEdits(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setExpandEntityReferences(false);
            f.setXIncludeAware(false);
            doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new LibraryException("modeller.error.xml");
        }
        Element root = doc.getDocumentElement();
        if (!root.hasAttributeNS(XMLNS, "camunda")) {
            root.setAttributeNS(XMLNS, "xmlns:camunda", CAMUNDA);
        }
    }

    /** The diagram as XML. */
    public String xml() {
        try {
            var t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            StringWriter out = new StringWriter();
            t.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The BPMN element with this id, or null. */
    Element element(String id) {
        for (Element e : all()) {
            if (BPMN.equals(e.getNamespaceURI()) && id.equals(e.getAttribute("id"))) {
                return e;
            }
        }
        return null;
    }

    /** The first process of the diagram, or null. */
    Element process() {
        NodeList list = doc.getElementsByTagNameNS(BPMN, "process");
        return list.getLength() == 0 ? null : (Element) list.item(0);
    }

    /** The id of the first process, or null. */
    public String processId() {
        Element p = process();
        return p == null ? null : p.getAttribute("id");
    }

    /** The ids of the process's start events (not those of sub-processes). */
    public List<String> startEvents() {
        List<String> ids = new ArrayList<>();
        Element p = process();
        for (Node n = p == null ? null : p.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && BPMN.equals(e.getNamespaceURI()) && "startEvent".equals(e.getLocalName())) {
                ids.add(e.getAttribute("id"));
            }
        }
        return ids;
    }

    /** Renames the process (its id is its key) and names it; the diagram's plane follows the new id. */
    public ModelEdits process(String key, String name) {
        Element p = process();
        if (p == null) {
            throw new LibraryException("modeller.error.noElement");
        }
        String old = p.getAttribute("id");
        if (key != null && !key.isBlank() && !key.equals(old)) {
            if (!key.matches("[A-Za-z_][A-Za-z0-9_-]{0,63}") || element(key) != null) {
                throw new LibraryException("modeller.error.key");
            }
            p.setAttribute("id", key);
            for (Element e : all()) {
                if (old.equals(e.getAttribute("bpmnElement"))) {
                    e.setAttribute("bpmnElement", key);
                }
            }
        }
        if (name != null) {
            p.setAttribute("name", name.strip());
        }
        return this;
    }

    public String attribute(String id, String name) {
        Element e = element(id);
        return e == null ? "" : e.getAttribute(name);
    }

    /** Every user task (id and name), in diagram order. */
    public List<String[]> userTasks() {
        List<String[]> tasks = new ArrayList<>();
        for (Element e : all()) {
            if (BPMN.equals(e.getNamespaceURI()) && "userTask".equals(e.getLocalName())) {
                tasks.add(new String[] { e.getAttribute("id"), e.getAttribute("name") });
            }
        }
        return tasks;
    }

    public String camunda(String id, String attribute) {
        Element e = element(id);
        return e == null ? "" : e.getAttributeNS(CAMUNDA, attribute);
    }

    /** Sets (or, for a blank value, removes) a Camunda attribute. */
    public ModelEdits setCamunda(String id, String attribute, String value) {
        Element e = required(id);
        if (value == null || value.isBlank()) {
            e.removeAttributeNS(CAMUNDA, attribute);
        } else {
            e.setAttributeNS(CAMUNDA, "camunda:" + attribute, value);
        }
        return this;
    }

    /** The task's assignee rule: exactly one of assignee or candidate groups, the other removed. */
    public ModelEdits assign(String taskId, AssigneeRule rule) {
        setCamunda(taskId, "assignee", rule.assignee());
        setCamunda(taskId, "candidateGroups", rule.candidateGroups());
        return setCamunda(taskId, "candidateUsers", null);
    }

    /** A form of the library, bound to the deployment it is deployed with. */
    public ModelEdits form(String id, String formKey) {
        setCamunda(id, "formRef", formKey);
        setCamunda(id, "formRefBinding", formKey == null || formKey.isBlank() ? null : "deployment");
        return setCamunda(id, "formKey", null);
    }

    /** A {@code camunda:property} of an element, or "" when it has none. */
    public String property(String id, String name) {
        Element e = element(id);
        if (e == null) {
            return "";
        }
        for (Element p : descendants(e, "property")) {
            if (name.equals(p.getAttribute("name"))) {
                return p.getAttribute("value");
            }
        }
        return "";
    }

    /** Sets (or, for a blank value, removes) a {@code camunda:property} of an element. */
    public ModelEdits setProperty(String id, String name, String value) {
        Element e = required(id);
        for (Element p : descendants(e, "property")) {
            if (name.equals(p.getAttribute("name"))) {
                if (value == null || value.isBlank()) {
                    p.getParentNode().removeChild(p);
                } else {
                    p.setAttribute("value", value);
                }
                return this;
            }
        }
        if (value == null || value.isBlank()) {
            return this;
        }
        Element properties = child(child(e, BPMN, "extensionElements", e.getPrefix()), CAMUNDA, "properties",
                "camunda");
        Element p = doc.createElementNS(CAMUNDA, "camunda:property");
        p.setAttribute("name", name);
        p.setAttribute("value", value);
        properties.appendChild(p);
        return this;
    }

    private Element child(Element parent, String ns, String name, String prefix) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element el && ns.equals(el.getNamespaceURI()) && name.equals(el.getLocalName())) {
                return el;
            }
        }
        Element created = doc.createElementNS(ns, prefix == null || prefix.isEmpty() ? name : prefix + ":" + name);
        Node before = parent.getFirstChild();
        while (before != null && !(before instanceof Element el && !"documentation".equals(el.getLocalName()))) {
            before = before.getNextSibling();
        }
        parent.insertBefore(created, before);
        return created;
    }

    private Element required(String id) {
        Element e = id == null ? null : element(id);
        if (e == null) {
            throw new LibraryException("modeller.error.noElement");
        }
        return e;
    }

    private List<Element> all() {
        return descendants(doc.getDocumentElement(), null);
    }

    private static List<Element> descendants(Element root, String camundaName) {
        List<Element> out = new ArrayList<>();
        NodeList list = root.getElementsByTagNameNS(camundaName == null ? "*" : CAMUNDA,
                camundaName == null ? "*" : camundaName);
        for (int i = 0; i < list.getLength(); i++) {
            out.add((Element) list.item(i));
        }
        return out;
    }
}
