package cn.cadreflow.annualreview.internal;

import java.util.List;

import cn.cadreflow.annualreview.Grade;

/** 三等功: a cadre graded 优秀 in the configured number of consecutive years up to the review year is flagged. */
public final class MeritRule {

    private MeritRule() {
    }

    /**
     * The years of 优秀 in a row ending with {@code year}, from the filed grades (newest first; years after
     * {@code year} are ignored).
     */
    public static int consecutiveExcellent(List<FiledGrade> filedNewestFirst, int year) {
        int consecutive = 0;
        int expected = year;
        for (FiledGrade g : filedNewestFirst) {
            if (g.year() > expected) {
                continue;
            }
            if (g.year() != expected || !Grade.EXCELLENT.label.equals(g.grade())) {
                break;
            }
            consecutive++;
            expected--;
        }
        return consecutive;
    }

    public static boolean earned(List<FiledGrade> filedNewestFirst, int year, int yearsNeeded) {
        return consecutiveExcellent(filedNewestFirst, year) >= yearsNeeded;
    }

    public record FiledGrade(int year, String grade) {
    }
}
