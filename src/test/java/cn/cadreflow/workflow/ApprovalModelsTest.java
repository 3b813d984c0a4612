package cn.cadreflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.Test;

/**
 * Every approval step of processes/*.bpmn says what 不同意 does ({@code cf.reject}: {@code end}, or a step of the
 * same model it returns to), so that its button and confirmation can say it; a model with a revise step has an end
 * event for 撤销 ({@code cf.cancel}).
 */
class ApprovalModelsTest {

    static List<Path> models() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            return files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
        }
    }

    static String property(FlowElement element, String name) {
        if (element.getExtensionElements() == null) {
            return null;
        }
        return element.getExtensionElements().getElementsQuery().filterByType(
                org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class).list().stream()
                .flatMap(ps -> ps.getCamundaProperties().stream()).filter(p -> name.equals(p.getCamundaName()))
                .map(CamundaProperty::getCamundaValue).findFirst().orElse(null);
    }

    @Test
    void everyApprovalStepSaysWhatDisagreeingDoes() throws IOException {
        int approvals = 0;
        for (Path file : models()) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                if (!"approval".equals(property(task, "cf.kind"))) {
                    continue;
                }
                approvals++;
                String reject = property(task, "cf.reject");
                assertThat(reject).as(file + " " + task.getId()).isNotNull();
                if (!"end".equals(reject)) {
                    assertThat((Object) model.getModelElementById(reject)).as(file + " " + task.getId() + " returns to")
                            .isInstanceOf(UserTask.class);
                }
            }
        }
        assertThat(approvals).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aModelWhoseApplicantRevisesCanBeCancelledInOneStep() throws IOException {
        for (Path file : models()) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            boolean revises = model.getModelElementsByType(UserTask.class).stream()
                    .anyMatch(t -> "revise".equals(property(t, "cf.kind")));
            boolean cancels = model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.EndEvent.class)
                    .stream().anyMatch(e -> "true".equals(property(e, "cf.cancel")));
            assertThat(cancels).as(file.toString()).isEqualTo(revises);
        }
    }
}
