package cn.cadreflow.workflow.internal.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionBuilder;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.springframework.stereotype.Component;

import cn.cadreflow.workflow.MigrationPreview;
import cn.cadreflow.workflow.MigrationPreview.Mapping;
import cn.cadreflow.workflow.MigrationPreview.Problem;
import cn.cadreflow.workflow.MigrationPreview.Unmapped;
import cn.cadreflow.workflow.MigrationRefusedException;
import cn.cadreflow.workflow.MigrationResult;
import cn.cadreflow.workflow.ProcessMigrations;

/**
 * Instance migration over the engine's migration API: a plan of equal activities
 * ({@code createMigrationPlan(from, to).mapEqualActivities()}) with the administrator's hand-made pairs
 * ({@code mapActivities(source, target)}) in addition or instead, checked first by {@link MigrationSteps} (unknown
 * steps, different kinds) and then by the engine, whose refusals become problem codes; an instance moves when every activity it is in
 * (waiting steps, multi-instance bodies, asynchronous transitions) has an instruction. Each instance migrates in a
 * command of its own, so one the engine refuses stays as it was and the others still move. The caller checks
 * that both ids are versions of the same process (an unknown id or twice the same is an argument error here).
 */
@Component
class EngineMigrations implements ProcessMigrations {

    private static final String MULTI_INSTANCE = "#multiInstanceBody";

    private final RepositoryService repository;
    private final RuntimeService runtime;
    EngineMigrations(RepositoryService repository, RuntimeService runtime) {
        this.repository = repository;
        this.runtime = runtime;
    }

    @Override
    public MigrationPreview preview(String fromDefinitionId, String toDefinitionId, Map<String, String> mapping) {
        return survey(fromDefinitionId, toDefinitionId, mapping).preview;
    }

    @Override
    public MigrationResult migrate(String fromDefinitionId, String toDefinitionId, Map<String, String> mapping) {
        Survey survey = survey(fromDefinitionId, toDefinitionId, mapping);
        if (!survey.preview.planned()) {
            throw new MigrationRefusedException(survey.preview.problems());
        }
        long moved = 0;
        List<String> refused = new ArrayList<>();
        for (String instanceId : survey.movable) {
            try {
                runtime.newMigration(survey.plan).processInstanceIds(instanceId).execute();
                moved++;
            } catch (ProcessEngineException e) {
                refused.add(instanceId);
            }
        }
        return new MigrationResult(moved, survey.preview.running() - moved, refused);
    }

    private record Survey(MigrationPreview preview, MigrationPlan plan, List<String> movable) {
    }

    private Survey survey(String fromId, String toId, Map<String, String> mapping) {
        ProcessDefinition from = definition(fromId);
        ProcessDefinition to = definition(toId);
        if (from.getId().equals(to.getId())) {
            throw new IllegalArgumentException("the same version: " + fromId);
        }
        MigrationSteps steps = new MigrationSteps(repository.getBpmnModelInstance(fromId),
                repository.getBpmnModelInstance(toId));
        List<ProcessInstance> instances = runtime.createProcessInstanceQuery().processDefinitionId(fromId).list();
        List<Problem> problems = new ArrayList<>();
        Map<String, String> byHand = steps.instructions(mapping == null ? Map.of() : mapping, problems);
        MigrationPlan plan = null;
        if (problems.isEmpty()) {
            try {
                plan = plan(fromId, toId, byHand);
            } catch (MigrationPlanValidationException e) {
                problems.addAll(steps.problems(e));
            } catch (ProcessEngineException e) {
                problems.add(new Problem(MigrationPreview.OTHER, null, null, null, null));
            }
        }
        if (plan == null) {
            return new Survey(new MigrationPreview(List.of(), List.of(), instances.size(), 0, problems,
                    steps.sources(), steps.targets()), null, List.of());
        }
        Map<String, String> targets = new LinkedHashMap<>();
        List<Mapping> mapped = new ArrayList<>();
        for (MigrationInstruction i : plan.getInstructions()) {
            targets.put(i.getSourceActivityId(), i.getTargetActivityId());
            if (!i.getSourceActivityId().endsWith(MULTI_INSTANCE)) {
                mapped.add(new Mapping(i.getSourceActivityId(), steps.sourceName(i.getSourceActivityId()),
                        i.getTargetActivityId(), steps.targetName(i.getTargetActivityId())));
            }
        }
        Map<String, Long> stuck = new LinkedHashMap<>();
        List<String> movable = new ArrayList<>();
        for (ProcessInstance instance : instances) {
            Set<String> active = new HashSet<>();
            ActivityInstance tree = runtime.getActivityInstance(instance.getId());
            if (tree != null) {
                collect(tree, active);
            }
            active.removeAll(targets.keySet());
            if (active.isEmpty()) {
                movable.add(instance.getId());
            } else {
                active.forEach(a -> stuck.merge(a, 1L, Long::sum));
            }
        }
        List<Unmapped> unmapped = stuck.entrySet().stream()
                .map(e -> new Unmapped(e.getKey(), steps.sourceName(e.getKey()), e.getValue())).toList();
        return new Survey(new MigrationPreview(mapped, unmapped, instances.size(), movable.size(), List.of(),
                steps.sources(), steps.targets()), plan, movable);
    }

    /**
     * The plan of equal activities, with the hand-made pairs in addition to or instead of the equal ones (one
     * instruction per source step; an equal pair's event trigger setting is kept).
     */
    private MigrationPlan plan(String fromId, String toId, Map<String, String> byHand) {
        MigrationPlan equal = runtime.createMigrationPlan(fromId, toId).mapEqualActivities().build();
        if (byHand.isEmpty()) {
            return equal;
        }
        Map<String, Boolean> update = new LinkedHashMap<>();
        Map<String, String> pairs = new LinkedHashMap<>();
        for (MigrationInstruction i : equal.getInstructions()) {
            pairs.put(i.getSourceActivityId(), i.getTargetActivityId());
            update.put(i.getSourceActivityId(), i.isUpdateEventTrigger());
        }
        byHand.forEach((source, target) -> {
            pairs.put(source, target);
            update.remove(source);
        });
        MigrationPlanBuilder builder = runtime.createMigrationPlan(fromId, toId);
        for (Map.Entry<String, String> pair : pairs.entrySet()) {
            MigrationInstructionBuilder instruction = builder.mapActivities(pair.getKey(), pair.getValue());
            builder = Boolean.TRUE.equals(update.get(pair.getKey())) ? instruction.updateEventTrigger() : instruction;
        }
        return builder.build();
    }

    /** Every activity below the process instance itself. */
    private static void collect(ActivityInstance scope, Set<String> into) {
        for (ActivityInstance child : scope.getChildActivityInstances()) {
            into.add(child.getActivityId());
            collect(child, into);
        }
        for (TransitionInstance t : scope.getChildTransitionInstances()) {
            into.add(t.getActivityId());
        }
    }

    private ProcessDefinition definition(String id) {
        ProcessDefinition d = id == null ? null
                : repository.createProcessDefinitionQuery().processDefinitionId(id).singleResult();
        if (d == null) {
            throw new IllegalArgumentException("no such process version: " + id);
        }
        return d;
    }
}
