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
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.springframework.stereotype.Component;

import cn.cadreflow.workflow.MigrationPreview;
import cn.cadreflow.workflow.MigrationPreview.Mapping;
import cn.cadreflow.workflow.MigrationPreview.Unmapped;
import cn.cadreflow.workflow.MigrationResult;
import cn.cadreflow.workflow.ProcessMigrations;

/**
 * Instance migration over the engine's migration API: a plan of equal activities
 * ({@code createMigrationPlan(from, to).mapEqualActivities()}); an instance moves when every activity it is in
 * (waiting steps, multi-instance bodies, asynchronous transitions) has an instruction. Each instance migrates in a
 * command of its own, so one the engine refuses stays as it was and the others still move. The caller checks
 * that both ids are versions of the same process (an unknown id or twice the same is an argument error here).
 */
@Component
class EngineMigrations implements ProcessMigrations {

    private static final String MULTI_INSTANCE = "#multiInstanceBody";

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final EngineModels models;

    EngineMigrations(RepositoryService repository, RuntimeService runtime, EngineModels models) {
        this.repository = repository;
        this.runtime = runtime;
        this.models = models;
    }

    @Override
    public MigrationPreview preview(String fromDefinitionId, String toDefinitionId) {
        return survey(fromDefinitionId, toDefinitionId).preview;
    }

    @Override
    public MigrationResult migrate(String fromDefinitionId, String toDefinitionId) {
        Survey survey = survey(fromDefinitionId, toDefinitionId);
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

    private Survey survey(String fromId, String toId) {
        ProcessDefinition from = definition(fromId);
        ProcessDefinition to = definition(toId);
        if (from.getId().equals(to.getId())) {
            throw new IllegalArgumentException("the same version: " + fromId);
        }
        List<ProcessInstance> instances = runtime.createProcessInstanceQuery().processDefinitionId(fromId).list();
        MigrationPlan plan;
        try {
            plan = runtime.createMigrationPlan(fromId, toId).mapEqualActivities().build();
        } catch (ProcessEngineException e) {
            return new Survey(new MigrationPreview(List.of(), List.of(), instances.size(), 0, e.getMessage()), null,
                    List.of());
        }
        Map<String, String> targets = new LinkedHashMap<>();
        List<Mapping> mapped = new ArrayList<>();
        for (MigrationInstruction i : plan.getInstructions()) {
            targets.put(i.getSourceActivityId(), i.getTargetActivityId());
            if (!i.getSourceActivityId().endsWith(MULTI_INSTANCE)) {
                mapped.add(new Mapping(i.getSourceActivityId(), name(fromId, i.getSourceActivityId()),
                        i.getTargetActivityId(), name(toId, i.getTargetActivityId())));
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
                .map(e -> new Unmapped(e.getKey(), name(fromId, e.getKey()), e.getValue())).toList();
        return new Survey(new MigrationPreview(mapped, unmapped, instances.size(), movable.size(), null), plan,
                movable);
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

    private String name(String definitionId, String activityId) {
        String id = activityId.endsWith(MULTI_INSTANCE)
                ? activityId.substring(0, activityId.length() - MULTI_INSTANCE.length()) : activityId;
        return models.hasElement(definitionId, id) ? models.elementName(definitionId, id) : id;
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
