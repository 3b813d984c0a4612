package cn.cadreflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cadreflow.workflow.internal.guard.ExpressionRules;
import cn.cadreflow.workflow.internal.guard.GuardFixtures;

/**
 * Every expression in processes/*.bpmn and *.dmn names only what the engine can resolve: a process facade (a
 * {@link ProcessSteps} bean, by bean name) with a public method of that name taking that many arguments, or a
 * process variable. The variables are the forms' fields, what the models themselves set (result and element
 * variables, output and input parameters) and the few that code or the engine sets, listed below. Every attribute
 * and text of the models is read, so no expression-bearing place (listeners, candidates, due dates, timers,
 * conditions, collections, input/output mappings) is missed. The grammar is the deployment guard's
 * ({@link ExpressionRules}), with the exact variables the shipped models may read. No Spring context: the facades
 * are found by scanning.
 */
class ProcessExpressionsTest {

    /** Variables set by code or by the engine, not by a form or the model. */
    static final Set<String> SET_BY_CODE = Set.of(
            // the engine: the execution, a decision's result, a multi-instance's counters
            "execution", "task", "decisionResult", "nrOfInstances", "nrOfCompletedInstances", "nrOfActiveInstances",
            "loopCounter",
            // the task centre: the starter, an approval step's decision, a revise step's choice
            ProcessStarts.INITIATOR, TaskCommands.APPROVED, TaskCommands.RESUBMIT,
            // the annual review's start (LaunchBatch, ReviewStart)
            "reviewId", "cadreUser", "unitId", "cadreName",
            // the training-leave request's start (TrainingLeaveService.onStart and the cadre's known data)
            "requestId", "unitLeaderGroup", "hrGroup",
            // the 容错纠错 case (ToleranceHandler: its start and the steps' records)
            "caseId", "accepted", "declineAppealed", "needsPlan",
            // the secondment's start (SecondmentHandler.onStart)
            "secondmentId", "sendingLeaderGroup", "receivingLeaderGroup", "targetUnitName");
    static final Path PROCESSES = Path.of("processes");
    static final Path FORMS = Path.of("forms");

    static Map<String, Class<?>> facades;
    static Set<String> variables;

    @BeforeAll
    static void readFacadesAndVariables() throws Exception {
        facades = GuardFixtures.facades();
        variables = new HashSet<>(SET_BY_CODE);
        ObjectMapper json = new ObjectMapper();
        for (Path form : files(FORMS, ".form")) {
            json.readTree(form.toFile()).findValues("key").stream().map(JsonNode::asText).forEach(variables::add);
        }
        for (Path model : files(PROCESSES, ".bpmn")) {
            Document doc = parse(model);
            for (Element e : elements(doc)) {
                for (String attribute : List.of("camunda:resultVariable", "camunda:elementVariable")) {
                    if (e.hasAttribute(attribute)) {
                        variables.add(e.getAttribute(attribute));
                    }
                }
                if (e.getTagName().endsWith("outputParameter") || e.getTagName().endsWith("inputParameter")) {
                    variables.add(e.getAttribute("name"));
                }
            }
        }
    }

    @Test
    void theFacadesAreNamedAfterTheirProcesses() throws Exception {
        Set<String> processIds = new HashSet<>();
        for (Path model : files(PROCESSES, ".bpmn")) {
            elements(parse(model)).stream().filter(e -> e.getTagName().equals("bpmn:process"))
                    .forEach(e -> processIds.add(e.getAttribute("id")));
        }
        assertThat(facades.keySet()).contains("annualReviewSteps", "trainingLeaveSteps");
        assertThat(processIds).allSatisfy(id -> assertThat(facades).containsKey(id + "Steps"));
    }

    @Test
    void everyExpressionNamesAFacadeMethodOrAVariable() throws Exception {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path model : Stream.concat(files(PROCESSES, ".bpmn").stream(), files(PROCESSES, ".dmn").stream()).toList()) {
            for (String expression : expressions(parse(model))) {
                checked++;
                problems.addAll(check(expression).stream().map(p -> model.getFileName() + ": " + expression + ": " + p)
                        .toList());
            }
        }
        assertThat(checked).as("expressions found").isGreaterThan(40);
        assertThat(problems).isEmpty();
    }

    @Test
    void aBeanThatIsNoFacadeOrAMethodTheFacadeLacksIsFound() {
        assertThat(check("appraisalService.markStatus(reviewId, 'SELF_REPORT')")).hasSize(1);
        assertThat(check("dataSource")).hasSize(1);
        assertThat(check("annualReviewSteps.noSuchStep(reviewId)")).hasSize(1);
        assertThat(check("annualReviewSteps.checkQuota(reviewId)")).as("wrong number of arguments").hasSize(1);
        assertThat(check("nrOfCompletedInstances >= annualReviewSteps.peerQuorum(nrOfInstances)")).isEmpty();
        assertThat(check("decisionResult.getSingleResult().get('suggestedGrade')")).isEmpty();
    }

    /** The problems with one expression body, by the deployment guard's grammar and this test's variables. */
    static List<String> check(String expression) {
        return new ExpressionRules(facades, variables::contains).check("", expression).stream()
                .map(p -> p.key() + " " + p.args().subList(1, p.args().size())).toList();
    }

    /** Every ${...} or #{...} in any attribute or text of the model; a DMN input's expression text as a whole. */
    static List<String> expressions(Document doc) {
        List<String> found = new ArrayList<>();
        for (Element e : elements(doc)) {
            NamedNodeMap attributes = e.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                collect(((Attr) attributes.item(i)).getValue(), found);
            }
            for (Node child = e.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                    collect(child.getNodeValue(), found);
                }
            }
            if (e.getTagName().endsWith("inputExpression")) {
                String text = e.getTextContent().strip();
                if (!text.isEmpty() && !text.contains("${")) {
                    found.add(text);
                }
            }
        }
        return found;
    }

    static void collect(String value, List<String> found) {
        List<String> bodies = ExpressionRules.bodies(value);
        assertThat(bodies).as("expressions closed in %s", value).isNotNull();
        found.addAll(bodies);
    }

    static List<Element> elements(Document doc) {
        List<Element> all = new ArrayList<>();
        var nodes = doc.getElementsByTagName("*");
        for (int i = 0; i < nodes.getLength(); i++) {
            all.add((Element) nodes.item(i));
        }
        return all;
    }

    static Document parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    static List<Path> files(Path dir, String suffix) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
