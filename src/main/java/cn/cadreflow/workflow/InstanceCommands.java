package cn.cadreflow.workflow;

import java.util.Collection;
import java.util.Map;

/** What a person does on a whole request (a process instance); checked and recorded like {@link TaskCommands}. */
public interface InstanceCommands {

    /** 撤回: the starter or the last approver takes back their action while the next step is untouched. */
    void recall(String processInstanceId, String username, String reason);

    /**
     * 撤销: the starter cancels their own request in one step while it is still being approved; it ends at the
     * model's cancel end event ({@code cf.cancel}).
     */
    void cancel(String processInstanceId, String username, String reason);

    /** 催办: remind the people the request is waiting for. At most once per interval per person. */
    void urge(String processInstanceId, String username, String note);

    /** 终止: an HR officer over the request's unit, or an administrator, ends it with a reason. */
    void terminate(String processInstanceId, String username, String reason);

    /**
     * Delivers a message the instance's model waits for (an early recall, say), for a module's own command that has
     * already checked its actor; recorded in the trail as the actor's {@code action} (say {@link Action#CALL_BACK}), with
     * the note. False when the instance waits for no such message (it has moved on or ended).
     */
    boolean deliver(String processInstanceId, String messageName, Action action, String username, String note);

    /**
     * Hands the open steps {@code stepKeys} that {@code from} holds to {@code to} and sets {@code variables} on the
     * instance (so a later step the model assigns by them reaches {@code to} too), for a module's own command that
     * has already checked its actor and the target; recorded in the trail as the actor's {@link Action#REASSIGN}
     * with the reason. False when the instance has ended.
     */
    boolean reassign(String processInstanceId, Collection<String> stepKeys, String from, String to,
                     Map<String, Object> variables, String username, String reason);

    /**
     * A process's own reminder (a timer of its model): tells the people its open steps wait on that they are due,
     * at most one bell item per person and step, refreshed at each reminder.
     */
    void remind(String processInstanceId);

    /** 抄送: let others read the request (and be told about it). */
    void copyTo(String processInstanceId, String username, Collection<String> targets);
}
