package cn.cadreflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.cadreflow.CadreFlowTest;

/**
 * The bulk start with explicit variables ({@link ProcessStarts#startAll(String, String, List)}): each instance
 * gets exactly its own business key and variables, plus its starter, and is recorded as the starter's submission.
 */
@CadreFlowTest
class BulkStartTest {

    @Autowired
    ProcessStarts starts;
    @Autowired
    WorkflowQueries queries;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;

    @Test
    void startsEachInstanceWithTheBusinessKeyAndVariablesGiven() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("bulkStartProbe").name("批量发起")
                .startEvent("submitted").name("发起")
                .userTask("work").name("办理").camundaAssignee("${worker}")
                .endEvent().done();
        model.<Process>getModelElementById("bulkStartProbe")
                .setCamundaCandidateStarterUsers("wangfang");
        String deployment = repository.createDeployment().addModelInstance("bulk-start-probe.bpmn", model).deploy()
                .getId();
        try {
            List<String> ids = starts.startAll("bulkStartProbe", "wangfang", List.of(
                    new StartRequest("probe-1", Map.of("worker", "wangfang", "unitId", 7L)),
                    new StartRequest(null, Map.of("worker", "wangfang"))));

            assertThat(ids).hasSize(2).doesNotHaveDuplicates();
            assertThat(runtime.createProcessInstanceQuery().processInstanceId(ids.get(0)).singleResult()
                    .getBusinessKey()).isEqualTo("probe-1");
            assertThat(runtime.createProcessInstanceQuery().processInstanceId(ids.get(1)).singleResult()
                    .getBusinessKey()).isNull();
            assertThat(runtime.getVariables(ids.get(0))).containsOnlyKeys("worker", "unitId", ProcessStarts.INITIATOR)
                    .containsEntry(ProcessStarts.INITIATOR, "wangfang").containsEntry("unitId", 7L);
            assertThat(queries.instance(ids.get(0), "wangfang").timeline())
                    .extracting(TimelineEntry::action, TimelineEntry::stepKey, TimelineEntry::actor)
                    .containsExactly(tuple(Action.SUBMIT, "submitted", "wangfang"));
            assertThat(queries.inbox("wangfang", 0, 1000)).filteredOn(t -> ids.contains(t.processInstanceId()))
                    .hasSize(2);

            assertThatThrownBy(() -> starts.startAll("bulkStartProbe", "lijun",
                    List.of(new StartRequest(null, Map.of("worker", "lijun")))))
                    .as("only who may start the process starts it in bulk")
                    .isInstanceOf(WorkflowException.class).hasMessage("workflow.error.notStartable");
        } finally {
            repository.deleteDeployment(deployment, true);
        }
    }
}
