package cn.cadreflow.annualreview;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.annualreview.internal.LaunchBatch;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.OrgLevel;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.org.OrgUnit;
import cn.cadreflow.security.AppGroups;
import cn.cadreflow.ui.KaribuSupport;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.WorkflowException;

/**
 * One review per cadre per year (issue 14): a campaign for a township with its village reviews the village's
 * cadres, and a second campaign of the year for the village starts none of them again, says so before and after its
 * launch, and a single start is refused; the database refuses a second review of a year however it comes. Each test
 * adds a township of its own, with a village and cadres of their own, under 清河县 (wangfang is HR over it), and
 * reviews them in {@value #YEAR}, so no other test's cadres are touched.
 */
@CadreFlowTest
class OneReviewPerYearTest extends KaribuSupport {

    static final int YEAR = 2012;

    @Autowired
    OrgService org;
    @Autowired
    CadreService cadres;
    @Autowired
    CampaignService campaigns;
    @Autowired
    ProcessStarts starts;
    @Autowired
    LaunchBatch batch;
    @Autowired
    JdbcTemplate jdbc;

    long township;
    long village;

    /** A township (two cadres) with a village (the named cadres) of its own under 清河县. */
    List<Long> township(String code, String... villagers) {
        long county = jdbc.queryForObject("SELECT id FROM org_unit WHERE name = '清河县'", Long.class);
        township = org.addUnit(code, code + "镇", OrgLevel.TOWNSHIP, county, 0);
        village = org.addUnit(code + "V", code + "村", OrgLevel.VILLAGE, township, 0);
        cadre(township, code + "甲");
        cadre(township, code + "乙");
        return List.of(villagers).stream().map(name -> cadre(village, name)).toList();
    }

    long cadre(long unit, String name) {
        return cadres.add(new CadreService.NewCadre(name, "F", LocalDate.of(1985, 5, 1), "汉族", null,
                LocalDate.of(2008, 7, 1), "大学", "KEYUAN", unit, org.addPost(unit, "委员", false)));
    }

