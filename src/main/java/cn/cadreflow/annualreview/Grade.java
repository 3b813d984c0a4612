package cn.cadreflow.annualreview;

import java.util.Arrays;

/** The four grades of 公务员法 Art. 38, stored by their Chinese names (as the DMN table outputs them). */
public enum Grade {
    EXCELLENT("优秀"), COMPETENT("称职"), BASICALLY_COMPETENT("基本称职"), INCOMPETENT("不称职");

    public final String label;

    Grade(String label) {
        this.label = label;
    }

    public static boolean isGrade(Object value) {
        return of(value) != null;
    }

    /** The grade with this label, or null when it is none. */
    public static Grade of(Object label) {
        return label == null ? null
                : Arrays.stream(values()).filter(g -> g.label.equals(label.toString())).findFirst().orElse(null);
    }

    /** Is this grade below the other (优秀 > 称职 > 基本称职 > 不称职)? */
    public boolean below(Grade other) {
        return ordinal() > other.ordinal();
    }
}
