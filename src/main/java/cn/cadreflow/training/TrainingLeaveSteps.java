package cn.cadreflow.training;

import org.springframework.stereotype.Service;

import cn.cadreflow.workflow.ProcessSteps;

/** What processes/training-leave.bpmn calls: the request's process, its status, and the ledger row once approved. */
@Service("trainingLeaveSteps")
public class TrainingLeaveSteps implements ProcessSteps {

    private final TrainingLeaveService requests;

    public TrainingLeaveSteps(TrainingLeaveService requests) {
        this.requests = requests;
    }

    public void attachProcess(Number requestId, String processInstanceId) {
        requests.attachProcess(requestId, processInstanceId);
    }

    public void markStatus(Number requestId, String status) {
        requests.markStatus(requestId, status);
    }

    public void recordApproved(Number requestId) {
        requests.recordApproved(requestId);
    }
}