    int reviewsOf(long cadre) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM appraisal_review WHERE cadre_id = ? AND review_year = ?",
                Integer.class, cadre, YEAR);
    }

    Campaign launch(String name, long unit) {
        return campaigns.launch(campaigns.create(YEAR, name, List.of(unit), "GRASSROOTS11", "wangfang"), "wangfang");
    }

    @Test
    void aSecondCampaignOfTheYearStartsNoSecondReviewAndSaysWhoIsCovered() {
        List<Long> villagers = township("YNYK", "毛春梅", "冯秋菊");
        Campaign first = launch(YEAR + "年度一年一考镇考核", township);
        assertThat(first.launchedCount()).isEqualTo(4);
        assertThat(first.coveredCount()).isZero();

        // before launching, the village's cadres are named as already covered
        CampaignService.Covered covered = campaigns.covered(YEAR, List.of(village), "wangfang", 10);
        assertThat(covered.count()).isEqualTo(2);
        assertThat(covered.names()).containsExactly("毛春梅", "冯秋菊");
        assertThat(campaigns.covered(YEAR + 1, List.of(village), "wangfang", 10).count()).isZero();

        // a cadre who joined the village since is the one the second campaign reviews
        long newcomer = cadre(village, "YNYK新");
        Campaign second = launch(YEAR + "年度一年一考村考核", village);
        assertThat(second.status()).isEqualTo("RUNNING");
        assertThat(second.launchedCount()).isEqualTo(1);
        assertThat(second.totalCount()).isEqualTo(1);
        assertThat(second.coveredCount()).as("the two already reviewed by the first").isEqualTo(2);
        for (long villager : villagers) {
            assertThat(reviewsOf(villager)).as("one 述职 for the year").isEqualTo(1);
        }
        assertThat(reviewsOf(newcomer)).isEqualTo(1);
        assertThat(campaigns.campaign(first.id()).launchedCount()).isEqualTo(4);

        // a campaign of the year whose cadres are all covered starts nothing and still ends
        Campaign third = launch(YEAR + "年度一年一考村考核（再次）", village);
        assertThat(third.status()).isEqualTo("RUNNING");
        assertThat(third.launchedCount()).isZero();
        assertThat(third.coveredCount()).isEqualTo(3);
    }

    @Test
    void aSingleStartForACadreReviewedThisYearIsRefusedInHisField() {
        long maochunmei = township("YNDG", "毛春梅").get(0);
        launch(YEAR + "年度一年一考（单个）镇考核", township);
        long villageCampaign = campaigns.create(YEAR, YEAR + "年度一年一考（单个）村考核", List.of(village),
                "GRASSROOTS11", "wangfang");

        assertThatThrownBy(() -> starts.start(AnnualReviewStep.PROCESS_KEY, "wangfang",
                Map.of("campaignId", villageCampaign, "cadreId", maochunmei)))
                .isInstanceOfSatisfying(WorkflowException.class, e -> assertThat(e.errors())
                        .singleElement().satisfies(err -> {
                            assertThat(err.field()).isEqualTo("cadreId");
                            assertThat(err.messageKey()).isEqualTo("appraisal.error.reviewedThisYear");
                            assertThat(err.args()).containsExactly("毛春梅", String.valueOf(YEAR));
                        }));
        assertThat(reviewsOf(maochunmei)).isEqualTo(1);
    }

    @Test
    void theDatabaseRefusesASecondReviewOfTheYear() {
        long cadre = township("YNDB", "毛春梅").get(0);
        assertThat(launch(YEAR + "年度一年一考（约束）镇考核", township).launchedCount()).isEqualTo(3);
        long other = campaigns.create(YEAR, YEAR + "年度一年一考（约束）村考核", List.of(village), "GRASSROOTS11",
                "wangfang");
        Timestamp now = Timestamp.from(Instant.now());

        assertThatThrownBy(() -> jdbc.update("INSERT INTO appraisal_review (campaign_id, cadre_id, unit_id,"
                + " review_year, status, created_at, updated_at) VALUES (?, ?, ?, ?, 'SELF_REPORT', ?, ?)",
                other, cadre, village, YEAR, now, now)).isInstanceOf(DuplicateKeyException.class);
        assertThat(reviewsOf(cadre)).isEqualTo(1);
    }

    @Test
    void aBatchThatLostTheRaceToAnotherCampaignStartsOnlyTheCadresStillWithoutAReview() {
        // as when two campaigns of the year launch at the same moment: the village campaign's batch read its cadres
        // before the township campaign's batch committed, and its insert meets the (cadre, year) key
        List<Long> villagers = township("YNJZ", "毛春梅", "冯秋菊");
        launch(YEAR + "年度一年一考（竞争）镇考核", township);
        long latecomer = cadre(village, "YNJZ新");
        Campaign villageCampaign = campaigns.campaign(campaigns.create(YEAR, YEAR + "年度一年一考（竞争）村考核",
                List.of(village), "GRASSROOTS11", "wangfang"));
        List<Long> stale = List.of(villagers.get(0), villagers.get(1), latecomer);

        batch.start(villageCampaign, "wangfang", stale, Set.of(AppGroups.hrOfficers(village)), () -> false);

        assertThat(reviewsOf(villagers.get(0))).isEqualTo(1);
        assertThat(reviewsOf(villagers.get(1))).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT cadre_id FROM appraisal_review WHERE campaign_id = ?", Long.class,
                villageCampaign.id())).containsExactly(latecomer);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM appraisal_review WHERE campaign_id = ? AND"
                + " process_instance_id IS NULL", Integer.class, villageCampaign.id())).isZero();
    }

    @Test
    void theLaunchFormNamesTheCadresAlreadyCoveredBeforeLaunching() {
        township("YNJM", "毛春梅", "冯秋菊");
        launch(YEAR + "年度一年一考（界面）镇考核", township);

        login("wangfang");
        navigate("appraisal");
        _assertNone(Span.class, spec -> spec.withId("campaign-covered"));
        _setValue(_get(IntegerField.class, spec -> spec.withId("campaign-year")), YEAR);
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<OrgUnit> units = _get(MultiSelectComboBox.class, spec -> spec.withId("campaign-units"));
        _setValue(units, Set.of(units.getListDataView().getItems().filter(u -> u.id() == village).findFirst()
                .orElseThrow()));

        assertThat(_get(Span.class, spec -> spec.withId("campaign-covered")).getText()).isEqualTo("已有 2 名干部在" + YEAR + "年度其他考核中，将不再重复发起：毛春梅、冯秋菊");
        // another year: nobody is covered
        _setValue(_get(IntegerField.class, spec -> spec.withId("campaign-year")), YEAR + 1);
        _assertNone(Span.class, spec -> spec.withId("campaign-covered"));
    }
}
