package cn.cadreflow.trainingplan.schedule;

import java.util.Set;

/**
 * A cadre as the scheduler sees it: the unit, what remains of this year's training requirement
 * ({@link Requirement}, from {@link HoursRule}), the weeks preferred for the immersive week, the weeks the cadre
 * cannot be away at all, the preferred courses (ids), and the capability gaps found in the annual review.
 */
public record PlanCadre(String id, String name, String unitId, Requirement requirement, Set<Integer> preferredWeeks,
                        Set<Integer> impossibleWeeks, Set<String> preferredCourses, Set<String> capabilityGaps) {

    public PlanCadre {
        preferredWeeks = Set.copyOf(preferredWeeks);
        impossibleWeeks = Set.copyOf(impossibleWeeks);
        preferredCourses = Set.copyOf(preferredCourses);
        capabilityGaps = Set.copyOf(capabilityGaps);
    }

    /** Whether the course targets at least one of the cadre's capability gaps. */
    public boolean closesGap(PlanCourse course) {
        return course.capabilities().stream().anyMatch(capabilityGaps::contains);
    }
}
