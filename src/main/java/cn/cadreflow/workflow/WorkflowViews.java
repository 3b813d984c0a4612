package cn.cadreflow.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the workflow facade hands to views: plain data, no engine types. */
public final class WorkflowViews {

    private WorkflowViews() {
    }

    /** How the generic task view treats a user task, from its {@code cf.kind} property in the BPMN. */
    public enum StepKind {
        /** 通过 / 不通过 with an opinion; the form is shown read-only. */
        APPROVAL,
        /** The starter revises and resubmits, or withdraws. */
        REVISE
    }

    public record StartOption(String processKey, String definitionId, String name) {
    }

    public record StartForm(String processKey, String name, FormDefinition form, Map<String, Object> known) {
    }

    public record TaskSummary(String taskId, String name, String stepKey, String processKey, String processName,
                              String processInstanceId, String starter, String starterName, Instant created,
                              Instant due, String assignee) {
    }

    public record TaskDetail(TaskSummary summary, StepKind kind, FormDefinition form, Map<String, Object> values) {
    }

    public record InstanceSummary(String processInstanceId, String processKey, String processName,
                                  String businessKey, Instant started, Instant ended, String outcomeKey,
                                  String outcomeName, List<String> currentSteps) {
        public boolean running() {
            return ended == null;
        }
    }

    public record InstanceDetail(InstanceSummary summary, String starterName, FormDefinition form,
                                 Map<String, Object> values, List<TimelineEntry> timeline,
                                 List<PendingStep> pending) {
    }

    /** A step waiting for someone: its assignee, or the people who may take it. */
    public record PendingStep(String stepKey, String stepName, List<String> people, Instant since) {
    }

    public record Diagram(String xml, Set<String> completed, Set<String> active) {
    }
}
