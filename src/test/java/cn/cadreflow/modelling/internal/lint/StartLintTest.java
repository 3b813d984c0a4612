package cn.cadreflow.modelling.internal.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;

import cn.cadreflow.workflow.ModelProblem;

/** What a modelled process needs to be found and started in 发起申请, checked without Spring. */
class StartLintTest {

    static String process(String processAttributes, String startAttributes, String more) {
        return "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
                + "xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" id=\"d\"><bpmn:process id=\"p\" "
                + processAttributes + "><bpmn:startEvent id=\"start\" " + startAttributes + "/>" + more
                + "</bpmn:process></bpmn:definitions>";
    }

    @Test
    void aProcessStartableByARoleFromAStartFormHasNoProblem() {
        assertThat(StartLint.check(process("camunda:candidateStarterGroups=\"CADRE\"",
                "camunda:formRef=\"trainingLeave\"", ""))).isEmpty();
    }

    @Test
    void aProcessNobodyMayStartIsLocatedOnTheProcess() {
        assertThat(StartLint.check(process("", "camunda:formRef=\"trainingLeave\"", "")))
                .extracting(ModelProblem::elementId, ModelProblem::key).containsExactly(tuple("p", "lint.noStarters"));
    }

    @Test
    void aStartEventWithoutAFormIsLocatedOnTheStartEvent() {
        assertThat(StartLint.check(process("camunda:candidateStarterGroups=\"CADRE\"", "", "")))
                .extracting(ModelProblem::elementId, ModelProblem::key).containsExactly(tuple("start", "lint.startForm"));
    }

    @Test
    void twoStartEventsAreLocatedOnTheProcess() {
        assertThat(StartLint.check(process("camunda:candidateStarterGroups=\"CADRE\"",
                "camunda:formRef=\"trainingLeave\"", "<bpmn:startEvent id=\"other\"/>")))
                .extracting(ModelProblem::elementId, ModelProblem::key).containsExactly(tuple("p", "lint.oneStart"));
    }

    @Test
    void whatIsNoDiagramIsLeftToTheGuard() {
        assertThat(StartLint.check("<not xml")).isEmpty();
        assertThat(StartLint.check("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>")).isEmpty();
    }
}
