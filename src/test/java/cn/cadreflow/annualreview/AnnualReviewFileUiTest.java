package cn.cadreflow.annualreview;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.annualreview.internal.EvidenceImportService;
import cn.cadreflow.cadre.internal.CadreFileView;
import cn.cadreflow.ui.KaribuSupport;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.security.UserService;

/**
 * The 年度考核 section of 陈静's file (白沙镇) over 2017–2019, years no other test uses: three 优秀 in a row flag
 * a 三等功; in 2019 only some digital indicators fall short, and only those become training needs. She and HR over
 * 清河县 read it; 青山镇's leader does not.
 */
@CadreFlowTest
class AnnualReviewFileUiTest extends KaribuSupport {

    @Autowired
    UserService users;
    @Autowired
    AnnualReviews appraisal;
    @Autowired
    AnnualReviewSteps steps;
    @Autowired
    CampaignService campaigns;
    @Autowired
    EvidenceImportService evidence;
    @Autowired
    ProcessStarts starts;
    @Autowired
    JdbcTemplate jdbc;

    long cadre;

    /** A decided review with its part scores, then totalled and filed as the end of the process does. */
    void filed(long unitId, int year, String grade, int self, int peer, int leader) {
        long campaign = campaigns.create(year, year + "年度考核（档案界面测试）", List.of(unitId), "GRASSROOTS11", "wangfang");
        jdbc.update("INSERT INTO appraisal_review (campaign_id, cadre_id, unit_id, review_year, status, self_score, "
                + "peer_score, peer_votes, leader_score, final_grade, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, 'NOTIFIED', ?, ?, 1, ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
                campaign, cadre, unitId, year, self, peer, leader, grade);
        long id = jdbc.queryForObject("SELECT id FROM appraisal_review WHERE campaign_id = ?", Long.class, campaign);
        steps.totalScore(id);
        steps.fileResult(id);
    }

    void evidence(int year, String rows) {
        evidence.importFile(year + ".csv", ("干部编号,指标编码,数值\n" + rows).getBytes(StandardCharsets.UTF_8), year,
                users.context("wangfang").orElseThrow());
    }

    @SuppressWarnings("unchecked")
    static Grid<Object> grid(String id) {
        return _get(Grid.class, spec -> spec.withId(id));
    }

    static List<List<String>> rows(String gridId, String first) {
        Grid<Object> grid = grid(gridId);
        return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._getFormattedRow(grid, i))
                .filter(r -> r.get(0).equals(first)).toList();
    }

    static List<String> menu() {
        return _get(SideNav.class, spec -> spec.withId("main-nav")).getItems().stream()
                .map(SideNavItem::getLabel).toList();
    }

    @Test
    void gradesScoresMeritAndTrainingNeedsAreInTheFileForThoseWhoMayReadIt() {
        cadre = ((Number) starts.knownData("chenjing").get("cadreId")).longValue();
        long unit = ((Number) starts.knownData("chenjing").get("unitId")).longValue();
        String full = cadre + ",PLATFORM_USAGE,250\n" + cadre + ",CITY_BRAIN_PROPOSALS,5\n" + cadre
                + ",CITY_BRAIN_QUALITY,100\n" + cadre + ",NEW_MEDIA_OUTREACH,12\n" + cadre + ",DIGITAL_TRAINING_HOURS,30\n";
        evidence(2017, full);
        evidence(2018, full);
        // 2019: platform and new media only: 30 + 20 = 50, below the threshold of 60
        evidence(2019, cadre + ",PLATFORM_USAGE,250\n" + cadre + ",NEW_MEDIA_OUTREACH,12\n");
        filed(unit, 2017, "优秀", 92, 93, 94);
        filed(unit, 2018, "优秀", 92, 93, 94);
        filed(unit, 2019, "优秀", 90, 92, 95);
        String today = LocalDate.now().toString();

        login("chenjing");
        assertThat(menu()).doesNotContain("培训需求", "考核指标");
        navigate("file");
        NavigatorKt.expectView(CadreFileView.class);
        assertThat(_find(H3.class).stream().map(H3::getText)).contains("年度考核");
        List<List<String>> y2019 = rows("appraisal-reviews", "2019");
        assertThat(y2019).hasSize(1);
        // total = (10×90 + 30×92 + 40×95 + 20×50) / 100 = 84.6
        assertThat(y2019.get(0)).containsExactly("2019", "优秀", "84.6", "90", "92", "95", "50", today,
                "连续优秀，拟记三等功");
        assertThat(rows("appraisal-reviews", "2017").get(0)).containsExactly("2017", "优秀", "94.7", "92", "93",
                "94", "100", today, "");
        List<List<String>> needs = rows("appraisal-needs", "2019");
        assertThat(needs).extracting(r -> r.get(1)).containsExactlyInAnyOrder("基于城市大脑数据的优化建议数",
                "城市大脑数据建议质量（组织部评定）", "数字素养培训学时（培训台账）");
        assertThat(needs).allSatisfy(r -> assertThat(r.get(2)).isEqualTo("待安排"));
        assertThat(rows("appraisal-needs", "2017")).isEmpty();

        // HR over 清河县 reads the same section, here in English
        login("wangfang");
        _click(_get(Button.class, spec -> spec.withId("language-switch")));
        navigate("file/" + cadre);
        NavigatorKt.expectView(CadreFileView.class);
        assertThat(_find(H3.class).stream().map(H3::getText)).contains("Annual reviews");
        assertThat(rows("appraisal-reviews", "2019").get(0)).startsWith("2019", "Excellent", "84.6")
                .endsWith("Consecutive excellent: proposed for third-class merit");
        assertThat(rows("appraisal-needs", "2019")).extracting(r -> r.get(1))
                .contains("Digital-literacy training hours (training ledger)");

        // 青山镇's leader may not read a 白沙镇 cadre's file
        login("lijun");
        navigate("file/" + cadre);
        _assertNone(Grid.class, spec -> spec.withId("appraisal-reviews"));
    }
}
