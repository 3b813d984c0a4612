package cn.cadreflow.secondment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.cadre.PostNote;
import cn.cadreflow.org.OrgLevel;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.secondment.SecondmentReports.Flow;
import cn.cadreflow.secondment.SecondmentReports.Movement;
import cn.cadreflow.secondment.SecondmentReports.Mover;
import cn.cadreflow.secondment.SecondmentReports.PumpRow;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;

/**
 * HR's reports on a history of its own (1995–1997, a period no other test's secondments reach): a village cadre
 * seconded to the county and back, township cadres held at the county beyond their term, kept there by a transfer, or
 * away within their term; the talent pump by unit, the flows between levels with the cadres behind them, the
 * reservation on a post, and nothing of it for an officer of another county.
 */
@CadreFlowTest
class SecondmentReportsTest {

    @Autowired
    SecondmentReports reports;
    @Autowired
    List<PostNote> postNotes;
    @Autowired
    OrgService org;
    @Autowired
    CadreService cadres;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;

    static History h;

    record History(long town, long village, long returned, long beyond, long kept, long away, long beyondHomePost) {
    }

    @BeforeEach
    void history() {
        if (h != null) {
            return;
        }
        long county = jdbc.queryForObject("SELECT id FROM org_unit WHERE name = '清河县'", Long.class);
        long town = org.addUnit("RPT-TOWN", "报表测试镇", OrgLevel.TOWNSHIP, county, 0);
        long village = org.addUnit("RPT-VILLAGE", "报表测试村", OrgLevel.VILLAGE, town, 0);
        LocalDate today = LocalDate.now();
        long returned = away(village, county, "报表甲", "GUAZHI", LocalDate.of(1995, 3, 1), LocalDate.of(1996, 2, 28),
                LocalDate.of(1996, 2, 28), "ENDED", "RETURNED_HOME");
        long beyond = away(town, county, "报表乙", "JIEDIAO", LocalDate.of(1995, 6, 1), LocalDate.of(1995, 11, 30),
                today.plusDays(90), "ON_SECONDMENT", null);
        long kept = away(town, county, "报表丙", "JIAOLIU", LocalDate.of(1995, 9, 1), LocalDate.of(1996, 8, 31),
                LocalDate.of(1996, 8, 31), "ENDED", "TRANSFERRED");
        long stillAway = away(town, county, "报表丁", "GUAZHI", LocalDate.of(1997, 1, 1), today.plusYears(1),
                today.plusYears(1), "ON_SECONDMENT", null);
        long homePost = jdbc.queryForObject("SELECT home_post_id FROM secondment WHERE id = ?", Long.class, beyond);
        jdbc.update("INSERT INTO secondment_post_hold (post_id, secondment_id, hold_kind, start_date, end_date)"
                + " VALUES (?, ?, 'HOME', ?, ?)", homePost, beyond, LocalDate.of(1995, 6, 1), today.plusDays(90));
        h = new History(town, village, returned, beyond, kept, stillAway, homePost);
    }

    /** A cadre of the home unit and a secondment of theirs to a new post of the target unit; returns its id. */
    long away(long home, long target, String name, String kind, LocalDate start, LocalDate plannedEnd,
              LocalDate end, String status, String outcome) {
        long homePost = org.addPost(home, "报表岗位" + name, false);
        long cadre = cadres.add(new CadreService.NewCadre(name, "M", LocalDate.of(1970, 1, 1), "汉族", null,
                LocalDate.of(1990, 7, 1), "UNDERGRADUATE", "KEYUAN", home, homePost));
        long targetPost = org.addPost(target, "报表挂职岗位" + name, false);
        jdbc.update("INSERT INTO secondment (cadre_id, kind, home_unit_id, home_post_id, target_unit_id, target_post_id,"
                + " start_date, end_date, planned_end_date, extended, reason, status, outcome, returned_on,"
                + " requested_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '报表测试', ?, ?, ?,"
                + " 'wangfang', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", cadre, kind, home, homePost, target,
                targetPost, start, end, plannedEnd, !end.equals(plannedEnd), status, outcome,
                outcome == null ? null : end.plusDays(1));
        return jdbc.queryForObject("SELECT MAX(id) FROM secondment WHERE cadre_id = ?", Long.class, cadre);
    }

