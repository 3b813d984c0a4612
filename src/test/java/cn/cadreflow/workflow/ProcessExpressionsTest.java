package cn.cadreflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every expression in processes/*.bpmn and *.dmn names only what the engine can resolve: a process facade (a
 * {@link ProcessSteps} bean, by bean name) with a public method of that name taking that many arguments, or a
 * process variable. The variables are the forms' fields, what the models themselves set (result and element
 * variables, output and input parameters) and the few that code or the engine sets, listed below. Every attribute
 * and text of the models is read, so no expression-bearing place (listeners, candidates, due dates, timers,
 * conditions, collections, input/output mappings) is missed. No Spring context: the facades are found by scanning.
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
            // the secondment's start (SecondmentHandler.onStart)
            "secondmentId", "sendingLeaderGroup", "receivingLeaderGroup", "targetUnitName");
    static final Set<String> EL_WORDS = Set.of("true", "false", "null", "empty", "not", "and", "or", "eq", "ne", "lt",
            "gt", "le", "ge", "div", "mod", "instanceof");
    static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);
    static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    static final Path PROCESSES = Path.of("processes");
    static final Path FORMS = Path.of("forms");

    static Map<String, Class<?>> facades;
    static Set<String> variables;

    @BeforeAll
    static void readFacadesAndVariables() throws Exception {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AssignableTypeFilter(ProcessSteps.class));
        facades = new HashMap<>();
        for (BeanDefinition bean : scan.findCandidateComponents("cn.cadreflow")) {
            String name = AnnotationBeanNameGenerator.INSTANCE.generateBeanName(bean, new SimpleBeanDefinitionRegistry());
            facades.put(name, Class.forName(bean.getBeanClassName()));
        }
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

    /** The problems with one expression body: unknown names, and facade methods that do not exist. */
    static List<String> check(String expression) {
        String code = expression.replaceAll("'(?:[^'\\\\]|\\\\.)*'", "''").replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
        List<String> problems = new ArrayList<>();
        Matcher m = NAME.matcher(code);
        while (m.find()) {
            String name = m.group();
            if (previousNonBlank(code, m.start()) == '.' || EL_WORDS.contains(name) || isNumberSuffix(code, m.start())) {
                continue;
            }
            Class<?> facade = facades.get(name);
            if (facade == null) {
                if (!variables.contains(name)) {
                    problems.add("'" + name + "' is neither a process facade nor a known variable");
                }
                continue;
            }
            Matcher call = Pattern.compile("\\G\\s*\\.\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\(").matcher(code);
            if (!call.find(m.end())) {
                continue;
            }
            String method = call.group(1);
            int arguments = arguments(code, call.end());
            boolean exists = Arrays.stream(facade.getMethods())
                    .filter(x -> Modifier.isPublic(x.getModifiers()) && x.getDeclaringClass() != Object.class)
                    .anyMatch(x -> x.getName().equals(method) && x.getParameterCount() == arguments);
            if (!exists) {
                problems.add(name + " has no public method " + method + " with " + arguments + " argument(s)");
            }
        }
        return problems;
    }

    static char previousNonBlank(String s, int index) {
        for (int i = index - 1; i >= 0; i--) {
            if (!Character.isWhitespace(s.charAt(i))) {
                return s.charAt(i);
            }
        }
        return ' ';
    }

    static boolean isNumberSuffix(String s, int index) {
        return index > 0 && Character.isDigit(s.charAt(index - 1));
    }

    /** The number of arguments of a call whose '(' ends just before {@code from}. */
    static int arguments(String s, int from) {
        int depth = 0;
        int commas = 0;
        boolean any = false;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (depth == 0) {
                    return any ? commas + 1 : 0;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                commas++;
            }
            if (!Character.isWhitespace(c)) {
                any = true;
            }
        }
        throw new IllegalArgumentException("unclosed call in " + s);
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
        Matcher m = EXPRESSION.matcher(value);
        while (m.find()) {
            found.add(m.group(1));
        }
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
