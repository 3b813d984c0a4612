package cn.cadreflow.secondment;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.OrgLevel;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.ui.EChart;
import cn.cadreflow.ui.KaribuSupport;

/**
 * HR's secondment reports in the UI: a township cadre seconded to the county a month ago and held beyond the term
 * first approved shows in the talent pump (a click on the unit lists him) and in the flow 乡镇 → 县 of the last twelve
 * months; a click on that flow in the Sankey chart (the event {@code <cf-echart>} sends) lists him with a link to his
 * file; the officer of another county sees neither.
 */
@CadreFlowTest
class SecondmentReportsUiTest extends KaribuSupport {

    @Autowired
    OrgService org;
    @Autowired
    CadreService cadres;
    @Autowired
    JdbcTemplate jdbc;

    static long town;
    static long cadre;

    @BeforeEach
    void history() {
        if (town != 0) {
            return;
        }
        long county = jdbc.queryForObject("SELECT id FROM org_unit WHERE name = '清河县'", Long.class);
        town = org.addUnit("RPT-UI-TOWN", "报表界面镇", OrgLevel.TOWNSHIP, county, 0);
        long home = org.addPost(town, "报表界面岗位", false);
        cadre = cadres.add(new CadreService.NewCadre("界面借调", "F", LocalDate.of(1988, 5, 1), "汉族", null,
                LocalDate.of(2010, 7, 1), "UNDERGRADUATE", "KEYUAN", town, home));
        long target = org.addPost(county, "报表界面借调岗位", false);
        LocalDate start = LocalDate.now().minusDays(30);
        jdbc.update("INSERT INTO secondment (cadre_id, kind, home_unit_id, home_post_id, target_unit_id, target_post_id,"
                + " start_date, end_date, planned_end_date, extended, reason, status, requested_by, created_at,"
                + " updated_at) VALUES (?, 'JIEDIAO', ?, ?, ?, ?, ?, ?, ?, TRUE, '界面测试', 'ON_SECONDMENT', 'wangfang',"
                + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", cadre, town, home, county, target, start,
                LocalDate.now().plusDays(60), LocalDate.now().minusDays(1));
    }

    static List<String> rows(String gridId) {
        Grid<?> grid = _get(Grid.class, spec -> spec.withId(gridId));
        return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._getFormattedRow(grid, i).toString())
                .toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void hrClicksTheFlowAndTheUnitToSeeTheCadresBehindThem() {
        login("wangfang");
        navigate("secondments/reports");
        assertThat(_get(Paragraph.class, spec -> spec.withId("secondment-report-summary")).getText())
                .startsWith("目前在外挂职交流");
        assertThat(rows("secondment-pump")).contains("[报表界面镇, 1, 1, 0, 1]");
        assertThat(rows("secondment-flows")).anyMatch(r -> r.startsWith("[乡镇, 县, "));
        EChart sankey = _get(EChart.class, spec -> spec.withId("secondment-sankey"));
        assertThat(sankey.getOption()).contains("\"name\":\"乡镇 →\"").contains("\"name\":\"→ 县\"")
                .contains("\"key\":\"TOWNSHIP>COUNTY\"");
        assertThat(_find(H3.class, spec -> spec.withId("secondment-behind-title"))).as("no list before a click")
                .isEmpty();

        ComponentUtil.fireEvent(sankey, new EChart.ItemClickEvent(sankey, true, "edge", "乡镇 → > → 县",
                "TOWNSHIP>COUNTY"));
        H3 title = _get(H3.class, spec -> spec.withId("secondment-behind-title"));
        assertThat(title.getText()).isEqualTo("乡镇 → 县：相关干部");
        Grid<SecondmentReports.Mover> behind = _get(Grid.class, spec -> spec.withId("secondment-behind"));
        assertThat(behind.getListDataView().getItems().map(SecondmentReports.Mover::cadreId)).contains(cadre);
        assertThat(rows("secondment-behind")).anyMatch(r -> r.contains("借调, 外派, 报表界面镇 → 清河县"));
        Anchor link = findLink(behind, cadre);
        assertThat(link.getHref()).isEqualTo("file/" + cadre);
        assertThat(link.getText()).isEqualTo("界面借调");

        ComponentUtil.fireEvent(sankey, new EChart.ItemClickEvent(sankey, true, "node", "→ 县", "to:COUNTY"));
        assertThat(title.getText()).isEqualTo("→ 县：相关干部");

        Grid<SecondmentReports.PumpRow> pump = _get(Grid.class, spec -> spec.withId("secondment-pump"));
        int row = rows("secondment-pump").indexOf("[报表界面镇, 1, 1, 0, 1]");
        GridKt._clickItem(pump, row);
        assertThat(title.getText()).isEqualTo("报表界面镇：相关干部");
        assertThat(rows("secondment-behind")).singleElement().asString()
                .endsWith("借调, 超过原定期限, 报表界面镇 → 清河县, " + LocalDate.now().minusDays(30) + "]");
        assertThat(findLink(behind, cadre).getText()).isEqualTo("界面借调");
    }

    @Test
    void theOfficerOfAnotherCountySeesNoneOfIt() {
        login("sunli");
        navigate("secondments/reports");
        assertThat(rows("secondment-pump")).noneMatch(r -> r.contains("报表界面镇"));
        assertThat(rows("secondment-flows")).noneMatch(r -> r.startsWith("[乡镇, 县, "));
    }

    /** The name in the first column of the cadre's row: a link to the file. */
    private static Anchor findLink(Grid<SecondmentReports.Mover> grid, long cadreId) {
        List<SecondmentReports.Mover> items = grid.getListDataView().getItems().toList();
        int index = IntStream.range(0, items.size()).filter(i -> items.get(i).cadreId() == cadreId).findFirst()
                .orElseThrow();
        return (Anchor) GridKt._getCellComponent(grid, index, "name");
    }
}
