package cn.cadreflow.workflow;

import java.util.Map;

/** One instance of a bulk start: its business key (may be null) and its variables. */
public record StartRequest(String businessKey, Map<String, Object> variables) {

    public StartRequest {
        variables = Map.copyOf(variables);
    }
}
