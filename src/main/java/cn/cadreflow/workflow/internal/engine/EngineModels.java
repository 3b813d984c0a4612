package cn.cadreflow.workflow.internal.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

import cn.cadreflow.workflow.FormDefinition;

/** The deployed definitions, their BPMN models and their forms, read from the engine's repository. */
@Component
public class EngineModels {

    private final RepositoryService repository;
    private final FormService forms;
    private final Map<String, BpmnModelInstance> models = new ConcurrentHashMap<>();
    private final Map<String, EngineDefinition> definitions = new ConcurrentHashMap<>();
    private final Map<String, Optional<byte[]>> stepForms = new ConcurrentHashMap<>();

    EngineModels(RepositoryService repository, FormService forms) {
        this.repository = repository;
        this.forms = forms;
    }

    /** The latest active versions this user may start, by name. */
    public List<EngineDefinition> startable(String username) {
        return repository.createProcessDefinitionQuery().latestVersion().active().startableByUser(username)
                .orderByProcessDefinitionName().asc().list().stream().map(EngineModels::of).toList();
    }

    /** The latest active version of a process if this user may start it, else null. */
    public EngineDefinition startable(String processKey, String username) {
        return of(repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().active().startableByUser(username).singleResult());
    }

    /** The latest version of every deployed process, by name. */
    public List<EngineDefinition> latest() {
        return repository.createProcessDefinitionQuery().latestVersion().orderByProcessDefinitionName().asc().list()
                .stream().map(EngineModels::of).toList();
    }

    /** The latest version of a process, or null. */
    public EngineDefinition latest(String processKey) {
        return of(repository.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion()
                .singleResult());
    }

    public EngineDefinition definition(String definitionId) {
        return definitions.computeIfAbsent(definitionId, id -> of(repository.getProcessDefinition(id)));
    }

    /** The BPMN XML as deployed. */
    public String xml(String definitionId) {
        try (InputStream in = repository.getProcessModel(definitionId)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the model has an element with this id. */
    public boolean hasElement(String definitionId, String elementId) {
        return model(definitionId).getModelElementById(elementId) != null;
    }

    /** An element's name, its id when it has none. */
    public String elementName(String definitionId, String elementId) {
        FlowElement element = model(definitionId).getModelElementById(elementId);
        return element.getName() == null ? element.getId() : element.getName();
    }

    public String startEventId(String definitionId) {
        return model(definitionId).getModelElementsByType(StartEvent.class).stream().findFirst().orElseThrow().getId();
    }

    /** The user tasks of the model, in document order. */
    public List<String> userTaskIds(String definitionId) {
        return model(definitionId).getModelElementsByType(UserTask.class).stream().map(UserTask::getId).toList();
    }

    /**
     * The BPMN XML with the names of its process and of its named elements (steps, gateways, events, flows) given
     * by {@code names} from each one's id and model name.
     */
    public static String renamed(String xml, BiFunction<String, String, String> names) {
        BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(
                xml.getBytes(StandardCharsets.UTF_8)));
        for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
            if (element.getName() != null) {
                element.setName(names.apply(element.getId(), element.getName()));
            }
        }
        for (Process process : model.getModelElementsByType(Process.class)) {
            if (process.getName() != null) {
                process.setName(names.apply(process.getId(), process.getName()));
            }
        }
        return Bpmn.convertToString(model);
    }

    /** The end events of the model, in document order. */
    public List<String> endEventIds(String definitionId) {
        return model(definitionId).getModelElementsByType(EndEvent.class).stream().map(EndEvent::getId).toList();
    }

    /** A {@code camunda:property} of the process itself (not of a step), or null. */
    public String processProperty(String definitionId, String name) {
        return model(definitionId).getModelElementsByType(Process.class).stream()
                .map(p -> property(p.getExtensionElements(), name)).filter(v -> v != null).findFirst().orElse(null);
    }

    /** A {@code camunda:property} of an element in the model, or null. */
    public String property(String definitionId, String elementId, String name) {
        FlowElement element = model(definitionId).getModelElementById(elementId);
        return element == null ? null : property(element.getExtensionElements(), name);
    }

    private static String property(ExtensionElements extensions, String name) {
        if (extensions != null) {
            for (CamundaProperty p : extensions.getElementsQuery()
                    .filterByType(CamundaProperties.class).list().stream()
                    .flatMap(ps -> ps.getCamundaProperties().stream()).toList()) {
                if (name.equals(p.getCamundaName())) {
                    return p.getCamundaValue();
                }
            }
        }
        return null;
    }

    /** The deployed start form's content, or null when there is none. */
    public byte[] startForm(String definitionId) {
        try (InputStream in = forms.getDeployedStartForm(definitionId)) {
            return in == null ? null : in.readAllBytes();
        } catch (ProcessEngineException | IOException e) {
            return null;
        }
    }

    /** The deployed form of a task's step, or null when there is none. */
    public byte[] taskForm(String taskId) {
        try (InputStream in = forms.getDeployedTaskForm(taskId)) {
            return in == null ? null : in.readAllBytes();
        } catch (ProcessEngineException | IOException e) {
            return null;
        }
    }

    /**
     * The deployed form of a step by its {@code camunda:formRef} in the definition's own deployment (the binding every
     * model here uses), for a task that has ended and can no longer be asked; null when there is none.
     */
    public byte[] stepForm(String definitionId, String stepKey) {
        return stepForms.computeIfAbsent(definitionId + "/" + stepKey, k -> {
            FlowElement element = model(definitionId).getModelElementById(stepKey);
            String ref = element instanceof UserTask
                    ? element.getAttributeValueNs(BpmnModelConstants.CAMUNDA_NS, "formRef") : null;
            if (ref == null) {
                return Optional.empty();
            }
            String deploymentId = repository.getProcessDefinition(definitionId).getDeploymentId();
            for (String name : repository.getDeploymentResourceNames(deploymentId)) {
                if (name.endsWith(".form")) {
                    try (InputStream in = repository.getResourceAsStream(deploymentId, name)) {
                        byte[] content = in.readAllBytes();
                        if (ref.equals(FormDefinition.parse(new ByteArrayInputStream(content)).id())) {
                            return Optional.of(content);
                        }
                    } catch (IOException e) {
                        return Optional.empty();
                    }
                }
            }
            return Optional.empty();
        }).orElse(null);
    }

    private BpmnModelInstance model(String definitionId) {
        return models.computeIfAbsent(definitionId, repository::getBpmnModelInstance);
    }

    private static EngineDefinition of(ProcessDefinition d) {
        return d == null ? null : new EngineDefinition(d.getId(), d.getKey(), d.getName(), d.hasStartFormKey());
    }
}
