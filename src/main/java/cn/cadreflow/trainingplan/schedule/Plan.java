package cn.cadreflow.trainingplan.schedule;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A training plan: each cadre's {@link Assignment}; a cadre not in it has none. Immutable. */
public final class Plan {

    private final Map<String, Assignment> assignments;

    public Plan(Map<String, Assignment> assignments) {
        this.assignments = Collections.unmodifiableMap(new LinkedHashMap<>(assignments));
    }

    public Map<String, Assignment> assignments() {
        return assignments;
    }

    public Assignment of(String cadreId) {
        return assignments.getOrDefault(cadreId, Assignment.EMPTY);
    }

    /** This plan with the cadre's assignment replaced (a manual move). */
    public Plan with(String cadreId, Assignment assignment) {
        Map<String, Assignment> copy = new LinkedHashMap<>(assignments);
        copy.put(cadreId, assignment);
        return new Plan(copy);
    }
}
