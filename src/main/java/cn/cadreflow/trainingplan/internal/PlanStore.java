package cn.cadreflow.trainingplan.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.cadreflow.trainingplan.schedule.Assignment;
import cn.cadreflow.trainingplan.schedule.Plan;

/** A plan's proposal or published plan in training_plan_assignment, as a {@link Plan} of database ids. */
public final class PlanStore {

    private static final int BATCH = 500;

    private PlanStore() {
    }

    /** The stored plan, null when it has no assignment. */
    public static Plan load(PlanMapper mapper, long planId, boolean published) {
        List<PlanMapper.AssignmentRow> rows = mapper.assignments(planId, published);
        if (rows.isEmpty()) {
            return null;
        }
        Map<String, String> immersive = new LinkedHashMap<>();
        Map<String, List<String>> courses = new LinkedHashMap<>();
        for (PlanMapper.AssignmentRow row : rows) {
            String cadre = String.valueOf(row.cadreId);
            courses.computeIfAbsent(cadre, k -> new ArrayList<>());
            if (row.immersive) {
                immersive.put(cadre, String.valueOf(row.courseId));
            } else {
                courses.get(cadre).add(String.valueOf(row.courseId));
            }
        }
        Map<String, Assignment> assignments = new LinkedHashMap<>();
        courses.forEach((cadre, list) -> assignments.put(cadre, new Assignment(immersive.get(cadre), list)));
        return new Plan(assignments);
    }

    /** Replaces the stored proposal (or published plan) with the given one. */
    public static void save(PlanMapper mapper, long planId, Plan plan, boolean published) {
        mapper.deleteAssignments(planId, published);
        List<PlanMapper.AssignmentRow> rows = new ArrayList<>();
        plan.assignments().forEach((cadre, a) -> {
            if (a.immersiveCourseId() != null) {
                rows.add(row(cadre, a.immersiveCourseId(), true));
            }
            a.courseIds().forEach(c -> rows.add(row(cadre, c, false)));
        });
        for (int i = 0; i < rows.size(); i += BATCH) {
            mapper.insertAssignments(planId, published, rows.subList(i, Math.min(rows.size(), i + BATCH)));
        }
    }

    private static PlanMapper.AssignmentRow row(String cadre, String course, boolean immersive) {
        PlanMapper.AssignmentRow row = new PlanMapper.AssignmentRow();
        row.cadreId = Long.parseLong(cadre);
        row.courseId = Long.parseLong(course);
        row.immersive = immersive;
        return row;
    }
}
