package cn.cadreflow.workflow.internal.task;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cadreflow.workflow.FormDefinition;
import cn.cadreflow.workflow.WorkflowException;
import cn.cadreflow.workflow.WorkflowViews.StepKind;
import cn.cadreflow.workflow.internal.access.TaskAccess;
import cn.cadreflow.workflow.internal.access.TaskRules;
import cn.cadreflow.workflow.internal.engine.EngineTask;
import cn.cadreflow.workflow.internal.model.ProcessModel;

/**
 * 暂存 on a form step (a long 述职, say): the values typed so far, kept for this task and user without completing
 * the task, and given back when the user opens the task again. Saving and reading check the user exactly as
 * completing does (a task out of reach reads as one that does not exist); completing the task or its ending
 * otherwise deletes its drafts ({@code TaskProjection}). A draft keeps only the form's own editable fields, as
 * plain values, and is refused when larger than {@link #MAX_BYTES}.
 */
@Service
public class TaskDrafts {

    /** The most a draft holds, in bytes of UTF-8 JSON: what a MariaDB BLOB keeps. */
    public static final int MAX_BYTES = 65_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DraftMapper drafts;
    private final TaskAccess access;
    private final TaskRules rules;
    private final ProcessModel model;
    private final Clock clock;

    TaskDrafts(DraftMapper drafts, TaskAccess access, TaskRules rules, ProcessModel model, Clock clock) {
        this.drafts = drafts;
        this.access = access;
        this.rules = rules;
        this.model = model;
        this.clock = clock;
    }

    /** A restored draft: the values and when they were saved. */
    public record Draft(Map<String, Object> values, Instant savedAt) {
    }

    /** Saves what the user typed so far on a form step they may complete; returns when it was saved. */
    @Transactional
    public Instant save(String taskId, String username, Map<String, ?> submitted) {
        EngineTask task = access.accessible(taskId, username);
        rules.requireKind(task, StepKind.FORM);
        FormDefinition form = model.taskForm(task);
        Map<String, Object> kept = new LinkedHashMap<>();
        if (form != null) {
            for (FormDefinition.FormField field : form.inputs()) {
                Object v = submitted.get(field.key());
                if (!field.readonly() && (v instanceof String || v instanceof Number || v instanceof Boolean)) {
                    kept.put(field.key(), v);
                }
            }
        }
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsString(kept).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (bytes.length > MAX_BYTES) {
            throw new WorkflowException("workflow.error.draftTooLarge");
        }
        Instant now = clock.instant();
        if (drafts.update(taskId, username, bytes, now) == 0) {
            drafts.insert(taskId, username, bytes, now);
        }
        return now;
    }

    /** The user's draft of a task they may complete, or null when there is none. */
    public Draft find(String taskId, String username) {
        access.accessible(taskId, username);
        DraftMapper.DraftRow row = drafts.find(taskId, username);
        if (row == null) {
            return null;
        }
        try {
            Map<String, Object> values = JSON.readValue(new String(row.formValues(), StandardCharsets.UTF_8),
                    new TypeReference<Map<String, Object>>() { });
            return new Draft(values, row.savedAt());
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable draft of task " + taskId, e);
        }
    }

    /** The task's drafts go: it was completed or has ended otherwise. */
    public void taskEnded(String taskId) {
        drafts.deleteForTask(taskId);
    }
}
