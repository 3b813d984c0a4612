package cn.cadreflow.workflow.internal.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.cadreflow.workflow.ModelProblem;

/**
 * Each check the modeller's 校验 shows (and the guard repeats at deploy), one small diagram per rule: the problem,
 * the element it is located on (what a click selects), and the plain words in Chinese and English.
 */
class ModelLintTest {

    static ModelGuard guard;

    @BeforeAll
    static void setUp() throws Exception {
        guard = GuardFixtures.guard();
    }

    static final String TASK_RULES = " camunda:candidateGroups=\"${unitLeaderGroup}\"><bpmn:extensionElements>"
            + "<camunda:properties><camunda:property name=\"cf.kind\" value=\"approval\"/></camunda:properties>"
            + "</bpmn:extensionElements></bpmn:userTask>";

    /** A process around these elements, kept ten years unless the attributes say otherwise. */
    static String process(String processAttributes, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<bpmn:definitions "
                + "xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
                + "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" "
                + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" id=\"d\" targetNamespace=\"t\">"
                + "<bpmn:process id=\"p\" isExecutable=\"true\" " + processAttributes + ">" + body
                + "</bpmn:process></bpmn:definitions>";
    }

    static String ok(String body) {
        return process("camunda:historyTimeToLive=\"3650\"", body);
    }

    static String task(String id) {
        return "<bpmn:userTask id=\"" + id + "\" name=\"审批\"" + TASK_RULES;
    }

    static String flow(String id, String from, String to) {
        return "<bpmn:sequenceFlow id=\"" + id + "\" sourceRef=\"" + from + "\" targetRef=\"" + to + "\"/>";
    }

    static String conditional(String id, String from, String to, String condition) {
        return "<bpmn:sequenceFlow id=\"" + id + "\" sourceRef=\"" + from + "\" targetRef=\"" + to + "\">"
                + "<bpmn:conditionExpression xsi:type=\"bpmn:tFormalExpression\">" + condition
                + "</bpmn:conditionExpression></bpmn:sequenceFlow>";
    }

    static final String LINE = "<bpmn:startEvent id=\"start\"/>" + task("approve") + "<bpmn:endEvent id=\"end\"/>"
            + flow("f1", "start", "approve") + flow("f2", "approve", "end");

    static List<ModelProblem> check(String xml) {
        return guard.check("p.bpmn", xml.getBytes(StandardCharsets.UTF_8));
    }

    static void only(String xml, String elementId, String key, String zh, String en) {
        List<ModelProblem> problems = check(xml);
        assertThat(problems).extracting(ModelProblem::elementId, ModelProblem::key)
                .containsExactly(tuple(elementId, key));
        ModelGuardTest.shown(problems.get(0), elementId, zh, en);
    }

    @Test
    void theSmallestCorrectProcessHasNoProblem() {
        assertThat(check(ok(LINE))).isEmpty();
    }

    @Test
    void aMissingHistoryTimeToLiveIsLocatedOnTheProcess() {
        only(process("", LINE), "p", "guard.bpmn.historyTimeToLive", "历史保留期限", "history time to live");
        only(process("camunda:historyTimeToLive=\"-1\"", LINE), "p", "guard.bpmn.historyTimeToLive", "历史保留期限",
                "history time to live");
    }

    @Test
    void anUnreachableStepAndADeadEndAreLocatedOnTheirStep() {
        List<ModelProblem> problems = check(ok(LINE + task("island") + flow("f3", "island", "end")));
        assertThat(problems).extracting(ModelProblem::elementId, ModelProblem::key)
                .containsExactly(tuple("island", "guard.flow.unreachable"));
        only(ok(LINE + task("stuck") + flow("f3", "approve", "stuck")), "stuck", "guard.flow.deadEnd", "出口", "lead");
    }

    static String gateway(String defaultFlow, String... flows) {
        return ok("<bpmn:startEvent id=\"start\"/>" + task("approve") + "<bpmn:exclusiveGateway id=\"gw\""
                + (defaultFlow == null ? "" : " default=\"" + defaultFlow + "\"") + "/>"
                + "<bpmn:endEvent id=\"yes\"/><bpmn:endEvent id=\"no\"/>"
                + (String.join("", flows).contains("targetRef=\"maybe\"") ? "<bpmn:endEvent id=\"maybe\"/>" : "")
                + flow("f1", "start", "approve") + flow("f2", "approve", "gw") + String.join("", flows));
    }

