package cn.cadreflow.trainingplan;

import java.util.List;

/**
 * A course of the year as a cadre chooses among them: recommended when it targets capability gaps of the cadre's
 * annual reviews ({@code gaps}, with the year of the latest review that found one), the reason shown.
 */
public record CourseChoice(CatalogueCourse course, List<String> gaps, Integer reviewYear) {

    public CourseChoice {
        gaps = List.copyOf(gaps);
    }

    public boolean recommended() {
        return !gaps.isEmpty();
    }
}
