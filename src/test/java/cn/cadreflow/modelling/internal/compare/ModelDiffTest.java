package cn.cadreflow.modelling.internal.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.cadreflow.modelling.ModelChange;
import cn.cadreflow.modelling.ModelChange.What;
import cn.cadreflow.workflow.ModelVersion.Kind;

/** The comparison of two versions, plain Java: processes, forms and decision tables, element by element. */
class ModelDiffTest {

    static final String V1 = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" \
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="t">
              <bpmn:process id="appoint" name="选拔任用" isExecutable="true" camunda:historyTimeToLive="3650" \
            camunda:candidateStarterGroups="CADRE">
                <bpmn:startEvent id="start" camunda:formRef="trainingLeave" camunda:formRefBinding="deployment"/>
                <bpmn:userTask id="leader" name="单位负责人审批" camunda:candidateGroups="${unitLeaderGroup}" \
            camunda:dueDate="${dueIn3Days}">
                  <bpmn:extensionElements><camunda:properties>
                    <camunda:property name="cf.kind" value="approval"/><camunda:property name="cf.reject" value="end"/>
                  </camunda:properties></bpmn:extensionElements>
                </bpmn:userTask>
                <bpmn:userTask id="hr" name="组织人事审核" camunda:candidateGroups="${hrGroup}"/>
                <bpmn:exclusiveGateway id="gw" default="f3"/>
                <bpmn:boundaryEvent id="late" attachedToRef="leader">
                  <bpmn:timerEventDefinition id="t1"><bpmn:timeDuration>P3D</bpmn:timeDuration></bpmn:timerEventDefinition>
                </bpmn:boundaryEvent>
                <bpmn:endEvent id="end"/>
                <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="leader"/>
                <bpmn:sequenceFlow id="f2" sourceRef="gw" targetRef="hr">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${approved}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:sequenceFlow id="f3" sourceRef="gw" targetRef="end"/>
              </bpmn:process>
            </bpmn:definitions>
            """;

    static List<ModelChange> bpmn(String before, String after) {
        return ModelDiff.compare(Kind.PROCESS, before.getBytes(StandardCharsets.UTF_8),
                after.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theSameProcessHasNoChanges() {
        assertThat(bpmn(V1, V1)).isEmpty();
    }

    @Test
    void stepsAddedRemovedRenamedAndTheirRulesFormsConditionsTimersAndDueDatesAreNamed() {
        String v2 = V1.replace("name=\"单位负责人审批\" camunda:candidateGroups=\"${unitLeaderGroup}\" "
                        + "camunda:dueDate=\"${dueIn3Days}\"",
                        "name=\"党委审议\" camunda:candidateGroups=\"HR_OFFICER\" camunda:formRef=\"appointment\"")
                .replace("value=\"end\"", "value=\"start\"")
                .replace("<bpmn:userTask id=\"hr\" name=\"组织人事审核\" camunda:candidateGroups=\"${hrGroup}\"/>",
                        "<bpmn:userTask id=\"publicity\" name=\"任前公示\" camunda:assignee=\"${initiator}\"/>")
                .replace("targetRef=\"hr\"", "targetRef=\"publicity\"").replace("P3D", "P5D").replace("${approved}", "${approved and passed}")
                .replace("camunda:candidateStarterGroups=\"CADRE\"", "camunda:candidateStarterGroups=\"HR_OFFICER\"");
        List<ModelChange> changes = bpmn(V1, v2);
        assertThat(changes).extracting(ModelChange::what, ModelChange::elementId, ModelChange::property,
                ModelChange::before, ModelChange::after).containsExactly(
                tuple(What.CHANGED, "appoint", "starters", "candidateStarterGroups=CADRE",
                        "candidateStarterGroups=HR_OFFICER"),
                tuple(What.RENAMED, "leader", null, "单位负责人审批", "党委审议"),
                tuple(What.CHANGED, "leader", "assignee", "candidateGroups=${unitLeaderGroup}",
                        "candidateGroups=HR_OFFICER"),
                tuple(What.CHANGED, "leader", "form", "", "formRef=appointment"),
                tuple(What.CHANGED, "leader", "reject", "end", "start"),
                tuple(What.CHANGED, "leader", "dueDate", "${dueIn3Days}", ""),
                tuple(What.ADDED, "publicity", null, null, null),
                tuple(What.CHANGED, "late", "timer", "timeDuration P3D", "timeDuration P5D"),
                tuple(What.CHANGED, "f2", "target", "hr", "publicity"),
                tuple(What.CHANGED, "f2", "condition", "${approved}", "${approved and passed}"),
                tuple(What.REMOVED, "hr", null, null, null));
        assertThat(changes.get(6).elementName()).isEqualTo("任前公示");
        assertThat(changes.get(6).elementType()).isEqualTo("userTask");
        assertThat(changes.get(10).elementName()).isEqualTo("组织人事审核");
    }

    @Test
    void aFormsFieldsAreComparedByKey() {
        String v1 = """
                {"id":"appointment","type":"default","components":[
                  {"key":"post","type":"textfield","label":"拟任职务","validate":{"required":true}},
                  {"key":"reason","type":"textarea","label":"推荐理由"},
                  {"type":"group","id":"g","label":"组","components":[{"key":"votes","type":"number","label":"票数"}]}]}
                """;
        String v2 = v1.replace("\"required\":true", "\"required\":true,\"maxLength\":50")
                .replace("推荐理由", "推荐意见").replace("{\"key\":\"votes\",\"type\":\"number\",\"label\":\"票数\"}",
                        "{\"key\":\"votes\",\"type\":\"number\",\"label\":\"票数\",\"readonly\":true}")
                + "";
        v2 = v2.replace("]}]}", "]},{\"key\":\"rank\",\"type\":\"select\",\"label\":\"职级\",\"values\":[]}]}");
        List<ModelChange> changes = ModelDiff.compare(Kind.FORM, v1.getBytes(StandardCharsets.UTF_8),
                v2.getBytes(StandardCharsets.UTF_8));
        assertThat(changes).extracting(ModelChange::what, ModelChange::elementId, ModelChange::property,
                ModelChange::before, ModelChange::after).containsExactly(
                tuple(What.CHANGED, "post", "validate", "{\"required\":true}", "{\"required\":true,\"maxLength\":50}"),
                tuple(What.RENAMED, "reason", null, "推荐理由", "推荐意见"),
                tuple(What.CHANGED, "votes", "readonly", "", "true"),
                tuple(What.ADDED, "rank", null, null, null));
    }

    @Test
    void aDecisionTablesRulesInputsAndOutputsAreCompared() throws Exception {
        byte[] v1 = Files.readAllBytes(Path.of("processes/annual-review-grade.dmn"));
        String text = new String(v1, StandardCharsets.UTF_8);
        assertThat(ModelDiff.compare(Kind.DECISION, v1, v1)).isEmpty();
        java.util.regex.Matcher entry = java.util.regex.Pattern.compile(
                "<rule id=\"([^\"]+)\">\\s*(?:<description>[^<]*</description>\\s*)?<inputEntry id=\"[^\"]+\">\\s*<text>([^<]*)</text>")
                .matcher(text);
        assertThat(entry.find()).as("a rule with an input entry in the shipped table").isTrue();
        String v2 = text.substring(0, entry.start(2)) + "&gt; 99" + text.substring(entry.end(2));
        List<ModelChange> changes = ModelDiff.compare(Kind.DECISION, v1, v2.getBytes(StandardCharsets.UTF_8));
        assertThat(changes).extracting(ModelChange::what, ModelChange::elementId, ModelChange::property)
                .containsExactly(tuple(What.CHANGED, entry.group(1), "when"));
        assertThat(changes.get(0).after()).startsWith("> 99");
        assertThat(changes.get(0).elementType()).isEqualTo("rule");
    }

    @Test
    void everyPropertyAndTypeNamedInWordsHasItsMessage() throws Exception {
        for (String bundle : List.of("messages.properties", "messages_en.properties")) {
            java.util.Properties p = new java.util.Properties();
            try (var in = new java.io.InputStreamReader(ModelDiffTest.class.getResourceAsStream("/" + bundle),
                    StandardCharsets.UTF_8)) {
                p.load(in);
            }
            ModelDiff.PROPERTIES.forEach(k -> assertThat(p).as(bundle).containsKey("compare.property." + k));
            ModelDiff.TYPES.forEach(k -> assertThat(p).as(bundle).containsKey("compare.type." + k));
        }
    }
}
