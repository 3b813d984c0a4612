package cn.cadreflow.trainingplan;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.training.TrainingLedger;
import cn.cadreflow.training.TrainingRecord;
import cn.cadreflow.ui.EChart;
import cn.cadreflow.ui.KaribuSupport;

/**
 * HR's training report and the cadre file's training section on the demo data, with next year's plan for 青山镇
 * published (张伟 in 蹲点周10, which his ledger shows taken; 李军 in 蹲点周14, not yet): 王芳 (HR, 清河县) sees the
 * coverage, the hours by unit and rank and the heat map, and can export; 孙丽 (HR, 云溪县) sees none of 青山镇; a
 * cadre cannot open the report. 张伟's file, on screen and printed, shows his hours against 90 学时 or 12 days, his
 * immersive week taken and his closed training need (not the open one); 陈静 of another town cannot open his file.
 */
@CadreFlowTest
class TrainingReportUiTest extends KaribuSupport {

    static final String COURSE = "报表测试蹲点周";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CourseCatalogue catalogue;
    @Autowired
    TrainingLedger ledger;

    long zhangwei;
    final int year = PlanCourses.year();

    long id(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    @BeforeEach
    void publishedPlan() {
        cleanUp();
        PlanCourses.add(catalogue, users.context("admin").orElseThrow());
        long town = id("SELECT id FROM org_unit WHERE name = '青山镇'");
        zhangwei = id("SELECT id FROM cadre WHERE name = '张伟'");
        long lijun = id("SELECT id FROM cadre WHERE name = '李军'");
        jdbc.update("INSERT INTO training_plan (plan_year, unit_ids, status, opened_by, opened_at, published_by,"
                + " published_at) VALUES (?, ?, 'PUBLISHED', 'wangfang', CURRENT_TIMESTAMP, 'wangfang',"
                + " CURRENT_TIMESTAMP)", year, String.valueOf(town));
        long plan = id("SELECT MAX(id) FROM training_plan");
        for (Object[] a : List.of(new Object[] {zhangwei, "蹲点周10"}, new Object[] {lijun, "蹲点周14"})) {
            long course = id("SELECT id FROM training_course WHERE title = ?", a[1]);
            jdbc.update("INSERT INTO training_plan_assignment (plan_id, cadre_id, course_id, immersive, published)"
                    + " VALUES (?, ?, ?, TRUE, TRUE)", plan, a[0], course);
        }
        LocalDate week10 = catalogue.year(year, users.context("admin").orElseThrow()).stream()
                .filter(c -> c.title().equals("蹲点周10")).findFirst().orElseThrow().startDate();
        ledger.record(new TrainingRecord(null, zhangwei, year, COURSE, "县委党校", "FULL_TIME", week10,
                week10.plusDays(4), BigDecimal.valueOf(40), null));
        jdbc.update("INSERT INTO training_need (cadre_id, capability_code, capability_name, status, created_at)"
                + " VALUES (?, 'RPT1', '报表测试已结束能力', 'CLOSED', CURRENT_TIMESTAMP),"
                + " (?, 'RPT2', '报表测试待安排能力', 'OPEN', CURRENT_TIMESTAMP)", zhangwei, zhangwei);
    }

    @AfterEach
    void cleanUp() {
        PlanCourses.reset(jdbc);
        jdbc.update("DELETE FROM training_record WHERE course_name = ?", COURSE);
        jdbc.update("DELETE FROM training_need WHERE capability_code IN ('RPT1', 'RPT2')");
    }

    static List<String> rows(String gridId) {
        Grid<?> grid = _get(Grid.class, spec -> spec.withId(gridId));
        return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._getFormattedRow(grid, i).toString())
                .toList();
    }

    @SuppressWarnings("unchecked")
    static <T> List<T> items(String gridId) {
        Grid<T> grid = _get(Grid.class, spec -> spec.withId(gridId));
        return GridKt._fetch(grid, 0, GridKt._size(grid));
    }

