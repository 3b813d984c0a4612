package cn.cadreflow.trainingplan.schedule;

import java.util.List;

/**
 * Why an input cannot be planned without breaking a hard constraint, found by {@link Feasibility} before solving:
 * the unit or cadre concerned (null when not one), the weeks that make it so, and the numbers that do not add
 * up ({@code needed} against {@code available}).
 */
public record Obstacle(Kind kind, String unitId, String cadreId, List<Integer> weeks, int needed, int available) {

    public enum Kind {
        /** Other absences already take the unit below its minimum in these weeks, before any training. */
        UNIT_ALREADY_BELOW_MINIMUM,
        /** The unit's cadres need more immersive weeks than its staffing headroom allows; the weeks are full. */
        UNIT_HEADROOM_TOO_SMALL,
        /** The immersive courses have fewer places than there are cadres. */
        IMMERSIVE_PLACES_TOO_FEW,
        /** Every week with an immersive course is impossible for the cadre or has no headroom in the unit. */
        CADRE_HAS_NO_POSSIBLE_WEEK
    }

    public Obstacle {
        weeks = List.copyOf(weeks);
    }
}
