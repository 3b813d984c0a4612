package cn.cadreflow.workflow;

import java.util.Map;

/** One instance of a bulk start ({@link WorkflowService#startAll}): its business key and its own variables. */
public record ProcessStart(String businessKey, Map<String, Object> variables) {
}
