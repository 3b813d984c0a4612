package cn.cadreflow.workflow.internal.guard;

import static cn.cadreflow.workflow.internal.guard.BpmnAllowList.BPMN;
import static cn.cadreflow.workflow.internal.guard.BpmnAllowList.CAMUNDA;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import cn.cadreflow.workflow.ModelProblem;

/**
 * The rules of a {@code .bpmn} file: the allow-list (with a precise word for the usual ways to run code: script
 * tasks, scripts in listeners and mappings, script resources, Java delegates, connectors, script conditions),
 * then what each element needs (history time to live, an assignee rule, a step kind, existing forms and
 * decisions, a service task's facade call, timers that can fire) and the shape of the flow ({@link FlowRules}).
 */
final class BpmnRules {

    static final Set<String> STEP_KINDS = Set.of("approval", "revise", "form");
    static final Set<String> PROPERTIES = Set.of("cf.kind", "cf.local", "cf.anonymous", "cf.reject", "cf.cancel",
            "cf.confidential");
    private static final Set<String> DELEGATES = Set.of("class", "delegateExpression");

    private final AllowListWalk walk;
    private final Predicate<String> formExists;
    private final Predicate<String> decisionExists;

    BpmnRules(ExpressionRules expressions, Predicate<String> formExists, Predicate<String> decisionExists) {
        this.walk = new AllowListWalk(BpmnAllowList.LIST, BpmnAllowList.ALIASES, expressions);
        this.formExists = formExists;
        this.decisionExists = decisionExists;
    }

    List<ModelProblem> check(String fileName, Document doc) {
        Element root = doc.getDocumentElement();
        if (!BPMN.equals(root.getNamespaceURI()) || !"definitions".equals(root.getLocalName())) {
            return List.of(ModelProblem.of(fileName, "guard.bpmn.notBpmn"));
        }
        List<ModelProblem> problems = new ArrayList<>(walk.walk(doc, BpmnRules::refusal, BpmnRules::refusal));
        List<Element> processes = Dom.children(root, BPMN, "process");
        if (processes.isEmpty()) {
            problems.add(ModelProblem.of(fileName, "guard.bpmn.noProcess"));
        }
        for (Element process : processes) {
            problems.addAll(elements(process));
            problems.addAll(new FlowRules(process).check());
        }
        return problems;
    }

    private static String refusal(Element e) {
        String name = e.getLocalName();
        if (BPMN.equals(e.getNamespaceURI()) && "scriptTask".equals(name)) {
            return "guard.bpmn.scriptTask";
        }
        if (!CAMUNDA.equals(e.getNamespaceURI())) {
            return null;
        }
        if ("script".equals(name)) {
            String parent = e.getParentNode().getLocalName();
            if (parent.endsWith("Listener")) {
                return "guard.bpmn.scriptListener";
            }
            return parent.endsWith("Parameter") ? "guard.bpmn.scriptMapping" : "guard.bpmn.script";
        }
        return "connector".equals(name) ? "guard.bpmn.connector" : null;
    }

    private static String refusal(Element e, Attr a) {
        String name = a.getLocalName() == null ? a.getName() : a.getLocalName();
        boolean camunda = CAMUNDA.equals(a.getNamespaceURI());
        boolean listener = CAMUNDA.equals(e.getNamespaceURI()) && e.getLocalName().endsWith("Listener");
        if ((camunda || listener) && DELEGATES.contains(name)) {
            return "guard.bpmn.javaDelegate";
        }
        if (camunda && "resource".equals(name)) {
            return "guard.bpmn.scriptResource";
        }
        if (camunda && ("type".equals(name) || "topic".equals(name))) {
            return "guard.bpmn.externalTask";
        }
        return "language".equals(name) || camunda && "scriptFormat".equals(name) ? "guard.bpmn.script" : null;
    }

