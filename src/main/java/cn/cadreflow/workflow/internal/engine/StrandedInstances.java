package cn.cadreflow.workflow.internal.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * After an upgrade, moves the running instances that their own definition version would strand to the latest
 * version of their process. Expressions resolve only the beans of the engine's bean map ({@link ProcessStepsBeans});
 * an older version that still calls a bean outside it (release 1's {@code trainingLeaveService},
 * {@code appraisalService}) fails at its instances' next expression. Activity ids did not change between the
 * versions, so such instances are migrated activity by activity. Older versions whose expressions all resolve keep
 * their instances: an administrator's later models must not move instances started on earlier ones. A plan or a
 * batch the engine refuses is logged and its instances stay where they are; the start-up never fails for it.
 */
@Component
class StrandedInstances {

    private static final Logger log = LoggerFactory.getLogger(StrandedInstances.class);
    /** Instances migrated per engine command (one transaction each). */
    static final int BATCH = 200;
    /** The body of a {@code ${…}} or {@code #{…}} expression. */
    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);
    /** A name at the start of a member access: {@code name.} not itself preceded by a dot. */
    private static final Pattern OWNER = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*)\\s*\\.");

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final ProcessEngineConfigurationImpl configuration;
    private final ApplicationContext context;

    StrandedInstances(RepositoryService repository, RuntimeService runtime,
                      ProcessEngineConfigurationImpl configuration, ApplicationContext context) {
        this.repository = repository;
        this.runtime = runtime;
        this.configuration = configuration;
        this.context = context;
    }

    /**
     * Runs once the application, and so the engine's deployment of the current models, has started. Looks only at
     * the definitions older than their key's latest version (a handful), each asked whether it has an instance
     * at all, so that a start never counts the running instances of every definition.
     */
    @EventListener(ApplicationReadyEvent.class)
    void migrate() {
        List<ProcessDefinition> all = repository.createProcessDefinitionQuery().list();
        Map<String, ProcessDefinition> latest = all.stream().collect(Collectors.toMap(ProcessDefinition::getKey,
                Function.identity(), (a, b) -> a.getVersion() >= b.getVersion() ? a : b));
        for (ProcessDefinition source : all) {
            ProcessDefinition target = latest.get(source.getKey());
            if (target.getVersion() <= source.getVersion()
                    || runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).count() == 0) {
                continue;
            }
            Set<String> unresolved = unresolvedBeans(source.getId());
            if (!unresolved.isEmpty()) {
                migrate(source, target, unresolved);
            }
        }
    }

    /**
     * The beans a definition's expressions call that the engine does not resolve: names before a {@code .} that
     * are not in the bean map and are either Spring beans or named like one ({@code …Service}, {@code …Steps}).
     * Process variables (an {@code execution.…}, a {@code decisionResult.…}) are neither, so they are not counted.
     */
    Set<String> unresolvedBeans(String definitionId) {
        String model = Bpmn.convertToString(repository.getBpmnModelInstance(definitionId));
        Set<String> unresolved = new TreeSet<>();
        Matcher expression = EXPRESSION.matcher(model);
        while (expression.find()) {
            Matcher owner = OWNER.matcher(expression.group(1).replaceAll("'[^']*'|\"[^\"]*\"", "''"));
            while (owner.find()) {
                String name = owner.group(1);
                if (!configuration.getBeans().containsKey(name) && (name.endsWith("Service")
                        || name.endsWith("Steps") || context.containsBean(name))) {
                    unresolved.add(name);
                }
            }
        }
        return unresolved;
    }

    private void migrate(ProcessDefinition source, ProcessDefinition target, Set<String> unresolved) {
        MigrationPlan plan;
        try {
            plan = runtime.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities()
                    .updateEventTriggers().build();
        } catch (ProcessEngineException e) {
            log.warn("The running instances of {} call {}, which no longer resolve, and cannot be migrated to {}; "
                    + "they stay on their version: {}", source.getId(), unresolved, target.getId(), e.getMessage());
            return;
        }
        List<String> ids = runtime.createProcessInstanceQuery().processDefinitionId(source.getId()).list().stream()
                .map(ProcessInstance::getId).toList();
        int moved = 0;
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<String> batch = ids.subList(from, Math.min(from + BATCH, ids.size()));
            try {
                runtime.newMigration(plan).processInstanceIds(batch).execute();
                moved += batch.size();
            } catch (ProcessEngineException e) {
                log.warn("{} instances of {} could not be migrated to {} and stay on their version: {}",
                        batch.size(), source.getId(), target.getId(), e.getMessage());
            }
        }
        log.info("Migrated {} of {} running instances of {} (calling {}) to {}", moved, ids.size(), source.getId(),
                unresolved, target.getId());
    }
}
