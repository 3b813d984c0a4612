package cn.cadreflow.workflow.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.cadreflow.workflow.KnownDataProvider;
import cn.cadreflow.workflow.ProcessHandler;
import cn.cadreflow.workflow.ProcessStarts;

/** What other modules plug into the workflow: a handler per process, and what they know about users. */
@Component
public class Plugins {

    private final Map<String, ProcessHandler> handlers;
    private final List<KnownDataProvider> knownData;

    Plugins(List<ProcessHandler> handlers, List<KnownDataProvider> knownData) {
        this.handlers = handlers.stream().collect(Collectors.toMap(ProcessHandler::processKey, Function.identity()));
        this.knownData = knownData;
    }

    /** The process's handler, or null when it runs on form data alone. */
    public ProcessHandler handler(String processKey) {
        return handlers.get(processKey);
    }

    /** The variable naming the subject of the process's instances (see {@link ProcessHandler#subjectVariable}). */
    public String subjectVariable(String processKey) {
        ProcessHandler handler = handlers.get(processKey);
        return handler == null ? ProcessStarts.INITIATOR : handler.subjectVariable();
    }

    /** Every provider's data about the user, merged. */
    public Map<String, Object> knownData(String username) {
        Map<String, Object> known = new LinkedHashMap<>();
        knownData.forEach(p -> known.putAll(p.knownData(username)));
        return known;
    }
}
