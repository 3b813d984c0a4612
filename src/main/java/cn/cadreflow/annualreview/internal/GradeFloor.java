package cn.cadreflow.annualreview.internal;

import java.util.Optional;

import cn.cadreflow.annualreview.Grade;

/**
 * A matter tolerated in the review year (容错认定) cannot lower the grade: a rater may not choose a grade below the
 * one the scores suggested while the cadre has such a matter. Without one, lowering stays allowed.
 */
public final class GradeFloor {

    private GradeFloor() {
    }

    /** The suggested grade when {@code chosen} falls below it despite a tolerated matter; otherwise empty. */
    public static Optional<Grade> breached(Object chosen, Object suggested, boolean toleratedMatter) {
        Grade grade = Grade.of(chosen);
        Grade floor = Grade.of(suggested);
        if (!toleratedMatter || grade == null || floor == null || !grade.below(floor)) {
            return Optional.empty();
        }
        return Optional.of(floor);
    }
}
