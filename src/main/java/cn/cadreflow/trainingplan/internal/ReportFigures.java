package cn.cadreflow.trainingplan.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.org.OrgUnit;
import cn.cadreflow.training.TrainingRecord;
import cn.cadreflow.trainingplan.CatalogueCourse;
import cn.cadreflow.trainingplan.PlanReview;
import cn.cadreflow.trainingplan.TrainingReport;
import cn.cadreflow.trainingplan.schedule.HoursRule;

/**
 * The figures of HR's training report from data already read (plain code, no Spring, no database): per unit the
 * immersive-week coverage and per unit and per rank the 学时 against the requirement ({@link TrainingStanding}).
 * Units keep the order given and are listed when they have an active cadre; ranks go from 科员 to 正厅级.
 */
public final class ReportFigures {

    /** The rank codes from the lowest. */
    static final List<String> RANKS = List.of("KEYUAN", "FUKE", "ZHENGKE", "FUCHU", "ZHENGCHU", "FUTING", "ZHENGTING");

    private ReportFigures() {
    }

    /**
     * @param immersive the cadre's immersive course in the year's published plans (absent: none)
     * @param ledgers   each cadre's training ledger (absent: empty)
     */
    public static TrainingReport of(int year, HoursRule rule, List<OrgUnit> units, List<Cadre> cadres,
                                    Map<Long, List<TrainingRecord>> ledgers, Map<Long, CatalogueCourse> immersive,
                                    int weeks, List<PlanReview.UnitWeeks> staffing) {
        Map<Long, Tally> perUnit = new LinkedHashMap<>();
        units.forEach(u -> perUnit.put(u.id(), new Tally(u.name())));
        Map<String, Tally> perRank = new LinkedHashMap<>();
        RANKS.forEach(r -> perRank.put(r, new Tally(r)));
        Tally total = new Tally(null);
        for (Cadre cadre : cadres.stream().sorted(Comparator.comparing(Cadre::id)).toList()) {
            Tally unit = perUnit.get(cadre.unitId());
            if (unit == null) {
                continue;
            }
            List<TrainingRecord> ledger = ledgers.getOrDefault(cadre.id(), List.of());
            TrainingStanding standing = TrainingStanding.of(rule, cadre.rankCode(), year, ledger);
            CatalogueCourse week = immersive.get(cadre.id());
            boolean taken = week != null && TrainingStanding.taken(week, ledger);
            List<Tally> counts = new ArrayList<>(List.of(unit, total));
            counts.add(perRank.computeIfAbsent(cadre.rankCode(), Tally::new));
            for (Tally t : counts) {
                t.add(standing, week != null, taken);
            }
        }
        List<Tally> unitTallies = perUnit.values().stream().filter(t -> t.cadres > 0).toList();
        List<TrainingReport.Coverage> coverage = new ArrayList<>();
        perUnit.forEach((id, t) -> {
            if (t.cadres > 0) {
                coverage.add(t.coverage(id));
            }
        });
        Function<Tally, TrainingReport.Hours> hours = Tally::hours;
        return new TrainingReport(year, coverage, total.coverage(null), unitTallies.stream().map(hours).toList(),
                perRank.values().stream().filter(t -> t.cadres > 0).map(hours).toList(), total.hours(), weeks,
                staffing);
    }

    private static final class Tally {
        final String label;
        int cadres;
        int planned;
        int taken;
        int met;
        BigDecimal hours = BigDecimal.ZERO;

        Tally(String label) {
            this.label = label;
        }

        void add(TrainingStanding standing, boolean hasWeek, boolean weekTaken) {
            cadres++;
            planned += hasWeek ? 1 : 0;
            taken += weekTaken ? 1 : 0;
            met += standing.met() ? 1 : 0;
            hours = hours.add(standing.hoursInYear());
        }

        TrainingReport.Coverage coverage(Long unitId) {
            return new TrainingReport.Coverage(unitId, label, cadres, planned, taken);
        }

        TrainingReport.Hours hours() {
            BigDecimal average = cadres == 0 ? BigDecimal.ZERO
                    : hours.divide(BigDecimal.valueOf(cadres), 1, RoundingMode.HALF_UP);
            return new TrainingReport.Hours(label, cadres, met, average);
        }
    }
}
