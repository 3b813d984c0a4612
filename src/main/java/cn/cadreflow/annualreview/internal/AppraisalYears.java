package cn.cadreflow.annualreview.internal;

import java.time.LocalDate;

import cn.cadreflow.annualreview.AppraisalException;

/**
 * The years a campaign, or a cadre's digital-capability evidence, may be for: none before {@value #FIRST} (the
 * system holds no reviews from before), none after next year (a campaign is prepared at most a year ahead).
 */
public final class AppraisalYears {

    public static final int FIRST = 2000;

    private AppraisalYears() {
    }

    /** The last year allowed on {@code today}. */
    public static int last(LocalDate today) {
        return today.getYear() + 1;
    }

    /** Refuses a year outside {@value #FIRST} to next year, naming both ends. */
    public static void check(int year, LocalDate today) {
        if (year < FIRST || year > last(today)) {
            throw new AppraisalException("appraisal.error.year", String.valueOf(FIRST), String.valueOf(last(today)));
        }
    }
}
