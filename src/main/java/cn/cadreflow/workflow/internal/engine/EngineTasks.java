package cn.cadreflow.workflow.internal.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

import cn.cadreflow.workflow.WorkflowException;
import cn.cadreflow.workflow.WorkflowViews.AttachmentInfo;

/**
 * The engine's open tasks and what can be done to them. Calls that lose to a concurrent change (someone else
 * claimed or finished the task) come back as a {@link WorkflowException} the user can read.
 */
@Component
public class EngineTasks {

    private final TaskService tasks;
    private final EngineUsers users;

    EngineTasks(TaskService tasks, EngineUsers users) {
        this.tasks = tasks;
        this.users = users;
    }

    /** An active task, or null. */
    public EngineTask active(String taskId) {
        return taskId == null ? null : of(tasks.createTaskQuery().taskId(taskId).active().singleResult());
    }

    /** A task whatever its state, or null. */
    public EngineTask find(String taskId) {
        return of(tasks.createTaskQuery().taskId(taskId).singleResult());
    }

    public boolean exists(String taskId) {
        return tasks.createTaskQuery().taskId(taskId).count() > 0;
    }

    /** The step's own task: the task itself, or the task an added approver's sub-task belongs to. */
    public EngineTask main(EngineTask task) {
        if (task.parentTaskId() == null) {
            return task;
        }
        EngineTask parent = find(task.parentTaskId());
        if (parent == null) {
            throw new WorkflowException("workflow.error.taskGone");
        }
        return parent;
    }

    /** Open tasks of added approvers (加签) under a task. */
    public List<EngineTask> subTasks(String taskId) {
        return tasks.getSubTasks(taskId).stream().map(EngineTasks::of).toList();
    }

    /** A task's candidates: users and groups who may claim it. */
    public List<Candidate> candidates(String taskId) {
        return tasks.getIdentityLinksForTask(taskId).stream()
                .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
                .map(l -> new Candidate(l.getUserId(), l.getGroupId())).toList();
    }

    /** A candidate user (userId set) or group (groupId set). */
    public record Candidate(String userId, String groupId) {
    }

    public void claim(String taskId, String username) {
        guarded(() -> tasks.claim(taskId, username));
    }

    public void assign(String taskId, String username) {
        guarded(() -> tasks.setAssignee(taskId, username));
    }

    public void delegate(String taskId, String username) {
        guarded(() -> tasks.delegateTask(taskId, username));
    }

    public void resolve(String taskId) {
        guarded(() -> tasks.resolveTask(taskId));
    }

    public void complete(String taskId, String username, Map<String, Object> variables) {
        users.as(username, () -> {
            guarded(() -> tasks.complete(taskId, variables));
            return null;
        });
    }

    public void delete(String taskId, String reason) {
        tasks.deleteTask(taskId, reason);
    }

    public Object local(String taskId, String name) {
        return tasks.getVariableLocal(taskId, name);
    }

    public void setLocal(String taskId, String name, Object value) {
        tasks.setVariableLocal(taskId, name, value);
    }

    public void setLocals(String taskId, Map<String, ?> values) {
        tasks.setVariablesLocal(taskId, values);
    }

    /** A sub-task of {@code parent} for an added approver, owned by who added them. */
    public void addSubTask(EngineTask parent, String assignee, String username) {
        users.as(username, () -> {
            Task sub = tasks.newTask();
            sub.setParentTaskId(parent.id());
            sub.setName(parent.name());
            sub.setAssignee(assignee);
            sub.setOwner(username);
            sub.setDueDate(parent.due());
            tasks.saveTask(sub);
            return null;
        });
    }

    public void attach(EngineTask task, String username, String name, String contentType, byte[] content) {
        users.as(username, () -> tasks.createAttachment(contentType, task.id(), task.processInstanceId(), name,
                null, new ByteArrayInputStream(content)));
    }

    /** A file on the request itself, not on a task (evidence sent with the start form). */
    public void attachToInstance(String processInstanceId, String username, String name, String contentType,
                                 byte[] content) {
        users.as(username, () -> tasks.createAttachment(contentType, null, processInstanceId, name, null,
                new ByteArrayInputStream(content)));
    }

    public List<AttachmentInfo> attachments(String processInstanceId) {
        return tasks.getProcessInstanceAttachments(processInstanceId).stream()
                .map(a -> new AttachmentInfo(a.getId(), a.getName(), a.getTaskId(),
                        a.getCreateTime() == null ? null : a.getCreateTime().toInstant()))
                .toList();
    }

    /** An attachment's bytes if it belongs to the instance, else null. */
    public byte[] attachmentContent(String processInstanceId, String attachmentId) {
        Attachment a = tasks.getAttachment(attachmentId);
        if (a == null || !processInstanceId.equals(a.getProcessInstanceId())) {
            return null;
        }
        try (InputStream in = tasks.getAttachmentContent(attachmentId)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs an engine call; a concurrent change by someone else becomes a clear refusal. */
    public void guarded(Runnable call) {
        guarded(() -> {
            call.run();
            return null;
        });
    }

    public <T> T guarded(Supplier<T> call) {
        try {
            return call.get();
        } catch (OptimisticLockingException | TaskAlreadyClaimedException e) {
            throw new WorkflowException("workflow.error.taskTaken");
        } catch (RuntimeException e) {
            WorkflowException refusal = refusal(e);
            if (refusal != null) {
                throw refusal;
            }
            if (e instanceof ProcessEngineException && e.getMessage() != null
                    && e.getMessage().contains("Cannot find task")) {
                throw new WorkflowException("workflow.error.taskGone");
            }
            if (lostToAConcurrentTransaction(e)) {
                throw new WorkflowException("workflow.error.taskTaken");
            }
            throw e;
        }
    }

    /**
     * A refusal a process step raised while the call moved the instance on (a check before dispatch, say), however
     * the engine wrapped it: the user reads it as the step said it.
     */
    static WorkflowException refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof WorkflowException w) {
                return w;
            }
        }
        return null;
    }

    /**
     * A deadlock or lock-wait timeout, however wrapped (engine, MyBatis, Spring): the database rolled the
     * statement or the transaction back because someone else was changing the same rows.
     */
    static boolean lostToAConcurrentTransaction(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptimisticLockingException
                    || t instanceof org.springframework.dao.ConcurrencyFailureException
                    || t instanceof java.sql.SQLTransactionRollbackException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && (sql.getErrorCode() == 1213 || sql.getErrorCode() == 1205
                    || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    static EngineTask of(Task t) {
        return t == null ? null : new EngineTask(t.getId(), t.getParentTaskId(), t.getProcessInstanceId(),
                t.getProcessDefinitionId(), t.getTaskDefinitionKey(), t.getName(), t.getAssignee(), t.getOwner(),
                t.getDelegationState() == DelegationState.PENDING, t.getDueDate());
    }
}
