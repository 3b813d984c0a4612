package cn.cadreflow.workflow.internal.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.event.HistoricIdentityLinkLogEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoricTaskInstanceEventEntity;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

import cn.cadreflow.workflow.ProcessHandler;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.internal.Plugins;
import cn.cadreflow.workflow.internal.notify.TaskEvents;
import cn.cadreflow.workflow.internal.query.TaskIndexMapper;
import cn.cadreflow.workflow.internal.task.DraftMapper;
import cn.cadreflow.workflow.internal.query.TaskRow;

/**
 * Keeps the wf_task read model in step with the engine: every task event and candidate change the
 * engine records in its history also lands here, in the same transaction. Works for every process,
 * including sub-tasks created for added approvers.
 */
class TaskProjection implements HistoryEventHandler {

    /** A summary argument longer than this (a course's name, say) is shortened with "…". */
    static final int ARG_MAX = 60;
    /** wf_task.summary_args VARCHAR(1000) (sql/V25). */
    static final int SUMMARY_MAX = 1000;

    private final TaskIndexMapper index;
    private final TaskEvents events;
    private final Plugins plugins;
    private final DraftMapper drafts;

    TaskProjection(TaskIndexMapper index, TaskEvents events, Plugins plugins, DraftMapper drafts) {
        this.index = index;
        this.events = events;
        this.plugins = plugins;
        this.drafts = drafts;
    }

    @Override
    public void handleEvent(HistoryEvent event) {
        if (event instanceof HistoricTaskInstanceEventEntity task) {
            onTask(task);
        } else if (event instanceof HistoricIdentityLinkLogEventEntity link && link.getTaskId() != null
                && IdentityLinkType.CANDIDATE.equals(link.getType())) {
            String group = link.getGroupId() != null ? link.getGroupId() : TaskRow.USER_PREFIX + link.getUserId();
            if (link.isEventOfType(HistoryEventTypes.IDENTITY_LINK_ADD)) {
                // links made while the task is created come before its create event: taken there instead
                if (index.addCandidate(link.getTaskId(), group) > 0) {
                    events.candidateAdded(link.getTaskId(), group, actor());
                }
            } else if (link.isEventOfType(HistoryEventTypes.IDENTITY_LINK_DELETE)) {
                index.removeCandidate(link.getTaskId(), group);
            }
        }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
        events.forEach(this::handleEvent);
    }

    private void onTask(HistoricTaskInstanceEventEntity e) {
        String taskId = e.getTaskId();
        if (e.isEventOfType(HistoryEventTypes.TASK_INSTANCE_CREATE)) {
            TaskRow row = newRow(e);
            index.insert(row);
            List<String> candidates = new ArrayList<>();
            TaskEntity entity = Context.getCommandContext().getTaskManager().findTaskById(taskId);
            if (entity != null) {
                for (IdentityLink link : entity.getCandidates()) {
                    String group = link.getGroupId() != null ? link.getGroupId() : TaskRow.USER_PREFIX + link.getUserId();
                    index.addCandidate(taskId, group);
                    candidates.add(group);
                }
            }
            events.taskCreated(row, candidates, actor());
        } else if (e.isEventOfType(HistoryEventTypes.TASK_INSTANCE_UPDATE)
                || e.isEventOfType(HistoryEventTypes.TASK_INSTANCE_MIGRATE)) {
            TaskRow before = index.find(taskId);
            index.update(taskId, e.getName(), e.getAssignee(), e.getOwner(), instant(e.getDueDate()));
            if (before != null && e.getAssignee() != null && !e.getAssignee().equals(before.assignee())) {
                events.taskAssigned(before, e.getAssignee(), actor());
            }
        } else if (e.isEventOfType(HistoryEventTypes.TASK_INSTANCE_COMPLETE)) {
            index.finish(taskId, TaskRow.DONE, instant(e.getEndTime()), e.getAssignee());
            index.removeCandidates(taskId);
            drafts.deleteForTask(taskId);
        } else if (e.isEventOfType(HistoryEventTypes.TASK_INSTANCE_DELETE)) {
            index.finish(taskId, TaskRow.CANCELLED, instant(e.getEndTime()), null);
            index.removeCandidates(taskId);
            drafts.deleteForTask(taskId);
        }
    }

    private TaskRow newRow(HistoricTaskInstanceEventEntity e) {
        String processInstanceId = e.getProcessInstanceId();
        String businessKey = null;
        String starter = null;
        String subject = null;
        Long unitId = null;
        String cadreName = null;
        ProcessHandler.Summary summary = null;
        String processKey = e.getProcessDefinitionKey();
        if (processInstanceId != null) {
            ExecutionEntity instance = Context.getCommandContext().getExecutionManager()
                    .findExecutionById(processInstanceId);
            if (instance != null) {
                businessKey = instance.getBusinessKey();
                starter = string(instance.getVariable(ProcessStarts.INITIATOR));
                subject = string(instance.getVariable(plugins.subjectVariable(processKey)));
                Object unit = instance.getVariable("unitId");
                unitId = unit instanceof Number n ? n.longValue() : null;
                cadreName = string(instance.getVariable("cadreName"));
                ProcessHandler handler = plugins.handler(processKey);
                summary = handler == null ? null : handler.summary(businessKey, instance.getVariables());
            }
        } else if (e.getParentTaskId() != null) {
            // a sub-task for an added approver belongs where its parent task belongs
            TaskRow parent = index.find(e.getParentTaskId());
            if (parent != null) {
                processInstanceId = parent.processInstanceId();
                processKey = parent.processKey();
                businessKey = parent.businessKey();
                starter = parent.starter();
                subject = parent.subject();
                unitId = parent.unitId();
                cadreName = parent.cadreName();
                summary = parent.summaryKey() == null ? null
                        : new ProcessHandler.Summary(parent.summaryKey(), parent.summaryArgList());
            }
        }
        String stepKey = e.getTaskDefinitionKey();
        if (stepKey == null && e.getParentTaskId() != null) {
            TaskRow parent = index.find(e.getParentTaskId());
            stepKey = parent == null ? null : parent.stepKey();
        }
        return new TaskRow(e.getTaskId(), e.getParentTaskId(), processInstanceId, processKey, stepKey,
                e.getName() == null ? "" : e.getName(), businessKey, starter, subject, unitId, cadreName, e.getAssignee(),
                e.getOwner(), TaskRow.OPEN, instant(e.getStartTime()), instant(e.getDueDate()), null, null,
                summary == null ? null : summary.messageKey(), summary == null ? null : joined(summary.args()));
    }

    /** The summary's arguments as wf_task.summary_args keeps them: each cut at ARG_MAX, all within SUMMARY_MAX. */
    static String joined(List<String> args) {
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i) == null ? "" : args.get(i).replace(TaskRow.ARG_SEPARATOR, " ");
            if (a.length() > ARG_MAX) {
                int end = Character.isHighSurrogate(a.charAt(ARG_MAX - 2)) ? ARG_MAX - 2 : ARG_MAX - 1;
                a = a.substring(0, end) + "…";
            }
            if (joined.length() + a.length() + 1 > SUMMARY_MAX) {
                break;
            }
            joined.append(i == 0 ? "" : TaskRow.ARG_SEPARATOR).append(a);
        }
        return joined.toString();
    }

    /** Who caused the event: nobody is told about their own action. */
    private static String actor() {
        return Context.getCommandContext() == null ? null : Context.getCommandContext().getAuthenticatedUserId();
    }

    private static String string(Object o) {
        return o == null ? null : o.toString();
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }
}
