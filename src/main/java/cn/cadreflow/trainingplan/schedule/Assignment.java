package cn.cadreflow.trainingplan.schedule;

import java.util.List;

/** One cadre's part of a plan: the immersive course (null when none could be given) and the classroom courses. */
public record Assignment(String immersiveCourseId, List<String> courseIds) {

    public static final Assignment EMPTY = new Assignment(null, List.of());

    public Assignment {
        courseIds = List.copyOf(courseIds);
    }
}
