package cn.cadreflow.workflow.internal.model;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.cadreflow.workflow.FormDefinition;
import cn.cadreflow.workflow.WorkflowViews.Refusal;
import cn.cadreflow.workflow.WorkflowViews.Step;
import cn.cadreflow.workflow.WorkflowViews.StepKind;
import cn.cadreflow.workflow.internal.engine.EngineDefinition;
import cn.cadreflow.workflow.internal.engine.EngineInstances;
import cn.cadreflow.workflow.internal.engine.EngineModels;
import cn.cadreflow.workflow.internal.engine.EngineTask;

/**
 * What the BPMN model says about its steps, for every process alike: the kind of each user task (its
 * {@code cf.kind} property: approval, revise or form), whether a form step keeps its values on the task
 * ({@code cf.local}), whether its actors stay anonymous ({@code cf.anonymous}), what 不同意 does on an approval step
 * ({@code cf.reject}), the end event 撤销 leads to ({@code cf.cancel}), the starter's revise step, the earlier steps
 * a task may go back to, and the forms.
 */
@Component
public class ProcessModel {

    static final String KIND_PROPERTY = "cf.kind";
    /** On a form step: keep the submitted values on the task (one rater of many), not on the instance. */
    static final String LOCAL_PROPERTY = "cf.local";
    /** On a step many people act on (民主测评): who acted, and who has not yet, is shown to nobody. */
    static final String ANONYMOUS_PROPERTY = "cf.anonymous";
    /**
     * On an approval step: what 不同意 does, as the model routes it: {@code end} (the request ends) or the id of
     * the step it goes back to (the starter's revise step, say).
     */
    static final String REJECT_PROPERTY = "cf.reject";
    static final String REJECT_ENDS = "end";
    /** On an end event: the one 撤销 leads to (the starter cancels the request in one step). */
    static final String CANCEL_PROPERTY = "cf.cancel";
    /**
     * On a process: its requests are confidential (a 容错纠错 case): seen only by those the model and the HR scope
     * name, so nobody may copy (抄送) them to anyone else.
     */
    static final String CONFIDENTIAL_PROPERTY = "cf.confidential";

    private final EngineModels models;
    private final EngineInstances instances;

    ProcessModel(EngineModels models, EngineInstances instances) {
        this.models = models;
        this.instances = instances;
    }

    public EngineDefinition definition(String definitionId) {
        return models.definition(definitionId);
    }

    /** The process key of a definition. */
    public String keyOf(String definitionId) {
        return definition(definitionId).key();
    }

    public StepKind kindOf(String definitionId, String stepKey) {
        String kind = models.property(definitionId, stepKey, KIND_PROPERTY);
        return kind == null ? StepKind.APPROVAL : StepKind.valueOf(kind.toUpperCase(Locale.ROOT));
    }

    /** How a task is handled: an added approver's sub-task always approves; otherwise its step's kind. */
    public StepKind kindOf(EngineTask task) {
        return task.parentTaskId() != null ? StepKind.APPROVAL : kindOf(task.definitionId(), task.stepKey());
    }

    /** Whether a form step keeps the submitted values on its task rather than on the instance. */
    public boolean keepsValuesOnTask(String definitionId, String stepKey) {
        return "true".equals(models.property(definitionId, stepKey, LOCAL_PROPERTY));
    }

    /** Whether the step is anonymous: its actors are never named, only counted. */
    public boolean isAnonymous(String definitionId, String stepKey) {
        return stepKey != null && !stepKey.isEmpty()
                && "true".equals(models.property(definitionId, stepKey, ANONYMOUS_PROPERTY));
    }

    /** Whether the process's requests are confidential ({@code cf.confidential} on the process). */
    public boolean isConfidential(String definitionId) {
        return "true".equals(models.processProperty(definitionId, CONFIDENTIAL_PROPERTY));
    }

    /** The first user task in the model where the starter revises their request, if there is one. */
    public String reviseStep(String definitionId) {
        return models.userTaskIds(definitionId).stream()
                .filter(id -> kindOf(definitionId, id) == StepKind.REVISE).findFirst().orElse(null);
    }

    /**
     * What 不同意 does on an approval step: ends the request, or returns it to the step the model names; null when
     * the model does not say.
     */
    public Refusal refusal(String definitionId, String stepKey) {
        String value = models.property(definitionId, stepKey, REJECT_PROPERTY);
        if (value == null || value.isBlank()) {
            return null;
        }
        if (REJECT_ENDS.equals(value)) {
            return new Refusal(true, null);
        }
        return hasElement(definitionId, value) ? new Refusal(false, new Step(value, nameOf(definitionId, value)))
                : null;
    }

    /** The end event 撤销 leads to, or null when the model has none (the starter cannot cancel it). */
    public String cancelEnd(String definitionId) {
        return models.endEventIds(definitionId).stream()
                .filter(id -> "true".equals(models.property(definitionId, id, CANCEL_PROPERTY))).findFirst()
                .orElse(null);
    }

    /** An element's name (its id when unnamed). */
    public String nameOf(String definitionId, String elementId) {
        return models.elementName(definitionId, elementId);
    }

    public boolean hasElement(String definitionId, String elementId) {
        return models.hasElement(definitionId, elementId);
    }

    public String startEventId(String definitionId) {
        return models.startEventId(definitionId);
    }

    /**
     * Where 退回修改 may send a task: the starter's revise step (the applicant) when the model has one, then the
     * earlier user steps of the instance that were completed, in the order they first happened.
     */
    public List<Step> returnTargets(EngineTask task) {
        Map<String, Step> steps = new LinkedHashMap<>();
        String revise = reviseStep(task.definitionId());
        if (revise != null && !revise.equals(task.stepKey())) {
            steps.put(revise, new Step(revise, nameOf(task.definitionId(), revise)));
        }
        for (Step s : instances.finishedUserSteps(task.processInstanceId())) {
            if (!s.key().equals(task.stepKey())) {
                steps.putIfAbsent(s.key(), s);
            }
        }
        return List.copyOf(steps.values());
    }

    /** The definition's start form, or null. */
    public FormDefinition startForm(EngineDefinition definition) {
        return parse(models.startForm(definition.id()));
    }

    /** The form of a task's step, or null. */
    public FormDefinition taskForm(EngineTask task) {
        return parse(models.taskForm(task.id()));
    }

    /** The form of a step of a definition, for a task that has ended; null when it has none. */
    public FormDefinition stepForm(String definitionId, String stepKey) {
        return stepKey == null ? null : parse(models.stepForm(definitionId, stepKey));
    }

    private static FormDefinition parse(byte[] form) {
        return form == null ? null : FormDefinition.parse(new ByteArrayInputStream(form));
    }
}
