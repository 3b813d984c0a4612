package cn.cadreflow.workflow.internal.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cadreflow.workflow.ModelIncident;
import cn.cadreflow.workflow.ModelProblem;
import cn.cadreflow.workflow.ModelRejected;
import cn.cadreflow.workflow.ModelVersion;
import cn.cadreflow.workflow.ModelVersion.Kind;
import cn.cadreflow.workflow.ProcessLibrary;
import cn.cadreflow.workflow.ProcessSteps;
import cn.cadreflow.workflow.internal.guard.ModelGuard;

/**
 * The process library over the engine's repository. {@link #deploy} is the one way a model reaches the engine
 * after start-up, and it runs the {@link ModelGuard} first; a process is deployed with the latest library copy of
 * each form and decision it names, so that its {@code deployment} bindings find them.
 */
@Component
class EngineLibrary implements ProcessLibrary {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FAILED_JOB = "failedJob";

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final EngineModels models;
    private final ApplicationContext context;
    private final long maxBytes;

    EngineLibrary(RepositoryService repository, RuntimeService runtime, ManagementService management,
                  EngineModels models, ApplicationContext context,
                  @Value("${cadreflow.library.max-file-kb:2048}") long maxKb) {
        this.repository = repository;
        this.runtime = runtime;
        this.management = management;
        this.models = models;
        this.context = context;
        this.maxBytes = maxKb * 1024;
    }

    @Override
    public List<ModelVersion> versions() {
        Map<String, Deployment> deployments = new HashMap<>();
        repository.createDeploymentQuery().list().forEach(d -> deployments.put(d.getId(), d));
        List<ModelVersion> all = new ArrayList<>();
        for (ProcessDefinition p : repository.createProcessDefinitionQuery().list()) {
            all.add(new ModelVersion(Kind.PROCESS, p.getId(), p.getKey(), p.getName(), p.getVersion(),
                    p.getResourceName(), p.getDeploymentId(), time(deployments.get(p.getDeploymentId())),
                    runtime.createProcessInstanceQuery().processDefinitionId(p.getId()).count(), p.isSuspended()));
        }
        for (DecisionDefinition d : repository.createDecisionDefinitionQuery().list()) {
            all.add(new ModelVersion(Kind.DECISION, d.getId(), d.getKey(), d.getName(), d.getVersion(),
                    d.getResourceName(), d.getDeploymentId(), time(deployments.get(d.getDeploymentId())), 0, false));
        }
        all.addAll(forms(deployments));
        all.sort(Comparator.comparing(ModelVersion::kind).thenComparing(ModelVersion::key)
                .thenComparing(ModelVersion::version, Comparator.reverseOrder()));
        return all;
    }

    /** Forms have no query in the engine's API: each deployment's .form resources, numbered by deployment. */
    private List<ModelVersion> forms(Map<String, Deployment> deployments) {
        List<Deployment> byTime = deployments.values().stream()
                .sorted(Comparator.comparing(Deployment::getDeploymentTime).thenComparing(Deployment::getId)).toList();
        Map<String, Integer> versions = new HashMap<>();
        List<ModelVersion> forms = new ArrayList<>();
        for (Deployment d : byTime) {
            for (String resource : repository.getDeploymentResourceNames(d.getId())) {
                if (resource.endsWith(".form")) {
                    String key = formId(read(d.getId(), resource));
                    int version = versions.merge(key, 1, Integer::sum);
                    forms.add(new ModelVersion(Kind.FORM, d.getId() + "/" + resource, key, key, version, resource,
                            d.getId(), time(d), 0, false));
                }
            }
        }
        return forms;
    }

    @Override
    public byte[] content(ModelVersion version) {
        return read(version.deploymentId(), version.resourceName());
    }

    @Override
    public List<ModelProblem> check(String fileName, byte[] content) {
        Set<String> forms = new HashSet<>();
        Set<String> decisions = new HashSet<>();
        for (ModelVersion v : versions()) {
            (v.kind() == Kind.FORM ? forms : decisions).add(v.key());
        }
        return new ModelGuard(maxBytes, facades(), forms::contains, decisions::contains).check(fileName, content);
    }

    @Override
    public String deploy(String fileName, byte[] content) {
        List<ModelProblem> problems = check(fileName, content);
        if (!problems.isEmpty()) {
            throw new ModelRejected(problems);
        }
        DeploymentBuilder builder = repository.createDeployment().name(fileName).source("CadreFlow library")
                .addInputStream(fileName, new ByteArrayInputStream(content));
        if (fileName.endsWith(".bpmn")) {
            Set<String> added = new HashSet<>(Set.of(fileName));
            List<ModelVersion> library = versions();
            for (String ref : ModelGuard.references(content)) {
                library.stream().filter(v -> v.kind() != Kind.PROCESS && v.key().equals(ref)).findFirst()
                        .filter(v -> added.add(v.resourceName()))
                        .ifPresent(v -> builder.addInputStream(v.resourceName(),
                                new ByteArrayInputStream(content(v))));
            }
        }
        return builder.deploy().getId();
    }

    @Override
    public void suspend(String definitionId) {
        repository.suspendProcessDefinitionById(definitionId, true, null);
    }

    @Override
    public void resume(String definitionId) {
        repository.activateProcessDefinitionById(definitionId, true, null);
    }

    @Override
    public List<ModelIncident> incidents() {
        return runtime.createIncidentQuery().orderByIncidentTimestamp().desc().list().stream().map(this::of).toList();
    }

    @Override
    public void retry(String incidentId) {
        Incident incident = incident(incidentId);
        if (incident != null && FAILED_JOB.equals(incident.getIncidentType())) {
            management.setJobRetries(incident.getConfiguration(), 1);
        }
    }

    @Override
    public String cancel(String incidentId, String reason) {
        Incident incident = incident(incidentId);
        if (incident == null) {
            return null;
        }
        runtime.deleteProcessInstance(incident.getProcessInstanceId(), reason);
        return incident.getProcessInstanceId();
    }

    private Incident incident(String incidentId) {
        return incidentId == null ? null : runtime.createIncidentQuery().incidentId(incidentId).singleResult();
    }

    private ModelIncident of(Incident i) {
        String process = models.definition(i.getProcessDefinitionId()).name();
        String step = i.getActivityId() == null ? "" : models.elementName(i.getProcessDefinitionId(), i.getActivityId());
        return new ModelIncident(i.getId(), i.getProcessInstanceId(), process, step,
                i.getIncidentTimestamp().toInstant(), i.getIncidentMessage(), FAILED_JOB.equals(i.getIncidentType()));
    }

    private Map<String, Class<?>> facades() {
        Map<String, Class<?>> facades = new HashMap<>();
        context.getBeansOfType(ProcessSteps.class).forEach((name, bean) -> facades.put(name,
                AopUtils.getTargetClass(bean)));
        return facades;
    }

    private byte[] read(String deploymentId, String resource) {
        try (InputStream in = repository.getResourceAsStream(deploymentId, resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String formId(byte[] form) {
        try {
            return JSON.readTree(form).path("id").asText();
        } catch (IOException e) {
            return "";
        }
    }

    private static java.time.Instant time(Deployment d) {
        return d == null || d.getDeploymentTime() == null ? null : d.getDeploymentTime().toInstant();
    }
}
