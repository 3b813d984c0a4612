package cn.cadreflow.trainingplan;

import java.math.BigDecimal;
import java.util.List;

/**
 * HR's training report of a year over the units of their scope: the coverage of the immersive week (同吃同住同劳动)
 * per unit (active cadres, those the published plans give a week, those whose ledger shows it taken), the 学时
 * against each cadre's requirement per unit and per rank (meeting, not meeting, the average 学时 of the year), and
 * per unit and ISO week the staffing headroom the published plans leave ({@code staffing}, as in the plan review;
 * empty when no published plan lies wholly within the scope).
 */
public record TrainingReport(int year, List<Coverage> coverage, Coverage coverageTotal, List<Hours> byUnit,
                             List<Hours> byRank, Hours hoursTotal, int weeks, List<PlanReview.UnitWeeks> staffing) {

    public TrainingReport {
        coverage = List.copyOf(coverage);
        byUnit = List.copyOf(byUnit);
        byRank = List.copyOf(byRank);
        staffing = List.copyOf(staffing);
    }

    /** A unit's (or, with a null unit id, the total's) immersive-week coverage. */
    public record Coverage(Long unitId, String unitName, int cadres, int planned, int taken) {

        /** The share of the cadres whose immersive week is taken, in whole percent (0 without cadres). */
        public int sharePercent() {
            return cadres == 0 ? 0 : (int) Math.round(100.0 * taken / cadres);
        }
    }

    /**
     * The 学时 of a group of cadres (a unit by name, a rank by its code, or the total with a null label): how many
     * meet their requirement of the year and the average 学时 credited in the year (one decimal).
     */
    public record Hours(String label, int cadres, int met, BigDecimal averageHours) {

        public int notMet() {
            return cadres - met;
        }
    }
}
