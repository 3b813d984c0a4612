package cn.cadreflow.trainingplan.schedule;

/**
 * A unit as the scheduler sees it: its headcount, its minimum on-duty staffing (最低在岗人数) and, per working
 * day of the year, how many of its people are away for other reasons (secondments, other leave).
 */
public record PlanUnit(String id, String name, int headcount, int minimumOnDuty, int[] otherAbsences) {

    public PlanUnit {
        if (headcount < 0 || minimumOnDuty < 0) {
            throw new IllegalArgumentException("unit " + id + " has a negative headcount or minimum");
        }
        otherAbsences = otherAbsences.clone();
    }

    /** How many more of its people may be away on the day without taking it below its minimum (may be negative). */
    public int headroom(int day) {
        int other = day < otherAbsences.length ? otherAbsences[day] : 0;
        return headcount - other - minimumOnDuty;
    }

    /** The smallest headroom over the working days of a week. */
    public int weekHeadroom(int week) {
        int least = Integer.MAX_VALUE;
        for (int d = 0; d < PlanProblem.DAYS_PER_WEEK; d++) {
            least = Math.min(least, headroom(week * PlanProblem.DAYS_PER_WEEK + d));
        }
        return least;
    }
}
