package cn.cadreflow.workflow.internal.engine;

import java.util.Date;

/**
 * An open task as the rest of the workflow sees it, without engine types.
 *
 * @param parentTaskId set on a task created for an added approver (加签)
 * @param delegated    the holder handles it for its owner (委派) and can only resolve it
 */
public record EngineTask(String id, String parentTaskId, String processInstanceId, String definitionId,
                         String stepKey, String name, String assignee, String owner, boolean delegated,
                         Date due) {
}
