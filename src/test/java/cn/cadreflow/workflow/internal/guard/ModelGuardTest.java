package cn.cadreflow.workflow.internal.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.cadreflow.workflow.ModelProblem;

/**
 * The deployment guard, without Spring: every shipped model passes; a broken or malicious one is refused with
 * the element it is about, in Chinese and in English. The malicious models are the shipped training-leave diagram
 * with one thing changed, as an attacker would start from a model that works.
 */
class ModelGuardTest {

    static ModelGuard guard;
    /** The hostile models below are edits of this one: the training-leave model before its completion steps. */
    static String leave;

    @BeforeAll
    static void setUp() throws Exception {
        guard = GuardFixtures.guard();
        leave = Files.readString(Path.of("src/test/resources/guard/training-leave-before-completion.bpmn"));
    }

    @Test
    void everyShippedModelAndFormIsAccepted() throws Exception {
        List<Path> shipped = java.util.stream.Stream.of(GuardFixtures.files("processes", ".bpmn"),
                GuardFixtures.files("processes", ".dmn"), GuardFixtures.files("forms", ".form"))
                .flatMap(s -> s).toList();
        assertThat(shipped).hasSizeGreaterThan(10);
        for (Path p : shipped) {
            assertThat(guard.check(p.getFileName().toString(), Files.readAllBytes(p))).as(p.toString()).isEmpty();
        }
    }

    @Test
    void aScriptTaskIsRefused() {
        refused(leave.replace("<bpmn:serviceTask id=\"recordLedger\" name=\"记入培训台账\" "
                + "camunda:expression=\"${trainingLeaveSteps.recordLedger(requestId)}\">",
                "<bpmn:scriptTask id=\"recordLedger\" name=\"记入培训台账\" scriptFormat=\"groovy\">"
                        + "<bpmn:script>'rm -rf /'.execute()</bpmn:script>")
                .replace("</bpmn:serviceTask>", "</bpmn:scriptTask>"),
                "guard.bpmn.scriptTask", "recordLedger", "脚本任务", "script task");
    }

