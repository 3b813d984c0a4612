package cn.cadreflow.workflow.internal.guard;

import static cn.cadreflow.workflow.internal.guard.BpmnAllowList.BPMN;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.w3c.dom.Element;

import cn.cadreflow.workflow.ModelProblem;

/**
 * The shape of one process: every step reachable from a start event, every step but an end event leads on, a
 * flow joins two steps of the process, and an exclusive gateway that branches has a default flow (or exactly two
 * conditions, {@code ${x}} and {@code ${!x}}, which cannot both fail) and a condition on every other flow; no two
 * flows of an exclusive gateway overlap as far as the text shows: the same condition twice, or a third flow (or the
 * default) beside {@code ${x}} and {@code ${!x}}, which leave it no case of its own. Conditions that overlap only
 * by their meaning ({@code ${a > 1}} and {@code ${a > 2}}) are not detected.
 */
final class FlowRules {

    private static final Set<String> NOT_STEPS = Set.of("sequenceFlow", "laneSet", "textAnnotation", "association",
            "documentation", "extensionElements");

    private final Element process;
    private final Map<String, Element> steps = new LinkedHashMap<>();
    private final Map<String, List<Element>> outgoing = new HashMap<>();
    private final List<ModelProblem> problems = new ArrayList<>();

    FlowRules(Element process) {
        this.process = process;
    }

    List<ModelProblem> check() {
        for (Element e : Dom.children(process, BPMN, null)) {
            if (!NOT_STEPS.contains(e.getLocalName())) {
                steps.put(e.getAttribute("id"), e);
            }
        }
        Map<String, Set<String>> next = new HashMap<>();
        for (Element flow : Dom.children(process, BPMN, "sequenceFlow")) {
            String from = flow.getAttribute("sourceRef");
            String to = flow.getAttribute("targetRef");
            if (!steps.containsKey(from) || !steps.containsKey(to)) {
                problems.add(ModelProblem.of(flow.getAttribute("id"), "guard.flow.dangling"));
                continue;
            }
            outgoing.computeIfAbsent(from, k -> new ArrayList<>()).add(flow);
            next.computeIfAbsent(from, k -> new HashSet<>()).add(to);
        }
        for (Element step : steps.values()) {
            if ("boundaryEvent".equals(step.getLocalName())) {
                next.computeIfAbsent(step.getAttribute("attachedToRef"), k -> new HashSet<>())
                        .add(step.getAttribute("id"));
            }
        }
        Set<String> reached = reached(next);
        for (Element step : steps.values()) {
            String id = step.getAttribute("id");
            String kind = step.getLocalName();
            if (!reached.contains(id)) {
                problems.add(ModelProblem.of(id, "guard.flow.unreachable"));
            }
            if (!"endEvent".equals(kind) && outgoing.getOrDefault(id, List.of()).isEmpty()) {
                problems.add(ModelProblem.of(id, "guard.flow.deadEnd"));
            }
            if ("exclusiveGateway".equals(kind) || "inclusiveGateway".equals(kind)) {
                gateway(step);
            }
        }
        return problems;
    }

    private Set<String> reached(Map<String, Set<String>> next) {
        Set<String> reached = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        steps.values().stream().filter(s -> "startEvent".equals(s.getLocalName()))
                .forEach(s -> todo.add(s.getAttribute("id")));
        if (todo.isEmpty()) {
            problems.add(ModelProblem.of(process.getAttribute("id"), "guard.flow.noStart"));
        }
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (reached.add(id)) {
                todo.addAll(next.getOrDefault(id, Set.of()));
            }
        }
        return reached;
    }

    private void gateway(Element gateway) {
        String id = gateway.getAttribute("id");
        List<Element> flows = outgoing.getOrDefault(id, List.of());
        if (flows.size() < 2) {
            return;
        }
        String defaultFlow = gateway.getAttribute("default");
        List<String> conditions = new ArrayList<>();
        Map<String, String> flowOf = new HashMap<>();
        for (Element flow : flows) {
            String flowId = flow.getAttribute("id");
            List<Element> condition = Dom.children(flow, BPMN, "conditionExpression");
            if (flowId.equals(defaultFlow)) {
                if (!condition.isEmpty()) {
                    problems.add(ModelProblem.of(flowId, "guard.flow.defaultWithCondition"));
                }
            } else if (condition.isEmpty() || condition.get(0).getTextContent().isBlank()) {
                problems.add(ModelProblem.of(flowId, "guard.flow.noCondition", id));
            } else {
                String text = condition.get(0).getTextContent().replaceAll("\\s+", "");
                String same = flowOf.putIfAbsent(text, flowId);
                if (same != null && "exclusiveGateway".equals(gateway.getLocalName())) {
                    problems.add(ModelProblem.of(flowId, "guard.flow.sameCondition", id, same));
                }
                conditions.add(text);
            }
        }
        if ("exclusiveGateway".equals(gateway.getLocalName())) {
            shadowed(id, flows, flowOf);
        }
        if (!defaultFlow.isEmpty() && flows.stream().noneMatch(f -> defaultFlow.equals(f.getAttribute("id")))) {
            problems.add(ModelProblem.of(id, "guard.flow.noDefault"));
        } else if (defaultFlow.isEmpty() && "exclusiveGateway".equals(gateway.getLocalName())
                && !coverEveryCase(conditions)) {
            problems.add(ModelProblem.of(id, "guard.flow.noDefault"));
        }
    }

    /** Beside a pair {@code ${x}}, {@code ${!x}} every other flow (the default too) has no case of its own. */
    private void shadowed(String gatewayId, List<Element> flows, Map<String, String> flowOf) {
        for (String a : flowOf.keySet()) {
            for (String b : flowOf.keySet()) {
                if (a.compareTo(b) < 0 && complementary(List.of(a, b))) {
                    for (Element flow : flows) {
                        String flowId = flow.getAttribute("id");
                        if (!flowId.equals(flowOf.get(a)) && !flowId.equals(flowOf.get(b))) {
                            problems.add(ModelProblem.of(flowId, "guard.flow.shadowed", gatewayId, flowOf.get(a),
                                    flowOf.get(b)));
                        }
                    }
                    return;
                }
            }
        }
    }

    /** Some two of the conditions are {@code ${x}} and {@code ${!x}}, so one of them always holds. */
    private static boolean coverEveryCase(List<String> conditions) {
        for (String a : conditions) {
            for (String b : conditions) {
                if (complementary(List.of(a, b))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Exactly {@code ${x}} and {@code ${!x}} (or {@code ${not x}}), which cannot both be false. */
    static boolean complementary(List<String> conditions) {
        if (conditions.size() != 2) {
            return false;
        }
        String a = body(conditions.get(0));
        String b = body(conditions.get(1));
        return a != null && b != null && (negation(a, b) || negation(b, a));
    }

    private static boolean negation(String x, String notX) {
        return ExpressionTokens.isName(x) && (notX.equals("!" + x) || notX.equals("not" + x)
                || notX.equals("!(" + x + ")"));
    }

    private static String body(String condition) {
        return condition.startsWith("${") && condition.endsWith("}") ? condition.substring(2, condition.length() - 1)
                : null;
    }
}