    void showYear() {
        _setValue(_get(IntegerField.class, spec -> spec.withId("report-year")), year);
        _click(_get(Button.class, spec -> spec.withId("report-show")));
    }

    @Test
    void hrSeesCoverageHoursAndTheHeatMapOfTheirUnits() {
        login("wangfang");
        navigate("training/report");
        showYear();
        List<TrainingReport.Coverage> coverage = items("report-coverage");
        TrainingReport.Coverage town = coverage.stream().filter(c -> "青山镇".equals(c.unitName())).findFirst()
                .orElseThrow();
        assertThat(town.planned()).isEqualTo(2);
        assertThat(town.taken()).isEqualTo(1);
        assertThat(coverage.get(coverage.size() - 1).unitId()).isNull();
        assertThat(rows("report-coverage")).last().asString().startsWith("[合计");
        assertThat(_get(Paragraph.class, spec -> spec.withId("report-summary")).getText())
                .startsWith(year + " 年：在职干部").contains("已安排沉浸式培训周 2 人，已参加 1 人");
        assertThat(_get(EChart.class, spec -> spec.withId("report-coverage-chart")).getOption())
                .contains("\"type\":\"bar\"", "青山镇", "已参加", "未安排");

        // 张伟 (科员) has 40 of 90 学时 and 5 of 12 days: not met; the ranks are named
        assertThat(rows("report-ranks")).anySatisfy(r -> assertThat(r).startsWith("[科员"));
        List<TrainingReport.Hours> units = items("report-units");
        assertThat(units).anySatisfy(h -> {
            assertThat(h.label()).isEqualTo("青山镇");
            assertThat(h.notMet()).isPositive();
            assertThat(h.averageHours()).isPositive();
        });

        String heat = _get(EChart.class, spec -> spec.withId("report-heatmap")).getOption();
        assertThat(heat).contains("\"type\":\"heatmap\"", "青山镇", "在岗余量热力图");
        assertThat(_find(Paragraph.class, spec -> spec.withId("report-no-plan"))).noneMatch(Paragraph::isVisible);
        assertThat(_get(Anchor.class, spec -> spec.withId("report-export")).isEnabled()).isTrue();
    }

    @Test
    void anotherCountysOfficerSeesNoneOfItAndCadresCannotOpenTheReport() {
        login("sunli");
        navigate("training/report");
        showYear();
        assertThat(items("report-coverage")).extracting(c -> ((TrainingReport.Coverage) c).unitName())
                .doesNotContain("青山镇", "清河县");
        assertThat(_get(Paragraph.class, spec -> spec.withId("report-no-plan")).isVisible()).isTrue();

        login("zhangwei");
        expectMissingPage("training/report");
    }

    @Test
    void aYearOutOfRangeIsRefused() {
        login("wangfang");
        navigate("training/report");
        _setValue(_get(IntegerField.class, spec -> spec.withId("report-year")), year + 5);
        _click(_get(Button.class, spec -> spec.withId("report-show")));
        assertThat(notificationTexts()).anySatisfy(t -> assertThat(t).startsWith("只能统计"));
    }

    @Test
    void theCadreFileShowsHoursTheImmersiveWeekAndClosedNeedsOnScreenAndInPrint() {
        login("zhangwei");
        navigate("file");
        List<String> standing = rows("training-standing");
        assertThat(standing).hasSize(5);
        assertThat(standing.get(0)).contains(String.valueOf(LocalDate.now().getYear()), "每年 90 学时或 12 天");
        assertThat(rows("training-immersive")).singleElement().asString()
                .contains(String.valueOf(year), "蹲点周10", "已参加");
        assertThat(rows("training-needs-closed")).singleElement().asString().contains("报表测试已结束能力");

        navigate("file/" + zhangwei + "/print");
        assertThat(rows("training-immersive")).singleElement().asString().contains("蹲点周10");
        assertThat(rows("training-standing")).hasSize(5);

        login("chenjing");
        navigate("file/" + zhangwei);
        _assertNone(Grid.class, spec -> spec.withId("training-standing"));
    }
}