    @Test
    void anExternalEntityIsRefusedBeforeAnythingIsRead() {
        String xxe = leave.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE d [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>")
                .replace("培训请假</bpmn:documentation>", "&xxe;</bpmn:documentation>");
        refused(xxe, "guard.xml.doctype", "training-leave.bpmn", "DOCTYPE", "DOCTYPE");
    }

    @Test
    void malformedXmlIsRefusedWithItsLine() {
        List<ModelProblem> problems = refused(leave.substring(0, leave.length() / 2), "guard.xml.malformed",
                "training-leave.bpmn", "格式", "well-formed");
        assertThat(problems.get(0).args().get(1)).matches("[0-9]+");
    }

    @Test
    void anExpressionReachingTheJvmIsRefused() {
        refused(recordLedger("${Runtime.getRuntime().exec('calc')}"), "guard.expression.notFacade", "recordLedger",
                "Runtime", "Runtime");
        refused(recordLedger("${requestId.getClass().forName('java.lang.Runtime')}"), "guard.expression.notFacade",
                "recordLedger", "requestId", "requestId");
        refused(recordLedger("${''.getClass()}"), "guard.expression.callOnValue", "recordLedger", "''", "''");
        refused(recordLedger("${trainingLeaveSteps.recordLedger(requestId).getClass()}"),
                "guard.expression.callOnValue", "recordLedger", "recordLedger", "recordLedger");
        refused(recordLedger("${execution.getProcessEngineServices().getRuntimeService()}"),
                "guard.expression.callOnValue", "recordLedger", "execution", "execution");
        refused(recordLedger("${execution['processEngineServices']}"), "guard.expression.callOnValue",
                "recordLedger", "execution", "execution");
        refused(recordLedger("${trainingLeaveSteps.recordLedger(execution)}"), "guard.expression.engineObject",
                "recordLedger", "execution", "execution");
    }

    @Test
    void aBeanOutsideTheFacadesOrAMethodTheFacadeLacksIsRefused() {
        refused(recordLedger("${trainingLeaveService.approve(requestId)}"), "guard.expression.notFacade",
                "recordLedger", "trainingLeaveService", "trainingLeaveService");
        refused(recordLedger("${dataSource.connection}"), "guard.expression.notFacade", "recordLedger",
                "dataSource", "dataSource");
        refused(recordLedger("${trainingLeaveSteps.dropTables(requestId)}"), "guard.expression.noMethod",
                "recordLedger", "dropTables", "dropTables");
        refused(recordLedger("${trainingLeaveSteps.recordLedger(annualReviewSteps.peerDeadline())}"),
                "guard.expression.nestedCall", "recordLedger", "annualReviewSteps", "annualReviewSteps");
        refused(recordLedger("${trainingLeaveSteps.recordLedger(requestId) + 1}"), "guard.expression.syntax",
                "recordLedger", "recordLedger", "recordLedger");
    }

    @Test
    void javaDelegatesConnectorsAndScriptsInAnyPlaceAreRefused() {
        refused(leave.replace("camunda:expression=\"${trainingLeaveSteps.recordLedger(requestId)}\"",
                "camunda:class=\"java.lang.ProcessBuilder\""), "guard.bpmn.javaDelegate", "recordLedger",
                "Java", "Java");
        refused(leave.replace("<camunda:executionListener event=\"start\" expression=\"${trainingLeaveSteps.revise("
                + "requestId)}\"/>", "<camunda:executionListener event=\"start\" delegateExpression=\"${dataSource}\"/>"),
                "guard.bpmn.javaDelegate", "revise", "Java", "Java");
        refused(recordLedgerExtensions("<camunda:connector><camunda:connectorId>http-connector</camunda:connectorId>"
                + "</camunda:connector>"), "guard.bpmn.connector", "recordLedger", "连接器", "connector");
        refused(recordLedgerExtensions("<camunda:executionListener event=\"start\"><camunda:script scriptFormat="
                + "\"javascript\">java.lang.System.exit(0)</camunda:script></camunda:executionListener>"),
                "guard.bpmn.scriptListener", "recordLedger", "脚本", "script");
        refused(recordLedgerExtensions("<camunda:inputOutput><camunda:inputParameter name=\"x\"><camunda:script "
                + "scriptFormat=\"groovy\">1</camunda:script></camunda:inputParameter></camunda:inputOutput>"),
                "guard.bpmn.scriptMapping", "recordLedger", "脚本", "script");
        refused(leave.replace("<bpmn:serviceTask id=\"recordLedger\"",
                "<bpmn:serviceTask camunda:resource=\"deployment://evil.groovy\" id=\"recordLedger\""),
                "guard.bpmn.scriptResource", "recordLedger", "脚本", "script");
        refused(leave.replace("<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">${approved}",
                "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\" language=\"groovy\">${approved}"),
                "guard.bpmn.script", "leaderApproved", "脚本", "script");
        refused(leave.replace("<bpmn:serviceTask id=\"recordLedger\"",
                "<bpmn:serviceTask camunda:type=\"external\" camunda:topic=\"t\" id=\"recordLedger\""),
                "guard.bpmn.externalTask", "recordLedger", "外部", "external");
    }

    @Test
    void anythingTheAllowListDoesNotNameIsRefused() {
        refused(leave.replace("<bpmn:endEvent id=\"approved\" name=\"已批准\">",
                "<bpmn:endEvent id=\"approved\" name=\"已批准\"><bpmn:signalEventDefinition id=\"s\"/>"),
                "guard.xml.element", "approved", "signalEventDefinition", "signalEventDefinition");
        refused(leave.replace("<bpmn:process id=\"trainingLeave\"",
                "<bpmn:process camunda:jobPriority=\"${x}\" id=\"trainingLeave\""),
                "guard.xml.attribute", "trainingLeave", "jobPriority", "jobPriority");
        refused(leave.replace("<bpmn:definitions ", "<bpmn:definitions expressionLanguage=\"groovy\" "),
                "guard.xml.attribute", "Definitions_trainingLeave", "expressionLanguage", "expressionLanguage");
    }

    @Test
    void aProcessWithoutHistoryTimeToLiveOrAnAssigneeRuleOrItsFormIsRefused() {
        refused(leave.replace("camunda:historyTimeToLive=\"3650\" ", ""), "guard.bpmn.historyTimeToLive",
                "trainingLeave", "historyTimeToLive", "history");
        refused(leave.replace("camunda:candidateGroups=\"${hrGroup}\" ", ""), "guard.bpmn.noAssignee",
                "hrApproval", "办理人", "assignee");
        refused(leave.replace("<camunda:property name=\"cf.kind\" value=\"revise\"/>", ""), "guard.bpmn.stepKind",
                "revise", "cf.kind", "cf.kind");
        refused(leave.replace("id=\"hrApproval\" name=\"组织部审批\" camunda:candidateGroups=\"${hrGroup}\" "
                + "camunda:dueDate=\"${trainingLeaveSteps.hrApprovalDue()}\"\n                   camunda:formRef="
                + "\"trainingLeave\"", "id=\"hrApproval\" name=\"组织部审批\" camunda:candidateGroups=\"${hrGroup}\" "
                + "camunda:dueDate=\"${trainingLeaveSteps.hrApprovalDue()}\"\n                   camunda:formRef="
                + "\"noSuchForm\""), "guard.bpmn.formMissing", "hrApproval", "noSuchForm", "noSuchForm");
    }

    @Test
    void aTimerThatCannotFireIsRefused() {
        for (String duration : List.of("P0D", "PT-5M", "P99999Y", "five days", "P")) {
            refused(withTimer("<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">" + duration
                    + "</bpmn:timeDuration>"), "guard.timer.duration", "leaderTimeout", duration, duration);
        }
        refused(withTimer("<bpmn:timeDate xsi:type=\"bpmn:tFormalExpression\">2026-13-45T00:00</bpmn:timeDate>"),
                "guard.timer.date", "leaderTimeout", "2026-13-45", "2026-13-45");
        refused(withTimer("<bpmn:timeCycle xsi:type=\"bpmn:tFormalExpression\">R0/PT1M</bpmn:timeCycle>"),
                "guard.timer.cycle", "leaderTimeout", "R0/PT1M", "R0/PT1M");
        assertThat(guard.check("t.bpmn", withTimer("<bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">P3DT4H"
                + "</bpmn:timeDuration>").getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void unreachableAndDeadEndStepsAndAGatewayThatCanFindNoWayAreRefused() {
        String orphan = "<bpmn:userTask id=\"orphan\" name=\"孤立步骤\" camunda:assignee=\"${initiator}\">"
                + "<bpmn:extensionElements><camunda:properties><camunda:property name=\"cf.kind\" value=\"form\"/>"
                + "</camunda:properties></bpmn:extensionElements></bpmn:userTask>\n  </bpmn:process>";
        List<ModelProblem> problems = guard.check("t.bpmn", leave.replace("</bpmn:process>", orphan)
                .getBytes(StandardCharsets.UTF_8));
        assertThat(problems).extracting(ModelProblem::elementId, ModelProblem::key).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("orphan", "guard.flow.unreachable"),
                org.assertj.core.groups.Tuple.tuple("orphan", "guard.flow.deadEnd"));
        shown(problems.get(0), "orphan", "到达", "reach");
        shown(problems.get(1), "orphan", "出口", "lead");
        refused(leave.replace("${!approved}</bpmn:conditionExpression>\n    </bpmn:sequenceFlow>\n    <bpmn:sequence"
                + "Flow id=\"toHrDecision\"", "${rejected}</bpmn:conditionExpression>\n    </bpmn:sequenceFlow>\n    "
                + "<bpmn:sequenceFlow id=\"toHrDecision\""), "guard.flow.noDefault", "leaderDecision", "默认", "default");
    }

    @Test
    void aFileOverTheLimitIsRefusedWithoutBeingReadWhole() throws IOException {
        long fifty = 50L * 1024 * 1024;
        InputStream huge = new InputStream() {
            long left = fifty;

            @Override
            public int read() {
                return left-- > 0 ? ' ' : -1;
            }
        };
        byte[] read = ModelFiles.readAtMost(huge, guard.maxBytes());
        assertThat(read).isNull();
        List<ModelProblem> problems = guard.check("huge.bpmn", read);
        assertThat(problems).extracting(ModelProblem::key).containsExactly("guard.file.tooLarge");
        shown(problems.get(0), "huge.bpmn", "2048", "2048");
        assertThat(guard.check("evil.js", new byte[] { 1 })).extracting(ModelProblem::key)
                .containsExactly("guard.file.kind");
        assertThat(guard.check("../x.bpmn", leave.getBytes(StandardCharsets.UTF_8))).extracting(ModelProblem::key)
                .containsExactly("guard.file.kind");
    }

    @Test
    void aDecisionThatCouldRunCodeIsRefused() throws IOException {
        String dmn = Files.readString(Path.of("processes/annual-review-grade.dmn"));
        refusedFile("grade.dmn", dmn.replace("<text>&gt;= 60</text>",
                "<text>&gt;= java.lang.Runtime.getRuntime()</text>"), "guard.dmn.cell", "rule_excellent_digital",
                "Runtime", "Runtime");
        refusedFile("grade.dmn", dmn.replace("<inputExpression id=\"inputExpression_totalScore\" typeRef=\"double\">",
                "<inputExpression id=\"inputExpression_totalScore\" typeRef=\"double\" expressionLanguage=\"groovy\">"),
                "guard.xml.attribute", "inputExpression_totalScore", "expressionLanguage", "expressionLanguage");
        // a date column needs date functions in its cells: the type itself is refused, said about the column
        refusedFile("grade.dmn", dmn.replace("<inputExpression id=\"inputExpression_totalScore\" typeRef=\"double\">",
                "<inputExpression id=\"inputExpression_totalScore\" typeRef=\"date\">"), "guard.dmn.typeRef",
                "input_totalScore", "date", "date");
        refusedFile("grade.dmn", dmn.replace("name=\"suggestedGrade\" typeRef=\"string\"",
                "name=\"suggestedGrade\" typeRef=\"dayTimeDuration\""), "guard.dmn.typeRef",
                "output_suggestedGrade", "dayTimeDuration", "dayTimeDuration");
        refusedFile("grade.dmn", dmn.replace(" camunda:historyTimeToLive=\"3650\"", ""),
                "guard.bpmn.historyTimeToLive", "annualReviewGrade", "historyTimeToLive", "history");
    }

    @Test
    void aFormTheTaskViewCannotDrawOrThatEvaluatesExpressionsIsRefused() throws IOException {
        String form = Files.readString(Path.of("forms/training-leave.form"));
        refusedFile("f.form", form.replace("\"type\": \"textarea\"", "\"type\": \"html\""), "guard.form.type",
                "reason", "html", "html");
        refusedFile("f.form", form.replace("\"label\": \"培训地点\"", "\"label\": \"=string(now())\""),
                "guard.form.expression", "location", "=string", "=string");
        refusedFile("f.form", form.replace("\"label\": \"培训地点\"", "\"label\": \"地点\", \"conditional\": "
                + "{ \"hide\": \"=x\" }"), "guard.form.property", "location", "conditional", "conditional");
        refusedFile("f.form", form.substring(0, 100), "guard.form.malformed", "f.form", "JSON", "JSON");
    }

    // --- helpers ---

    static String recordLedger(String expression) {
        return leave.replace("camunda:expression=\"${trainingLeaveSteps.recordLedger(requestId)}\"",
                "camunda:expression=\"" + expression.replace("'", "&apos;") + "\"");
    }

    static String recordLedgerExtensions(String extensions) {
        return leave.replace("camunda:expression=\"${trainingLeaveSteps.recordLedger(requestId)}\">",
                "camunda:expression=\"${trainingLeaveSteps.recordLedger(requestId)}\"><bpmn:extensionElements>"
                        + extensions + "</bpmn:extensionElements>");
    }

    /** The diagram with a timer on the leader's approval that leads to the end. */
    static String withTimer(String definition) {
        String timer = "<bpmn:boundaryEvent id=\"leaderTimeout\" name=\"超时\" attachedToRef=\"leaderApproval\">"
                + "<bpmn:outgoing>timedOut</bpmn:outgoing><bpmn:timerEventDefinition id=\"leaderTimeout_timer\">"
                + definition + "</bpmn:timerEventDefinition></bpmn:boundaryEvent>"
                + "<bpmn:sequenceFlow id=\"timedOut\" sourceRef=\"leaderTimeout\" targetRef=\"withdrawn\"/>\n"
                + "  </bpmn:process>";
        return leave.replace("</bpmn:process>", timer);
    }

    static List<ModelProblem> refused(String bpmn, String key, String elementId, String zh, String en) {
        return refusedFile("training-leave.bpmn", bpmn, key, elementId, zh, en);
    }

    static List<ModelProblem> refusedFile(String file, String content, String key, String elementId, String zh,
                                          String en) {
        List<ModelProblem> problems = guard.check(file, content.getBytes(StandardCharsets.UTF_8));
        assertThat(problems).as(key).extracting(ModelProblem::key).contains(key);
        ModelProblem problem = problems.stream().filter(p -> p.key().equals(key)).findFirst().orElseThrow();
        assertThat(problem.elementId()).isEqualTo(elementId);
        shown(problem, elementId, zh, en);
        return problems;
    }

    static void shown(ModelProblem problem, String elementId, String zh, String en) {
        assertThat(GuardFixtures.text(problem, Locale.SIMPLIFIED_CHINESE)).contains(elementId).contains(zh);
        assertThat(GuardFixtures.text(problem, Locale.ENGLISH)).contains(elementId).containsIgnoringCase(en);
    }
}