    UserContext user(String name) {
        return users.context(name).orElseThrow();
    }

    @Test
    void theTalentPumpCountsGrassrootsCadresHeldAboveBeyondTheirTermOrKeptThere() {
        PumpRow town = reports.talentPump(user("wangfang")).stream().filter(r -> r.unitId() == h.town())
                .findFirst().orElseThrow();
        assertThat(town).isEqualTo(new PumpRow(h.town(), 2, 1, 1));
        assertThat(town.pumped()).isEqualTo(2);
        assertThat(reports.talentPump(user("wangfang"))).noneMatch(r -> r.unitId() == h.village());

        assertThat(reports.pumpCadres(h.town(), user("wangfang")))
                .extracting(Mover::secondmentId, Mover::movement)
                .containsExactlyInAnyOrder(tuple(h.beyond(), Movement.BEYOND_TERM),
                        tuple(h.kept(), Movement.KEPT),
                        tuple(h.away(), Movement.AWAY));
    }

    @Test
    void flowsBetweenLevelsCountDeparturesAndReturnsOfThePeriod() {
        assertThat(reports.flows(user("wangfang"), LocalDate.of(1995, 1, 1), LocalDate.of(1995, 12, 31)))
                .containsExactly(new Flow(OrgLevel.TOWNSHIP, OrgLevel.COUNTY, 2, 0),
                        new Flow(OrgLevel.VILLAGE, OrgLevel.COUNTY, 1, 0));
        assertThat(reports.flows(user("wangfang"), LocalDate.of(1996, 1, 1), LocalDate.of(1996, 12, 31)))
                .containsExactly(new Flow(OrgLevel.COUNTY, OrgLevel.VILLAGE, 0, 1));

        assertThat(reports.flowCadres(user("wangfang"), LocalDate.of(1995, 1, 1), LocalDate.of(1995, 12, 31),
                OrgLevel.TOWNSHIP, OrgLevel.COUNTY)).extracting(Mover::secondmentId)
                .containsExactly(h.kept(), h.beyond());
        List<Mover> back = reports.flowCadres(user("wangfang"), LocalDate.of(1996, 1, 1),
                LocalDate.of(1996, 12, 31), OrgLevel.COUNTY, null);
        assertThat(back).extracting(Mover::secondmentId, Mover::movement, Mover::toUnitId, Mover::on)
                .containsExactly(tuple(h.returned(), Movement.RETURN, h.village(),
                        LocalDate.of(1996, 2, 29)));
        assertThat(reports.flowCadres(user("wangfang"), LocalDate.of(1995, 1, 1), LocalDate.of(1995, 12, 31),
                null, OrgLevel.COUNTY)).hasSize(3);
    }

