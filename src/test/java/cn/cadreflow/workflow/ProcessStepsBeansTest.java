package cn.cadreflow.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import cn.cadreflow.CadreFlowTest;

/** The engine resolves the process facades in expressions, and no other bean, though it exists. */
@CadreFlowTest
class ProcessStepsBeansTest {

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ApplicationContext context;

    /** Starts a one-task process evaluating {@code expression} into the variable {@code result}; returns it. */
    Object evaluate(String expression) {
        BpmnModelInstance model = Bpmn.createExecutableProcess("expressionProbe").camundaHistoryTimeToLive(1)
                .startEvent().serviceTask().camundaExpression(expression).camundaResultVariable("result")
                .userTask("wait").endEvent().done();
        String deployment = repository.createDeployment().addModelInstance("expression-probe.bpmn", model).deploy()
                .getId();
        try {
            String pi = runtime.startProcessInstanceByKey("expressionProbe").getId();
            return runtime.getVariable(pi, "result");
        } finally {
            repository.deleteDeployment(deployment, true);
        }
    }

    @Test
    void aFacadeResolvesAndAnyOtherBeanDoesNot() {
        assertThat(context.containsBean("dataSource")).isTrue();
        assertThat(context.containsBean("campaignService")).isTrue();
        assertThat(evaluate("${annualReviewSteps.peerDeadline()}")).isEqualTo("P7D");
        assertThatThrownBy(() -> evaluate("${dataSource.getConnection()}"))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("dataSource");
        assertThatThrownBy(() -> evaluate("${campaignService.isLaunching(1)}"))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("campaignService");
    }
}
