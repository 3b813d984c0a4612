package cn.cadreflow.workflow.internal.query;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import cn.cadreflow.workflow.TaskFilter;
import cn.cadreflow.workflow.UserDirectory;
import cn.cadreflow.workflow.WorkflowViews;
import cn.cadreflow.workflow.internal.engine.EngineDefinition;
import cn.cadreflow.workflow.internal.engine.EngineModels;
import cn.cadreflow.workflow.internal.model.ProcessModel;

/**
 * The task centre's lists, read from the wf_task model: 待办 (mine and my groups' unclaimed), 待签 (only
 * the unclaimed ones), 已办 (completed by me). Paged in the database, filtered and sorted there too.
 */
@Service
public class TaskLists {

    public enum Box { TODO, CLAIMABLE, DONE }

    private final TaskIndexMapper index;
    private final UserDirectory directory;
    private final EngineModels models;
    private final ProcessModel model;
    private final Clock clock;

    TaskLists(TaskIndexMapper index, UserDirectory directory, EngineModels models, ProcessModel model, Clock clock) {
        this.index = index;
        this.directory = directory;
        this.models = models;
        this.model = model;
        this.clock = clock;
    }

    public List<TaskRow> list(String user, Box box, TaskFilter filter, int offset, int limit) {
        Instant now = clock.instant();
        TaskFilter f = filter == null ? TaskFilter.NONE : filter;
        if (box == Box.DONE) {
            return index.done(user, f, now, f.soonLimit(now), offset, limit);
        }
        return index.todo(user, candidateKeys(user), box == Box.CLAIMABLE, f, now, f.soonLimit(now), offset, limit,
                offset + limit);
    }

    public long count(String user, Box box, TaskFilter filter) {
        Instant now = clock.instant();
        TaskFilter f = filter == null ? TaskFilter.NONE : filter;
        if (box == Box.DONE) {
            return index.countDone(user, f, now, f.soonLimit(now));
        }
        return index.countTodo(user, candidateKeys(user), box == Box.CLAIMABLE, f, now, f.soonLimit(now), 0);
    }

    /**
     * The open tasks of these process instances, in one query: for a process's own reports, which join them to
     * their records in memory. Callers pass a bounded batch of ids (a thousand or so) per call.
     */
    public List<TaskRow> openTasks(Collection<String> processInstanceIds) {
        return processInstanceIds.isEmpty() ? List.of() : index.openOfInstances(processInstanceIds);
    }

    /** Rows with the names a person reads: process, starter. */
    public List<WorkflowViews.TaskSummary> summaries(List<TaskRow> rows) {
        Map<String, String> people = new HashMap<>();
        Map<String, String> processes = new HashMap<>();
        Map<String, WorkflowViews.StepKind> kinds = new HashMap<>();
        List<WorkflowViews.TaskSummary> result = new ArrayList<>(rows.size());
        for (TaskRow t : rows) {
            String starterName = t.starter() == null ? null : people.computeIfAbsent(t.starter(),
                    u -> directory.user(u).map(UserDirectory.DirectoryUser::name).orElse(u));
            String processName = t.processKey() == null ? null : processes.computeIfAbsent(t.processKey(),
                    this::processName);
            result.add(new WorkflowViews.TaskSummary(t.taskId(), t.name(), t.stepKey(), t.processKey(), processName,
                    t.processInstanceId(), t.starter(), starterName, t.createdAt(), t.dueAt(), t.assignee(),
                    t.owner(), t.parentTaskId(), t.cadreName(), t.businessKey(), t.endedAt(),
                    kinds.computeIfAbsent(t.processKey() + "/" + t.stepKey(), k -> kindOf(t)), about(t)));
        }
        return result;
    }

    /** What a row's task is about: the subject's name and its process's summary line, as kept on the task. */
    public static WorkflowViews.About about(TaskRow t) {
        return new WorkflowViews.About(t.cadreName(), t.summaryKey(), t.summaryArgList());
    }

    /** How a listed task is handled: an added approver's task approves; otherwise as its step in the latest model. */
    private WorkflowViews.StepKind kindOf(TaskRow t) {
        if (t.parentTaskId() != null) {
            return WorkflowViews.StepKind.APPROVAL;
        }
        EngineDefinition definition = t.processKey() == null ? null : models.latest(t.processKey());
        return definition == null || t.stepKey() == null ? WorkflowViews.StepKind.APPROVAL
                : model.kindOf(definition.id(), t.stepKey());
    }

    /** A unit the user's tasks can be narrowed to. */
    public record UnitOption(Long id, String name) {
    }

    /** Units of the user's scoped groups (the units they lead or manage as HR), for the unit filter. */
    public List<UnitOption> units(String user) {
        return directory.groupsOf(user).stream().filter(g -> g.unitId() != null)
                .map(g -> new UnitOption(g.unitId(), g.name())).distinct().toList();
    }

    /** A unit chosen in the filter stands for itself and every unit below it. */
    public List<Long> unitAndBelow(long unitId) {
        return directory.unitAndBelow(unitId);
    }

    /** Processes that can appear in lists: the latest version of each deployed process. */
    public List<WorkflowViews.StartOption> processes() {
        return models.latest().stream().map(d -> new WorkflowViews.StartOption(d.key(), d.id(), d.name())).toList();
    }

    /** The keys under which the user's candidate tasks are indexed: their groups and their own id. */
    List<String> candidateKeys(String user) {
        List<String> keys = new ArrayList<>();
        directory.groupsOf(user).forEach(g -> keys.add(g.id()));
        keys.add(TaskRow.USER_PREFIX + user);
        return keys;
    }

    private String processName(String key) {
        EngineDefinition def = models.latest(key);
        return def == null ? key : def.name();
    }
}