    /** What each element of a process needs. */
    private List<ModelProblem> elements(Element process) {
        List<ModelProblem> problems = new ArrayList<>();
        String id = process.getAttribute("id");
        if (!Durations.historyTimeToLive(process.getAttributeNS(CAMUNDA, "historyTimeToLive"))) {
            problems.add(ModelProblem.of(id, "guard.bpmn.historyTimeToLive"));
        }
        for (Element e : Dom.descendants(process)) {
            String where = AllowListWalk.where(e);
            if (!BPMN.equals(e.getNamespaceURI())) {
                if (CAMUNDA.equals(e.getNamespaceURI()) && "property".equals(e.getLocalName())
                        && !PROPERTIES.contains(e.getAttribute("name"))) {
                    problems.add(ModelProblem.of(where, "guard.bpmn.property", e.getAttribute("name")));
                }
                continue;
            }
            switch (e.getLocalName()) {
                case "userTask" -> userTask(e, problems);
                case "startEvent" -> formRef(e, problems);
                case "serviceTask" -> {
                    if (e.getAttributeNS(CAMUNDA, "expression").isBlank()) {
                        problems.add(ModelProblem.of(where, "guard.bpmn.serviceTask"));
                    }
                }
                case "businessRuleTask" -> decisionRef(e, problems);
                case "timeDuration", "timeDate", "timeCycle" -> {
                    String key = Durations.timerProblem(e.getLocalName(), e.getTextContent().strip());
                    if (key != null) {
                        problems.add(ModelProblem.of(where, key, e.getTextContent().strip()));
                    }
                }
                case "timerEventDefinition" -> {
                    if (Dom.children(e, BPMN, "timeDuration").size() + Dom.children(e, BPMN, "timeDate").size()
                            + Dom.children(e, BPMN, "timeCycle").size() != 1) {
                        problems.add(ModelProblem.of(where, "guard.timer.missing", ""));
                    }
                }
                case "conditionExpression", "completionCondition", "loopCardinality" -> {
                    String type = e.getAttributeNS(XmlAllowList.XSI, "type");
                    if (!type.isEmpty() && !type.endsWith("tFormalExpression")) {
                        problems.add(ModelProblem.of(where, "guard.xml.attribute", "xsi:type=" + type,
                                e.getTagName()));
                    }
                }
                default -> { }
            }
        }
        return problems;
    }

    private void userTask(Element task, List<ModelProblem> problems) {
        String id = task.getAttribute("id");
        if (task.getAttributeNS(CAMUNDA, "assignee").isBlank() && task.getAttributeNS(CAMUNDA, "candidateGroups")
                .isBlank() && task.getAttributeNS(CAMUNDA, "candidateUsers").isBlank()) {
            problems.add(ModelProblem.of(id, "guard.bpmn.noAssignee"));
        }
        String kind = null;
        for (Element p : Dom.descendants(task)) {
            if (CAMUNDA.equals(p.getNamespaceURI()) && "property".equals(p.getLocalName())
                    && "cf.kind".equals(p.getAttribute("name"))) {
                kind = p.getAttribute("value");
            }
        }
        if (kind == null || !STEP_KINDS.contains(kind)) {
            problems.add(ModelProblem.of(id, "guard.bpmn.stepKind"));
        }
        formRef(task, problems);
    }

    private void formRef(Element e, List<ModelProblem> problems) {
        String form = e.getAttributeNS(CAMUNDA, "formRef");
        if (form.isEmpty()) {
            return;
        }
        if (form.contains("{") || !formExists.test(form)) {
            problems.add(ModelProblem.of(e.getAttribute("id"), "guard.bpmn.formMissing", form));
        }
    }

    private void decisionRef(Element e, List<ModelProblem> problems) {
        String decision = e.getAttributeNS(CAMUNDA, "decisionRef");
        if (decision.isEmpty() || decision.contains("{") || !decisionExists.test(decision)) {
            problems.add(ModelProblem.of(e.getAttribute("id"), "guard.bpmn.decisionMissing", decision));
        }
    }
}
