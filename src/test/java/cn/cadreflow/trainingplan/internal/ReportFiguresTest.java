package cn.cadreflow.trainingplan.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.org.OrgLevel;
import cn.cadreflow.org.OrgUnit;
import cn.cadreflow.training.TrainingRecord;
import cn.cadreflow.trainingplan.CatalogueCourse;
import cn.cadreflow.trainingplan.TrainingReport;
import cn.cadreflow.trainingplan.schedule.HoursRule;

/**
 * The training report's figures on a hand-made case whose answer is known: two towns with two cadres each (and a
 * unit without cadres, left out), a 科员 who meets the year by days, a 副科级 short of both 90 学时 and 12 days, a
 * 正处级 whose five-year window reaches 550 学时, a 副处级 whose old hours fall outside the window.
 */
class ReportFiguresTest {

    static final int YEAR = 2026;
    static final LocalDate WEEK = LocalDate.of(YEAR, 3, 9);
    static final CatalogueCourse IMMERSIVE = new CatalogueCourse(7L, "蹲点周", List.of(), WEEK, WEEK.plusDays(4),
            "青山村", 6, BigDecimal.valueOf(40), true, true);

    static OrgUnit unit(long id, String name, int order) {
        return new OrgUnit(id, "U" + id, name, OrgLevel.TOWNSHIP, null, true, 1, order);
    }

    static Cadre cadre(long id, long unitId, String rank) {
        return new Cadre(id, "干部" + id, "M", null, "汉族", null, null, "BACHELOR", rank, unitId, null, "ACTIVE",
                "CPC", null);
    }

    static TrainingRecord line(long cadreId, int year, LocalDate start, int days, int hours) {
        return new TrainingRecord(null, cadreId, year, "课程", "党校", "FULL_TIME", start, start.plusDays(days - 1L),
                BigDecimal.valueOf(hours), null);
    }

    final List<OrgUnit> units = List.of(unit(1, "青山镇", 1), unit(2, "白沙镇", 2), unit(3, "空村", 3));
    final List<Cadre> cadres = List.of(cadre(11, 1, "FUKE"), cadre(12, 1, "KEYUAN"), cadre(21, 2, "ZHENGCHU"),
            cadre(22, 2, "FUCHU"), cadre(99, 9, "KEYUAN"));
    final Map<Long, List<TrainingRecord>> ledgers = Map.of(
            11L, List.of(line(11, YEAR, LocalDate.of(YEAR, 5, 4), 3, 60)),
            12L, List.of(line(12, YEAR, WEEK, 5, 40), line(12, YEAR, LocalDate.of(YEAR, 6, 1), 14, 20)),
            21L, List.of(line(21, YEAR - 4, LocalDate.of(YEAR - 4, 4, 1), 30, 300),
                    line(21, YEAR, LocalDate.of(YEAR, 4, 6), 25, 250)),
            22L, List.of(line(22, YEAR - 5, LocalDate.of(YEAR - 5, 4, 1), 50, 500),
                    line(22, YEAR, LocalDate.of(YEAR, 4, 6), 10, 100)));
    final Map<Long, CatalogueCourse> immersive = Map.of(12L, IMMERSIVE, 21L, IMMERSIVE);

    final TrainingReport report = ReportFigures.of(YEAR, HoursRule.DEFAULT, units, cadres, ledgers, immersive, 53,
            List.of());

    @Test
    void coverageCountsTheWeeksGivenAndTheWeeksTheLedgerShowsTaken() {
        assertThat(report.coverage()).containsExactly(
                new TrainingReport.Coverage(1L, "青山镇", 2, 1, 1),
                new TrainingReport.Coverage(2L, "白沙镇", 2, 1, 0));
        assertThat(report.coverage()).extracting(TrainingReport.Coverage::sharePercent).containsExactly(50, 0);
        assertThat(report.coverageTotal()).isEqualTo(new TrainingReport.Coverage(null, null, 4, 2, 1));
        assertThat(report.coverageTotal().sharePercent()).isEqualTo(25);
    }

    @Test
    void hoursAgainstTheRequirementByUnitAndByRank() {
        assertThat(report.byUnit()).containsExactly(
                new TrainingReport.Hours("青山镇", 2, 1, new BigDecimal("60.0")),
                new TrainingReport.Hours("白沙镇", 2, 1, new BigDecimal("175.0")));
        assertThat(report.byRank()).containsExactly(
                new TrainingReport.Hours("KEYUAN", 1, 1, new BigDecimal("60.0")),
                new TrainingReport.Hours("FUKE", 1, 0, new BigDecimal("60.0")),
                new TrainingReport.Hours("FUCHU", 1, 0, new BigDecimal("100.0")),
                new TrainingReport.Hours("ZHENGCHU", 1, 1, new BigDecimal("250.0")));
        assertThat(report.hoursTotal()).isEqualTo(new TrainingReport.Hours(null, 4, 2, new BigDecimal("117.5")));
        assertThat(report.hoursTotal().notMet()).isEqualTo(2);
    }

    @Test
    void standingOfEachRank() {
        TrainingStanding junior = TrainingStanding.of(HoursRule.DEFAULT, "KEYUAN", YEAR, ledgers.get(12L));
        assertThat(junior).isEqualTo(new TrainingStanding(YEAR, false, BigDecimal.valueOf(60), 19, YEAR,
                BigDecimal.valueOf(60), 90, 12, true));
        TrainingStanding senior = TrainingStanding.of(HoursRule.DEFAULT, "ZHENGCHU", YEAR, ledgers.get(21L));
        assertThat(senior.windowFrom()).isEqualTo(YEAR - 4);
        assertThat(senior.hoursCounted()).isEqualByComparingTo("550");
        assertThat(senior.met()).isTrue();
        // a year before, the window 2021–2025 holds only the 300 of 2022
        assertThat(TrainingStanding.of(HoursRule.DEFAULT, "ZHENGCHU", YEAR - 1, ledgers.get(21L)).met()).isFalse();
        assertThat(TrainingStanding.of(HoursRule.DEFAULT, "FUCHU", YEAR, ledgers.get(22L)).hoursCounted())
                .isEqualByComparingTo("100");
    }

    @Test
    void aWeekIsTakenOnlyWhenALedgerLineMeetsItsDays() {
        assertThat(TrainingStanding.taken(IMMERSIVE, List.of(line(1, YEAR, WEEK.plusDays(4), 1, 8)))).isTrue();
        assertThat(TrainingStanding.taken(IMMERSIVE, List.of(line(1, YEAR, WEEK.minusDays(3), 3, 24)))).isFalse();
        assertThat(TrainingStanding.taken(IMMERSIVE, List.of(line(1, YEAR, WEEK.plusDays(5), 2, 16)))).isFalse();
        assertThat(TrainingStanding.taken(IMMERSIVE, List.of())).isFalse();
    }
}
