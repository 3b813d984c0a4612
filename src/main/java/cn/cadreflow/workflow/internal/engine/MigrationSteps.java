package cn.cadreflow.workflow.internal.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;

import cn.cadreflow.workflow.MigrationPreview;
import cn.cadreflow.workflow.MigrationPreview.Problem;
import cn.cadreflow.workflow.MigrationPreview.Step;

/**
 * The steps of two process versions as a migration sees them: the steps an instance can wait in (activities,
 * catching events, event-based gateways), the administrator's hand-made mapping checked against them before the
 * engine sees it (unknown steps, different kinds, a multi-instance step to a single one), and the engine's own
 * refusals turned into problem codes the user reads in his language.
 */
final class MigrationSteps {

    static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";
    /** At most this many hand-made pairs; more is refused as a whole. */
    static final int MAX_PAIRS = 500;

    private final BpmnModelInstance from;
    private final BpmnModelInstance to;

    MigrationSteps(BpmnModelInstance from, BpmnModelInstance to) {
        this.from = from;
        this.to = to;
    }

    /** The steps of the old version with no step of the same id in the new one. */
    List<Step> sources() {
        return steps(from).stream().filter(s -> step(to, s.id()) == null).toList();
    }

    /** The steps of the new version. */
    List<Step> targets() {
        return steps(to);
    }

    /**
     * The hand-made pairs as engine instructions (a multi-instance step's body mapped along with it), or the
     * problems that forbid them.
     */
    Map<String, String> instructions(Map<String, String> mapping, List<Problem> problems) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (mapping.size() > MAX_PAIRS) {
            problems.add(new Problem(MigrationPreview.OTHER, null, null, null, null));
            return pairs;
        }
        mapping.forEach((sourceId, targetId) -> {
            FlowNode source = step(from, sourceId);
            FlowNode target = step(to, targetId);
            String code = source == null ? MigrationPreview.UNKNOWN_SOURCE
                    : target == null ? MigrationPreview.UNKNOWN_TARGET
                    : !source.getElementType().getTypeName().equals(target.getElementType().getTypeName())
                            ? MigrationPreview.INCOMPATIBLE
                    : multiInstance(source) != multiInstance(target) ? MigrationPreview.MULTI_INSTANCE : null;
            if (code != null) {
                problems.add(new Problem(code, sourceId, source == null ? sourceId : name(source), targetId,
                        target == null ? targetId : name(target)));
                return;
            }
            pairs.put(sourceId, targetId);
            if (multiInstance(source)) {
                pairs.put(sourceId + MULTI_INSTANCE_BODY, targetId + MULTI_INSTANCE_BODY);
            }
        });
        return pairs;
    }

    /** The engine's refusal of a plan, one problem per instruction and kind of failure. */
    List<Problem> problems(MigrationPlanValidationException e) {
        Set<Problem> problems = new LinkedHashSet<>();
        for (MigrationInstructionValidationReport report : e.getValidationReport().getInstructionReports()) {
            MigrationInstruction i = report.getMigrationInstruction();
            for (String failure : report.getFailures()) {
                problems.add(new Problem(code(failure), i.getSourceActivityId(), name(from, i.getSourceActivityId()),
                        i.getTargetActivityId(), name(to, i.getTargetActivityId())));
            }
        }
        if (problems.isEmpty()) {
            problems.add(new Problem(MigrationPreview.OTHER, null, null, null, null));
        }
        return new ArrayList<>(problems);
    }

    /** The kind of an engine failure text (the engine gives no code of its own). */
    static String code(String failure) {
        String f = failure == null ? "" : failure.toLowerCase(java.util.Locale.ROOT);
        if (f.contains("incompatible types") || f.contains("not of the same type")) {
            return MigrationPreview.INCOMPATIBLE;
        }
        if (f.contains("source activity") && f.contains("does not exist")) {
            return MigrationPreview.UNKNOWN_SOURCE;
        }
        if (f.contains("target activity") && f.contains("does not exist")) {
            return MigrationPreview.UNKNOWN_TARGET;
        }
        if (f.contains("multiple mappings") || f.contains("only one gateway")) {
            return MigrationPreview.TWICE;
        }
        if (f.contains("multi-instance")) {
            return MigrationPreview.MULTI_INSTANCE;
        }
        if (f.contains("incoming sequence flows")) {
            return MigrationPreview.GATEWAY;
        }
        if (f.contains("event trigger") || f.contains("conditional event")) {
            return MigrationPreview.EVENT;
        }
        if (f.contains("scope") || f.contains("ancestor")) {
            return MigrationPreview.SCOPE;
        }
        if (f.contains("not supported")) {
            return MigrationPreview.UNSUPPORTED;
        }
        return MigrationPreview.OTHER;
    }

    String sourceName(String activityId) {
        return name(from, activityId);
    }

    String targetName(String activityId) {
        return name(to, activityId);
    }

    private static String name(BpmnModelInstance model, String activityId) {
        if (activityId == null) {
            return null;
        }
        String id = activityId.endsWith(MULTI_INSTANCE_BODY)
                ? activityId.substring(0, activityId.length() - MULTI_INSTANCE_BODY.length()) : activityId;
        return model.getModelElementById(id) instanceof FlowNode node ? name(node) : id;
    }

    private static String name(FlowNode node) {
        return node.getName() == null || node.getName().isBlank() ? node.getId() : node.getName();
    }

    private static List<Step> steps(BpmnModelInstance model) {
        return model.getModelElementsByType(FlowNode.class).stream().filter(MigrationSteps::waits)
                .map(n -> new Step(n.getId(), name(n), n.getElementType().getTypeName())).toList();
    }

    private static FlowNode step(BpmnModelInstance model, String id) {
        return id != null && id.length() <= 255 && model.getModelElementById(id) instanceof FlowNode node
                && waits(node) ? node : null;
    }

    private static boolean waits(FlowNode node) {
        return node instanceof Activity || node instanceof IntermediateCatchEvent || node instanceof BoundaryEvent
                || node instanceof EventBasedGateway;
    }

    private static boolean multiInstance(FlowNode node) {
        return node instanceof Activity a && a.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics;
    }
}