    @Test
    void anExclusiveGatewayWithoutADefaultIsLocatedOnTheGateway() {
        only(gateway(null, conditional("a", "gw", "yes", "${approved}"), conditional("b", "gw", "no", "${rejected}")),
                "gw", "guard.flow.noDefault", "默认", "default");
        assertThat(check(gateway(null, conditional("a", "gw", "yes", "${approved}"),
                conditional("b", "gw", "no", "${!approved}")))).as("x and !x always find a way").isEmpty();
        assertThat(check(gateway("b", conditional("a", "gw", "yes", "${approved}"), flow("b", "gw", "no"))))
                .isEmpty();
    }

    @Test
    void theSameConditionTwiceIsLocatedOnTheSecondFlow() {
        only(gateway("c", conditional("a", "gw", "yes", "${score > 90}"), conditional("b", "gw", "no",
                "${ score > 90 }"), flow("c", "gw", "maybe")), "b", "guard.flow.sameCondition", "条件相同",
                "same condition");
    }

    @Test
    void aFlowBesideComplementaryConditionsIsNeverTaken() {
        only(gateway(null, conditional("a", "gw", "yes", "${approved}"), conditional("b", "gw", "no", "${!approved}"),
                conditional("c", "gw", "maybe", "${urgent}")), "c", "guard.flow.shadowed", "互补", "never taken");
        only(gateway("c", conditional("a", "gw", "yes", "${approved}"), conditional("b", "gw", "no", "${!approved}"),
                flow("c", "gw", "maybe")), "c", "guard.flow.shadowed", "互补", "never taken");
    }

    @Test
    void aUserTaskWithoutAnAssigneeRuleIsLocatedOnTheTask() {
        only(ok(LINE.replace(" camunda:candidateGroups=\"${unitLeaderGroup}\"", "")), "approve",
                "guard.bpmn.noAssignee", "办理人", "assignee");
    }

    @Test
    void aFormOrDecisionNotInTheLibraryIsLocatedOnItsStep() {
        only(ok(LINE.replace("<bpmn:startEvent id=\"start\"/>", "<bpmn:startEvent id=\"start\" "
                + "camunda:formRef=\"noSuchForm\" camunda:formRefBinding=\"deployment\"/>")), "start",
                "guard.bpmn.formMissing", "noSuchForm", "noSuchForm");
        only(ok(LINE.replace("<bpmn:endEvent id=\"end\"/>", "<bpmn:businessRuleTask id=\"rule\" "
                + "camunda:decisionRef=\"noSuchTable\" camunda:resultVariable=\"r\" camunda:mapDecisionResult="
                + "\"singleEntry\"/><bpmn:endEvent id=\"end\"/>").replace(flow("f2", "approve", "end"),
                flow("f2", "approve", "rule") + flow("f3", "rule", "end"))), "rule", "guard.bpmn.decisionMissing",
                "noSuchTable", "noSuchTable");
    }

    @Test
    void aTimerWithAZeroNegativeOrUnreadableDurationIsLocatedOnItsEvent() {
        for (String duration : List.of("PT0S", "-P1D", "P1X")) {
            String timer = "<bpmn:boundaryEvent id=\"late\" attachedToRef=\"approve\"><bpmn:timerEventDefinition "
                    + "id=\"t\"><bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">" + duration
                    + "</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>"
                    + flow("f3", "late", "end");
            List<ModelProblem> problems = check(ok(LINE + timer));
            assertThat(problems).as(duration).extracting(ModelProblem::elementId).containsExactly("late");
        }
        assertThat(check(ok(LINE + "<bpmn:boundaryEvent id=\"late\" attachedToRef=\"approve\">"
                + "<bpmn:timerEventDefinition id=\"t\"><bpmn:timeDuration xsi:type=\"bpmn:tFormalExpression\">P5D"
                + "</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>" + flow("f3", "late", "end"))))
                .isEmpty();
    }

    @Test
    void aGuardRejectionIsLocatedOnTheElementThatCarriesIt() {
        List<ModelProblem> problems = check(ok(LINE.replace(" camunda:candidateGroups=\"${unitLeaderGroup}\"",
                " camunda:candidateGroups=\"${runtime.exec('rm')}\"")));
        assertThat(problems).extracting(ModelProblem::elementId, ModelProblem::key)
                .containsExactly(tuple("approve", "guard.expression.notFacade"));
        ModelGuardTest.shown(problems.get(0), "approve", "runtime", "runtime");
        only(ok(LINE.replace("<bpmn:endEvent id=\"end\"/>", "<bpmn:scriptTask id=\"run\" scriptFormat=\"groovy\">"
                + "<bpmn:script>x</bpmn:script></bpmn:scriptTask><bpmn:endEvent id=\"end\"/>")
                .replace(flow("f2", "approve", "end"), flow("f2", "approve", "run") + flow("f3", "run", "end"))),
                "run", "guard.bpmn.scriptTask", "run", "run");
    }
}
