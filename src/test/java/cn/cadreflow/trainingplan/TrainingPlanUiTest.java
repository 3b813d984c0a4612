package cn.cadreflow.trainingplan;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.progressbar.ProgressBar;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.org.OrgUnit;
import cn.cadreflow.ui.EChart;
import cn.cadreflow.ui.KaribuSupport;

/**
 * The HR plan view end to end on the demo county 清河县: open planning for the county and its two towns, run the
 * solver in the background (the page shows the run and follows it by push), read the heat map, the per-cadre hours
 * with the reason for the county leaders' unmet 550 学时, move an immersive week into a week the town has no
 * headroom (refused, the rule named) and into one it has (accepted, checked), publish, and find the published
 * assignments through the API a per-leave process will start from. A village already below its minimum is reported
 * with its weeks and cannot be published.
 */
@CadreFlowTest
class TrainingPlanUiTest extends KaribuSupport {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CourseCatalogue catalogue;
    @Autowired
    TrainingPlanService plans;
    @Autowired
    OrgService org;

    @BeforeEach
    void courses() {
        PlanCourses.reset(jdbc);
        PlanCourses.add(catalogue, users.context("admin").orElseThrow());
    }

    OrgUnit unit(String name) {
        return org.tree().units().stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow();
    }

    static String text(String id) {
        return _get(UnorderedList.class, spec -> spec.withId(id)).getElement().getTextRecursively();
    }

    @SuppressWarnings("unchecked")
    void open(String... units) {
        _setValue(_get(MultiSelectComboBox.class, spec -> spec.withId("plan-units")),
                Set.of(units).stream().map(this::unit).collect(Collectors.toSet()));
        _click(_get(Button.class, spec -> spec.withId("plan-open")));
    }