    /**
     * An officer whose scope is too large to name in SQL (more than {@link SecondmentReports#IN_LIMIT} units, as a
     * province's) reads the same figures as the county's officer: here 王芳's scope padded with ids of no unit.
     */
    @Test
    void aProvinceSizedScopeReadsTheSameFigures() {
        UserContext county = user("wangfang");
        java.util.Set<Long> units = new java.util.HashSet<>(county.hrUnitIds());
        for (long i = 1; i <= SecondmentReports.IN_LIMIT + 1; i++) {
            units.add(-i);
        }
        UserContext province = new UserContext(county.userId(), county.username(), county.displayName(),
                county.cadreId(), county.roles(), county.ledUnitIds(), units);
        for (UserContext hr : List.of(county, province)) {
            assertThat(reports.talentPump(hr)).filteredOn(r -> r.unitId() == h.town() || r.unitId() == h.village())
                    .containsExactly(new PumpRow(h.town(), 2, 1, 1));
            assertThat(reports.talentPump(hr)).isEqualTo(reports.talentPump(county));
            assertThat(reports.flows(hr, LocalDate.of(1995, 1, 1), LocalDate.of(1996, 12, 31)))
                    .containsExactly(new Flow(OrgLevel.COUNTY, OrgLevel.VILLAGE, 0, 1),
                            new Flow(OrgLevel.TOWNSHIP, OrgLevel.COUNTY, 2, 0),
                            new Flow(OrgLevel.VILLAGE, OrgLevel.COUNTY, 1, 0));
            assertThat(reports.flowCadres(hr, LocalDate.of(1995, 1, 1), LocalDate.of(1996, 12, 31), null, null))
                    .extracting(Mover::secondmentId, Mover::movement)
                    .containsExactly(tuple(h.returned(), Movement.RETURN), tuple(h.kept(), Movement.OUT),
                            tuple(h.beyond(), Movement.OUT), tuple(h.returned(), Movement.OUT));
        }
    }

    @Test
    void anOfficerOfAnotherCountySeesNoneOfItAndAUnitOutOfScopeReadsAsMissing() {
        assertThat(reports.flows(user("sunli"), LocalDate.of(1995, 1, 1), LocalDate.of(1996, 12, 31))).isEmpty();
        assertThat(reports.talentPump(user("sunli"))).noneMatch(r -> r.unitId() == h.town());
        assertThat(reports.flowCadres(user("sunli"), LocalDate.of(1995, 1, 1), LocalDate.of(1996, 12, 31), null,
                null)).isEmpty();
        assertThatThrownBy(() -> reports.pumpCadres(h.town(), user("sunli")))
                .isInstanceOfSatisfying(SecondmentException.class,
                        e -> assertThat(e.key()).isEqualTo("secondment.report.error.unitNotFound"));
        assertThatThrownBy(() -> reports.pumpCadres(987_654_321L, user("wangfang")))
                .isInstanceOfSatisfying(SecondmentException.class,
                        e -> assertThat(e.key()).isEqualTo("secondment.report.error.unitNotFound"));
    }

    @Test
    void aPeriodThatIsMissingBackwardsOrTooLongIsRefused() {
        assertThatThrownBy(() -> reports.flows(user("wangfang"), LocalDate.of(1996, 1, 1), LocalDate.of(1995, 1, 1)))
                .isInstanceOfSatisfying(SecondmentException.class,
                        e -> assertThat(e.key()).isEqualTo("secondment.report.error.periodOrder"));
        assertThatThrownBy(() -> reports.flows(user("wangfang"), LocalDate.of(1980, 1, 1), LocalDate.of(1995, 1, 1)))
                .isInstanceOfSatisfying(SecondmentException.class,
                        e -> assertThat(e.key()).isEqualTo("secondment.report.error.periodTooLong"));
        assertThatThrownBy(() -> reports.flows(user("wangfang"), null, LocalDate.of(1995, 1, 1)))
                .isInstanceOfSatisfying(SecondmentException.class,
                        e -> assertThat(e.key()).isEqualTo("secondment.report.error.periodRequired"));
    }

    @Test
    void theReservedHomePostSaysForWhomWhichSecondmentAndUntilWhen() {
        LocalDate until = LocalDate.now().plusDays(90);
        assertThat(postNotes).flatExtracting(n -> n.note(h.beyondHomePost(), Locale.SIMPLIFIED_CHINESE).stream()
                .toList()).containsExactly("岗编分离：为报表乙保留（借调，清河县，第" + h.beyond() + "号挂职交流），至 "
                        + until);
        assertThat(postNotes).flatExtracting(n -> n.note(h.beyondHomePost(), Locale.ENGLISH).stream().toList())
                .containsExactly("Post kept for 报表乙 (岗编分离; Loan, 清河县, secondment no. "
                        + h.beyond() + ") until " + until);
    }
}
