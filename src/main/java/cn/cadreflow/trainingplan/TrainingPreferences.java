package cn.cadreflow.trainingplan;

import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A cadre's wishes for a year's plan: the weeks (ISO week numbers of the year) preferred for the immersive week,
 * the weeks the cadre cannot be away at all, and preferred catalogue courses (ids, in order of preference).
 */
public record TrainingPreferences(long cadreId, int year, SortedSet<Integer> preferredWeeks,
                                  SortedSet<Integer> impossibleWeeks, List<Long> preferredCourseIds) {

    public TrainingPreferences {
        preferredWeeks = new TreeSet<>(preferredWeeks);
        impossibleWeeks = new TreeSet<>(impossibleWeeks);
        preferredCourseIds = List.copyOf(preferredCourseIds);
    }
}
