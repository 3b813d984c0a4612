package cn.cadreflow.workflow;

import java.util.Map;

/**
 * Data the system already holds about a user, to prefill forms (never retyped by the cadre) and to
 * route tasks (e.g. {@code unitLeaderGroup}). Every provider's entries are merged.
 */
public interface KnownDataProvider {

    Map<String, Object> knownData(String username);
}
