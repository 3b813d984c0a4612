package cn.cadreflow.workflow.internal.access;

import java.util.HashSet;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.cadreflow.workflow.WorkflowException;
import cn.cadreflow.workflow.internal.People;
import cn.cadreflow.workflow.internal.engine.EngineTask;
import cn.cadreflow.workflow.internal.engine.EngineTasks;

/**
 * Who may act on a task: its holder, or while nobody holds it, its candidates (users named on it and members
 * of its groups) except the person the task is about (回避). Refusals say why: gone, taken by someone else, or not
 * yours.
 */
@Component
public class TaskAccess {

    private final EngineTasks tasks;
    private final People people;
    private final Subjects subjects;

    TaskAccess(EngineTasks tasks, People people, Subjects subjects) {
        this.tasks = tasks;
        this.people = people;
        this.subjects = subjects;
    }

    /** The task, if this user holds it or, while nobody does, is one of its candidates. */
    public EngineTask accessible(String taskId, String username) {
        EngineTask task = tasks.active(taskId);
        if (task == null) {
            throw new WorkflowException("workflow.error.taskGone");
        }
        if (username.equals(task.assignee())) {
            return task;
        }
        boolean candidate;
        try {
            candidate = tasks.guarded(() -> isCandidate(task, username) && !subjects.isSubject(task, username));
        } catch (WorkflowException e) {
            throw e;
        } catch (RuntimeException e) {
            // finished by someone else between the two reads: the engine trips over the vanished execution
            if (!tasks.exists(taskId)) {
                throw new WorkflowException("workflow.error.taskGone");
            }
            throw e;
        }
        if (task.assignee() == null && candidate) {
            return task;
        }
        if (candidate) {
            throw new WorkflowException("workflow.error.taskTaken");
        }
        // Not (or no longer) offered to this user. If someone finished it in the meantime, the candidate links
        // read above were already gone: say so rather than "not your task".
        if (!tasks.exists(taskId)) {
            throw new WorkflowException("workflow.error.taskGone");
        }
        throw new WorkflowException("workflow.error.notYourTask");
    }

    /** The task, if this user holds it. */
    public EngineTask held(String taskId, String username) {
        EngineTask task = accessible(taskId, username);
        if (!username.equals(task.assignee())) {
            throw new WorkflowException("workflow.error.claimFirst");
        }
        return task;
    }

    /** The task, held by this user: an unclaimed one is claimed on the way. */
    public EngineTask heldOrClaimed(String taskId, String username) {
        EngineTask task = accessible(taskId, username);
        if (task.delegated()) {
            throw new WorkflowException("workflow.error.delegatedResolve");
        }
        claimIfOpen(task, username);
        return tasks.find(taskId);
    }

    public void claimIfOpen(EngineTask task, String username) {
        if (task.assignee() == null) {
            tasks.claim(task.id(), username);
        }
    }

    /** Whether the task was offered to candidates (so its holder may give it back). */
    public boolean hasCandidates(EngineTask task) {
        return !tasks.candidates(task.id()).isEmpty();
    }

    private boolean isCandidate(EngineTask task, String username) {
        Set<String> groups = new HashSet<>(people.groupIds(username));
        return tasks.candidates(task.id()).stream()
                .anyMatch(c -> username.equals(c.userId()) || groups.contains(c.groupId()));
    }
}