    void runToTheEnd(long planId) throws InterruptedException {
        _click(_get(Button.class, spec -> spec.withId("plan-run")));
        // the page is not blocked: it shows the run going on
        assertThat(_get(ProgressBar.class, spec -> spec.withId("plan-progress")).isVisible()).isTrue();
        assertThat(_get(Span.class, spec -> spec.withId("plan-status")).getText()).startsWith("正在编排");
        assertThat(_get(Button.class, spec -> spec.withId("plan-run")).isEnabled()).isFalse();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (plans.run(planId).running() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        MockVaadin.clientRoundtrip();
        assertThat(_get(Span.class, spec -> spec.withId("plan-status")).getText()).startsWith("编排完成");
        _assertNone(ProgressBar.class, spec -> spec.withId("plan-progress"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void hrPlansTheCountyMovesAnAssignmentAndPublishes() throws Exception {
        login("wangfang");
        navigate("training/plan");
        open("清河县", "青山镇", "白沙镇");
        assertThat(notificationTexts()).contains("已开始编排 " + PlanCourses.year() + " 年度培训计划");
        long planId = plans.plans(users.context("wangfang").orElseThrow()).get(0).id();
        runToTheEnd(planId);

        assertThat(text("plan-obstacles")).isEmpty();
        assertThat(_get(Span.class, spec -> spec.withId("plan-checker")).getText()).startsWith("独立检查：0 项硬约束违反");
        String heatMap = _get(EChart.class, spec -> spec.withId("plan-heatmap")).getOption();
        assertThat(heatMap).contains("\"type\":\"heatmap\"", "青山镇", "白沙镇", "清河县", "在岗余量热力图");

        Grid<PlanReview.CadreRow> grid = _get(Grid.class, spec -> spec.withId("plan-grid"));
        List<PlanReview.CadreRow> rows = GridKt._fetch(grid, 0, GridKt._size(grid));
        assertThat(rows).extracting(PlanReview.CadreRow::unitName).contains("清河县", "青山镇", "白沙镇");
        assertThat(rows).allSatisfy(r -> assertThat(r.immersive()).isNotNull());
        // the county leaders (县处级) need 550 学时 in five years; the catalogue gives at most 120: said so, per cadre
        assertThat(rows.stream().filter(r -> r.requiredHours() > 120))
                .isNotEmpty().allSatisfy(r -> assertThat(GridKt._getFormattedRow(grid, rows.indexOf(r)).toString())
                        .contains("课程目录在其可离岗的周最多只能提供 120 学时"));

        // 青山镇 (6 cadres, at least 4 on duty) can spare 2 a week
        List<PlanReview.CadreRow> town = rows.stream().filter(r -> r.unitName().equals("青山镇")).toList();
        Map<Integer, List<PlanReview.CadreRow>> byWeek = town.stream()
                .collect(Collectors.groupingBy(r -> r.immersive().week()));
        int fullWeek = byWeek.entrySet().stream().filter(e -> e.getValue().size() == 2).findFirst().orElseThrow().getKey();
        PlanReview.CadreRow mover = town.stream().filter(r -> r.immersive().week() != fullWeek).findFirst().orElseThrow();
        move(mover, fullWeek);
        assertThat(_get(Span.class, spec -> spec.withId("plan-move-result")).getText())
                .startsWith("不能这样调整：").contains("青山镇 第 " + fullWeek + " 周", "低于最低在岗人数");

        int freeWeek = java.util.Arrays.stream(PlanCourses.IMMERSIVE_WEEKS)
                .filter(w -> byWeek.getOrDefault(w, List.of()).size() < 2 && w != mover.immersive().week())
                .findFirst().orElseThrow();
        move(mover, freeWeek);
        assertThat(_get(Span.class, spec -> spec.withId("plan-move-result")).getText())
                .isEqualTo("已调整 " + mover.name() + " 的安排，独立检查通过");
        assertThat(GridKt._fetch(grid, 0, GridKt._size(grid)).stream().filter(r -> r.cadreId() == mover.cadreId())
                .findFirst().orElseThrow().immersive().week()).isEqualTo(freeWeek);

        _click(_get(Button.class, spec -> spec.withId("plan-publish")));
        assertThat(notificationTexts()).contains("已发布 " + PlanCourses.year() + " 年度培训计划");
        assertThat(plans.published(mover.cadreId(), PlanCourses.year()))
                .anySatisfy(t -> assertThat(t.course().title()).isEqualTo("蹲点周" + freeWeek));
    }

    @SuppressWarnings("unchecked")
    void move(PlanReview.CadreRow row, int week) {
        ComboBox<PlanReview.CadreRow> cadre = _get(ComboBox.class, spec -> spec.withId("plan-move-cadre"));
        _setValue(cadre, cadre.getListDataView().getItems().filter(r -> r.cadreId() == row.cadreId()).findFirst()
                .orElseThrow());
        ComboBox<PlanReview.CourseRef> from = _get(ComboBox.class, spec -> spec.withId("plan-move-from"));
        _setValue(from, from.getListDataView().getItems().filter(PlanReview.CourseRef::immersive).findFirst()
                .orElseThrow());
        ComboBox<PlanReview.CourseRef> to = _get(ComboBox.class, spec -> spec.withId("plan-move-to"));
        _setValue(to, to.getListDataView().getItems().filter(c -> c.week() == week).findFirst().orElseThrow());
        _click(_get(Button.class, spec -> spec.withId("plan-move")));
    }

    @Test
    void aVillageBelowItsMinimumIsReportedWithItsWeeksAndCannotBePublished() {
        login("wangfang");
        navigate("training/plan");
        open("青山村");
        assertThat(text("plan-obstacles")).contains("青山村 在第 1–" + cn.cadreflow.trainingplan.internal.PlanInputs
                .weeks(PlanCourses.year()) + " 周因挂职、请假等已低于最低在岗人数（最低 2 人，在编 1 人）");
        assertThat(_get(Button.class, spec -> spec.withId("plan-publish")).isEnabled()).isFalse();
    }
}
