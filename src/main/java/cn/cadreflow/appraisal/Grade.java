package cn.cadreflow.appraisal;

import java.util.Arrays;

/** The four grades of 公务员法 Art. 38, stored by their Chinese names (as the DMN table outputs them). */
public enum Grade {
    EXCELLENT("优秀"), COMPETENT("称职"), BASICALLY_COMPETENT("基本称职"), INCOMPETENT("不称职");

    public final String label;

    Grade(String label) {
        this.label = label;
    }

    public static boolean isGrade(Object value) {
        return value != null && Arrays.stream(values()).anyMatch(g -> g.label.equals(value.toString()));
    }
}
