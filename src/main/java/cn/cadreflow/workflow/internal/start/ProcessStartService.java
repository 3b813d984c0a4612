package cn.cadreflow.workflow.internal.start;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cadreflow.workflow.Action;
import cn.cadreflow.workflow.FormDefinition;
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

    ProcessStartService(EngineModels models, EngineInstances instances, ProcessModel model, FormChecks checks,
                        Plugins plugins, Trail trail) {
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
    public Map<String, Object> knownData(String username) {
        return plugins.knownData(username);
    }

    @Override
    @Transactional
    public String start(String processKey, String username, Map<String, ?> submitted) {
        return startAll(processKey, username, List.of(submitted)).get(0);
    }

    @Override
    @Transactional
    public List<String> startAll(String processKey, String username, List<? extends Map<String, ?>> submissions) {
        EngineDefinition def = startable(processKey, username);
        StartForm start = startForm(def, username);
        ProcessHandler handler = plugins.handler(processKey);
        // the starter's own data goes into the instance only when the request is the starter's own
        Map<String, Object> starterData = handler == null || handler.keepsStarterData() ? start.known() : Map.of();
        String startEvent = model.startEventId(def.id());
        String startEventName = model.nameOf(def.id(), startEvent);
        List<String> ids = new ArrayList<>(submissions.size());
        for (Map<String, ?> submitted : submissions) {
            Map<String, Object> values = checks.validated(start.form(), submitted, start.known(), processKey,
                    username, Map.of());
            Map<String, Object> variables = new HashMap<>(starterData);
            variables.putAll(values);
            variables.put(INITIATOR, username);
            String businessKey = null;
            if (handler != null) {
                Map<String, Object> added = new HashMap<>(handler.onStart(username, values));
                Object given = added.remove("businessKey");
                businessKey = given == null ? null : given.toString();
                variables.putAll(added);
            }
            ids.add(started(def, businessKey, variables, username, startEvent, startEventName));
        }
        return ids;
    }

    @Override
    @Transactional
    public List<String> startAll(String processKey, String username, Iterable<StartRequest> requests) {
        EngineDefinition def = startable(processKey, username);
        String startEvent = model.startEventId(def.id());
        String startEventName = model.nameOf(def.id(), startEvent);
        List<String> ids = new ArrayList<>();
        for (StartRequest request : requests) {
            Map<String, Object> variables = new HashMap<>(request.variables());
            variables.put(INITIATOR, username);
            ids.add(started(def, request.businessKey(), variables, username, startEvent, startEventName));
        }
        return ids;
    }

    private String started(EngineDefinition def, String businessKey, Map<String, Object> variables, String username,
                           String startEvent, String startEventName) {
        String id = instances.start(def.id(), businessKey, variables, username);
        trail.record(id, null, startEvent, startEventName, Action.SUBMIT, username, null, null);
        return id;
    }

    private EngineDefinition startable(String processKey, String username) {
        EngineDefinition def = models.startable(processKey, username);
        if (def == null) {
            throw new WorkflowException("workflow.error.notStartable");
        }
        return def;
    }
}
