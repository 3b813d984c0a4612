package cn.cadreflow.workflow;

import java.util.Collection;
import java.util.List;

import cn.cadreflow.workflow.WorkflowViews.AttachmentInfo;
import cn.cadreflow.workflow.WorkflowViews.Copy;
import cn.cadreflow.workflow.WorkflowViews.Diagram;
import cn.cadreflow.workflow.WorkflowViews.HandledTask;
import cn.cadreflow.workflow.WorkflowViews.InstanceDetail;
import cn.cadreflow.workflow.WorkflowViews.InstanceSummary;
import cn.cadreflow.workflow.WorkflowViews.OpenTask;
import cn.cadreflow.workflow.WorkflowViews.TaskDetail;
import cn.cadreflow.workflow.WorkflowViews.TaskSummary;

/** Reading tasks and requests back, each only for someone who may see it. */
public interface WorkflowQueries {

    long countInbox(String username);

    /** 待办, newest first: tasks held by the user and unclaimed tasks of their groups. */
    List<TaskSummary> inbox(String username, int offset, int limit);

    TaskDetail task(String taskId, String username);

    /**
     * A task that has ended, read-only, for someone who may see its request (an anonymous step's only for its rater);
     * "workflow.error.taskGone" for anyone else, as for a task that does not exist.
     */
    HandledTask handledTask(String taskId, String username);

    long countCopies(String username, boolean unreadOnly);

    /** 抄送我的, newest first. */
    List<Copy> copies(String username, int offset, int limit);

    long countStarted(String username);

    /** 我发起的, newest first. */
    List<InstanceSummary> started(String username, int offset, int limit);

    /** A request with its values, timeline and open steps; reading it marks a copy of it read. */
    InstanceDetail instance(String processInstanceId, String username);

    /** The BPMN of the instance with the steps already passed and the steps now open. */
    Diagram diagram(String processInstanceId, String username);

    List<AttachmentInfo> attachments(String processInstanceId, String username);

    /** An attachment's bytes, for someone who may read its request. */
    byte[] attachmentContent(String processInstanceId, String attachmentId, String username);

    /** The groups (roles, scoped roles) a user belongs to. */
    List<String> groupIds(String username);

    /** Everybody a task can be handed to, copied to or shared with. */
    List<UserDirectory.DirectoryUser> people();

    /**
     * The timeline of a request for a module's own view of its record, oldest first. Scope is the caller's: it asks
     * only for instances of records the reader may see.
     */
    List<TimelineEntry> timelineOf(String processInstanceId);

    /**
     * The files on a request (evidence sent with the start form, files attached at its steps) for a module's own view
     * of its record, oldest first. Scope is the caller's, as for {@link #timelineOf}.
     */
    List<AttachmentInfo> attachmentsOf(String processInstanceId);

    /** A file's bytes for a module's own view of its record (scope is the caller's); refused if not of the request. */
    byte[] attachmentContentOf(String processInstanceId, String attachmentId);

    /**
     * The open tasks of these process instances, in one query, for a process's own reports (which join them to
     * their records in memory). Scope is the caller's: it passes only instances of records the actor may see.
     * Callers pass a bounded batch of ids (a thousand or so) per call.
     */
    List<OpenTask> openTasks(Collection<String> processInstanceIds);
}
