package cn.cadreflow.workflow;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/** One instance of a bulk start: its business key (may be null) and its variables (values may be null). */
public record StartRequest(String businessKey, Map<String, Object> variables) {

    public StartRequest {
        variables = Collections.unmodifiableMap(new HashMap<>(variables));
    }
}
