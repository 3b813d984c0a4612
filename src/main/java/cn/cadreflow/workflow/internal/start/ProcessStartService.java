package cn.cadreflow.workflow.internal.start;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cadreflow.workflow.Action;
import cn.cadreflow.workflow.AttachmentRules;
import cn.cadreflow.workflow.FormDefinition;
import cn.cadreflow.workflow.FormError;
import cn.cadreflow.workflow.ProcessHandler;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.StartRequest;
import cn.cadreflow.workflow.WorkflowException;
import cn.cadreflow.workflow.WorkflowViews.StartForm;
import cn.cadreflow.workflow.WorkflowViews.StartOption;
import cn.cadreflow.workflow.internal.Plugins;
import cn.cadreflow.workflow.internal.engine.EngineDefinition;
import cn.cadreflow.workflow.internal.engine.EngineInstances;
import cn.cadreflow.workflow.internal.engine.EngineModels;
import cn.cadreflow.workflow.internal.engine.EngineTasks;
import cn.cadreflow.workflow.internal.form.FormChecks;
import cn.cadreflow.workflow.internal.model.ProcessModel;
import cn.cadreflow.workflow.internal.trail.Trail;

/** Starting processes from their start forms (validated on the server), or in bulk with given variables. */
@Service
class ProcessStartService implements ProcessStarts {

    private final EngineModels models;
    private final EngineInstances instances;
    private final ProcessModel model;
    private final FormChecks checks;
    private final Plugins plugins;
    private final Trail trail;
    private final AttachmentRules files;
    private final EngineTasks tasks;

    ProcessStartService(EngineModels models, EngineInstances instances, ProcessModel model, FormChecks checks,
                        Plugins plugins, Trail trail, AttachmentRules files, EngineTasks tasks) {
        this.files = files;
        this.tasks = tasks;
        this.models = models;
        this.instances = instances;
        this.model = model;
        this.checks = checks;
        this.plugins = plugins;
        this.trail = trail;
    }

    @Override
    public List<StartOption> startOptions(String username) {
        return models.startable(username).stream()
                .filter(d -> d.hasStartFormKey() || model.startForm(d) != null)
                .map(d -> new StartOption(d.key(), d.id(), d.name()))
                .toList();
    }

    @Override
    public StartForm startForm(String processKey, String username) {
        return startForm(startable(processKey, username), username);
    }

    private StartForm startForm(EngineDefinition def, String username) {
        FormDefinition form = model.startForm(def);
        if (form == null) {
            throw new WorkflowException("workflow.error.noStartForm");
        }
        return new StartForm(def.key(), def.name(), form, knownData(username));
    }

    @Override
    public Optional<String> startRoute(String processKey) {
        ProcessHandler handler = plugins.handler(processKey);
        return Optional.ofNullable(handler == null ? null : handler.startRoute());
    }

    @Override
    public Map<String, Object> knownData(String username) {
        return plugins.knownData(username);
    }

    @Override
    @Transactional
    public String start(String processKey, String username, Map<String, ?> submitted) {
        return start(processKey, username, submitted, List.of());
    }

    @Override
    @Transactional
    public String start(String processKey, String username, Map<String, ?> submitted, List<StartFile> sent) {
        EngineDefinition def = startable(processKey, username);
        if (sent.size() > MAX_START_FILES) {
            throw new WorkflowException("attachment.error.tooMany",
                    List.of(FormError.of(null, "attachment.error.tooMany", MAX_START_FILES)));
        }
        List<AttachmentRules.CheckedFile> checked = sent.stream().map(f -> files.checkFile(f.name(), f.content()))
                .toList();
        StartForm start = startForm(def, username);
        ProcessHandler handler = plugins.handler(processKey);
        Map<String, Object> values = checks.validated(start.form(), submitted, start.known(), processKey, username,
                Map.of());
        // the starter's own data goes into the instance only when the request is the starter's own
        Map<String, Object> variables = new HashMap<>(
                handler == null || handler.keepsStarterData() ? start.known() : Map.of());
        variables.putAll(values);
        String businessKey = null;
        if (handler != null) {
            Map<String, Object> added = new HashMap<>(handler.onStart(username, values));
            Object given = added.remove("businessKey");
            businessKey = given == null ? null : given.toString();
            variables.putAll(added);
        }
        String id = started(def, username, List.of(new StartRequest(businessKey, variables))).get(0);
        String startEvent = model.startEventId(def.id());
        for (int i = 0; i < sent.size(); i++) {
            AttachmentRules.CheckedFile file = checked.get(i);
            tasks.attachToInstance(id, username, file.name(), file.contentType(), sent.get(i).content());
            trail.record(id, null, startEvent, model.nameOf(def.id(), startEvent), Action.ATTACH, username,
                    file.name(), null);
        }
        return id;
    }

    @Override
    @Transactional
    public List<String> startAll(String processKey, String username, List<StartRequest> requests) {
        return started(startable(processKey, username), username, requests);
    }

    private List<String> started(EngineDefinition def, String username, List<StartRequest> requests) {
        List<StartRequest> withStarter = new ArrayList<>(requests.size());
        for (StartRequest request : requests) {
            Map<String, Object> variables = new HashMap<>(request.variables());
            variables.put(INITIATOR, username);
            withStarter.add(new StartRequest(request.businessKey(), variables));
        }
        List<String> ids = instances.startAll(def.id(), withStarter, username);
        String startEvent = model.startEventId(def.id());
        trail.recordStarts(ids, startEvent, model.nameOf(def.id(), startEvent), username);
        return ids;
    }

    private EngineDefinition startable(String processKey, String username) {
        EngineDefinition def = models.startable(processKey, username);
        if (def == null) {
            throw new WorkflowException("workflow.error.notStartable");
        }
        return def;
    }
}
