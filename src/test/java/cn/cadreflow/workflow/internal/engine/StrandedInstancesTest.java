package cn.cadreflow.workflow.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.TrainingRequests;
import cn.cadreflow.trainingleave.TrainingLeaveService;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.TaskCommands;

/**
 * A database upgraded from release 1: a training-leave request waits at the leader on release 1's model, which
 * calls {@code trainingLeaveService}, a bean the engine no longer resolves. After the start-up's migration it runs
 * on the latest version and the leader's approval takes it on to HR; a request on a later version that calls only
 * the facade stays on its version.
 */
@CadreFlowTest
class StrandedInstancesTest {

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    StrandedInstances stranded;
    @Autowired
    ProcessStarts starts;
    @Autowired
    TrainingLeaveService training;
    @Autowired
    TaskCommands commands;

    /** Deploys a model with the training-leave form, as a new version of its process. */
    ProcessDefinition deploy(String model) {
        String deployment = repository.createDeployment().name("upgrade-test").addClasspathResource(model)
                .addClasspathResource("forms/training-leave.form").deploy().getId();
        return repository.createProcessDefinitionQuery().deploymentId(deployment).singleResult();
    }

    /**
     * A request as release 1 started it, waiting at the leader's approval of {@code release1}: started there
     * without the listeners, which call release 1's beans (the request row is already PENDING_LEADER).
     */
    String waitingForLeaderOn(ProcessDefinition release1, Map<String, Object> form) {
        Map<String, Object> variables = new HashMap<>(starts.knownData("zhangwei"));
        variables.putAll(form);
        variables.putAll(training.onStart("zhangwei", form));
        variables.put(ProcessStarts.INITIATOR, "zhangwei");
        String businessKey = variables.remove("businessKey").toString();
        return runtime.createProcessInstanceById(release1.getId()).businessKey(businessKey).setVariables(variables)
                .startBeforeActivity("leaderApproval").execute(true, true).getId();
    }

    String definitionOf(String processInstanceId) {
        return runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
                .getProcessDefinitionId();
    }

    Task openTask(String processInstanceId) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
    }

    @Test
    void aReleaseOneInstanceMovesToTheLatestVersionAndGoesOnThroughTheTaskCentre() {
        ProcessDefinition release1 = deploy("upgrade/training-leave-release-1.bpmn");
        ProcessDefinition adminVersion = deploy("processes/training-leave.bpmn");
        ProcessDefinition latest = null;
        try {
            Map<String, Object> form = TrainingRequests.request("升级迁移·旧版本", TrainingRequests.nextFreeStart(), 2, 12);
            String old = waitingForLeaderOn(release1, form);
            String own = starts.start(TrainingLeaveService.PROCESS_KEY, "zhangwei",
                    TrainingRequests.request("升级迁移·管理员版本", TrainingRequests.nextFreeStart(), 2, 12));
            latest = deploy("processes/training-leave.bpmn");
            assertThat(definitionOf(own)).isEqualTo(adminVersion.getId());
            assertThat(stranded.unresolvedBeans(release1.getId())).containsExactly("trainingLeaveService");
            assertThat(stranded.unresolvedBeans(adminVersion.getId())).isEmpty();

            stranded.migrate();

            assertThat(definitionOf(old)).isEqualTo(latest.getId());
            assertThat(definitionOf(own)).as("calls only the facade: stays").isEqualTo(adminVersion.getId());
            Task leader = openTask(old);
            assertThat(leader.getTaskDefinitionKey()).isEqualTo("leaderApproval");
            assertThat(leader.getProcessDefinitionId()).isEqualTo(latest.getId());
            commands.decide(leader.getId(), "lijun", true, "同意。");
            assertThat(openTask(old).getTaskDefinitionKey()).isEqualTo("hrApproval");
            long requestId = ((Number) runtime.getVariable(old, "requestId")).longValue();
            assertThat(training.request(requestId).status()).isEqualTo("PENDING_HR");
        } finally {
            repository.deleteDeployment(release1.getDeploymentId(), true);
            repository.deleteDeployment(adminVersion.getDeploymentId(), true);
            if (latest != null) {
                repository.deleteDeployment(latest.getDeploymentId(), true);
            }
        }
    }
}
