package cn.cadreflow.workflow.internal.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import cn.cadreflow.workflow.ModelProblem;

/**
 * The rules of a {@code .dmn} file: decision tables only (DMN 1.3, as the Camunda Modeler writes it), each with a
 * history time to live; an input reads one variable by name; a rule's cells hold only FEEL literals and unary
 * tests of literals (comparisons, ranges, lists, {@code not(...)}, {@code -}); an output is one literal. No
 * literal expressions, no other expression language, no function, no path: a table cannot run code.
 */
final class DmnRules {

    static final String DMN = "https://www.omg.org/spec/DMN/20191111/MODEL/";
    static final String DMNDI = "https://www.omg.org/spec/DMN/20191111/DMNDI/";
    static final String DC = "http://www.omg.org/spec/DMN/20180521/DC/";
    static final String DI = "http://www.omg.org/spec/DMN/20180521/DI/";
    static final String CAMUNDA = "http://camunda.org/schema/1.0/dmn";
    static final String BIODI = "http://bpmn.io/schema/dmn/biodi/2.0";
    static final String MODELER = "http://camunda.org/schema/modeler/1.0";

    private static final XmlAllowList LIST = new XmlAllowList()
            .allow(DMN, "definitions", "id", "name", "namespace", "exporter", "exporterVersion",
                    "modeler:executionPlatform", "modeler:executionPlatformVersion")
            .allow(DMN, "decision", "id", "name", "camunda:historyTimeToLive", "camunda:versionTag")
            .allow(DMN, "description, text")
            .allow(DMN, "decisionTable", "id", "hitPolicy", "aggregation")
            .allow(DMN, "input", "id", "label", "camunda:inputVariable")
            .allow(DMN, "inputExpression", "id", "typeRef")
            .allow(DMN, "output", "id", "label", "name", "typeRef")
            .allow(DMN, "inputValues, outputValues, inputEntry, outputEntry, annotationEntry", "id")
            .allow(DMN, "rule", "id")
            .allow(DMN, "informationRequirement", "id")
            .allow(DMN, "requiredDecision", "href")
            .allow(DMNDI, "DMNDI")
            .allow(DMNDI, "DMNDiagram", "id", "name")
            .allow(DMNDI, "DMNShape", "id", "dmnElementRef")
            .allow(DMNDI, "DMNEdge", "id", "dmnElementRef")
            .allow(DC, "Bounds", "x", "y", "width", "height")
            .allow(DI, "waypoint", "x", "y");
    private static final Map<String, String> ALIASES = Map.of(CAMUNDA, "camunda", MODELER, "modeler", BIODI,
            "biodi");

    private static final String LITERAL = "(?:\"(?:[^\"\\\\]|\\\\.)*\"|-?[0-9]+(?:\\.[0-9]+)?|true|false|null)";
    private static final String ENDPOINT = "(?:" + LITERAL + ")";
    private static final String TEST = "(?:(?:<=|>=|<|>|=|!=)?\\s*" + LITERAL
            + "|[\\[(\\]]\\s*" + ENDPOINT + "\\s*\\.\\.\\s*" + ENDPOINT + "\\s*[\\])\\[])";
    private static final String TESTS = TEST + "(?:\\s*,\\s*" + TEST + ")*";
    static final Pattern INPUT_ENTRY = Pattern.compile("\\s*(?:-|" + TESTS + "|not\\(\\s*" + TESTS + "\\s*\\))?\\s*");
    static final Pattern OUTPUT_ENTRY = Pattern.compile("\\s*(?:" + LITERAL + ")?\\s*");
    static final Pattern VALUES = Pattern.compile("\\s*(?:" + LITERAL + "(?:\\s*,\\s*" + LITERAL + ")*)?\\s*");
    static final Pattern VARIABLE = Pattern.compile("\\s*[A-Za-z_][A-Za-z0-9_]*\\s*");

    /**
     * The column types allowed: Camunda 7's own types whose cells are FEEL literals. Dates, times and durations
     * need FEEL functions ({@code date and time("…")}), which the cells may not hold.
     */
    static final java.util.Set<String> TYPES = java.util.Set.of("string", "boolean", "integer", "long", "double");

    private final AllowListWalk walk;

    DmnRules(ExpressionRules expressions) {
        this.walk = new AllowListWalk(LIST, ALIASES, expressions);
    }

    List<ModelProblem> check(String fileName, Document doc) {
        Element root = doc.getDocumentElement();
        if (!DMN.equals(root.getNamespaceURI()) || !"definitions".equals(root.getLocalName())) {
            return List.of(ModelProblem.of(fileName, "guard.dmn.notDmn"));
        }
        List<ModelProblem> problems = new ArrayList<>(walk.walk(doc, e -> null, (e, a) -> null));
        List<Element> decisions = Dom.children(root, DMN, "decision");
        if (decisions.isEmpty()) {
            problems.add(ModelProblem.of(fileName, "guard.dmn.noDecision"));
        }
        for (Element decision : decisions) {
            String id = decision.getAttribute("id");
            if (!Durations.historyTimeToLive(decision.getAttributeNS(CAMUNDA, "historyTimeToLive"))) {
                problems.add(ModelProblem.of(id, "guard.bpmn.historyTimeToLive"));
            }
            if (Dom.children(decision, DMN, "decisionTable").isEmpty()) {
                problems.add(ModelProblem.of(id, "guard.dmn.noTable"));
            }
        }
        for (Element e : Dom.descendants(root)) {
            if (DMN.equals(e.getNamespaceURI()) && "text".equals(e.getLocalName())) {
                cell(e, problems);
            }
            if (DMN.equals(e.getNamespaceURI()) && e.hasAttribute("typeRef")
                    && !TYPES.contains(e.getAttribute("typeRef"))) {
                // said about the column: the input (whose expression holds the type) or the output
                Element column = "inputExpression".equals(e.getLocalName()) ? (Element) e.getParentNode() : e;
                problems.add(ModelProblem.of(AllowListWalk.where(column), "guard.dmn.typeRef",
                        e.getAttribute("typeRef")));
            }
        }
        return problems;
    }

    private static void cell(Element text, List<ModelProblem> problems) {
        Element cell = (Element) text.getParentNode();
        Pattern allowed = switch (cell.getLocalName()) {
            case "inputExpression" -> VARIABLE;
            case "inputEntry" -> INPUT_ENTRY;
            case "outputEntry" -> OUTPUT_ENTRY;
            case "inputValues", "outputValues" -> VALUES;
            default -> null;
        };
        String value = text.getTextContent();
        if (allowed != null && !allowed.matcher(value).matches()) {
            problems.add(ModelProblem.of(AllowListWalk.where(cell), "guard.dmn.cell", value.strip()));
        }
    }
}
