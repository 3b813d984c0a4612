package cn.cadreflow.trainingplan;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.ui.KaribuSupport;

/**
 * The catalogue screen as HR uses it (add, a refused course with every problem, change, delete, an import with a bad
 * row named by number and nothing imported, a good import), a cadre kept out of it; and 我的培训意向 as a cadre uses
 * it: the course that targets the gap from their annual review first, with the reason, and the wishes kept.
 */
@CadreFlowTest
class CatalogueUiTest extends KaribuSupport {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CourseCatalogue catalogue;

    @BeforeEach
    void clean() {
        PlanCourses.reset(jdbc);
        jdbc.update("DELETE FROM training_need WHERE source_review_id IS NULL");
    }

    static List<String> rows(String gridId) {
        Grid<?> grid = _get(Grid.class, spec -> spec.withId(gridId));
        return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._getFormattedRow(grid, i).toString())
                .toList();
    }

    static String problems(String id) {
        return _get(UnorderedList.class, spec -> spec.withId(id)).getElement().getTextRecursively();
    }

    /** The button in the course's row of the catalogue grid (a component column's cell). */
    @SuppressWarnings("unchecked")
    static Button rowButton(String buttonId) {
        Grid<CatalogueCourse> grid = _get(Grid.class, spec -> spec.withId("catalogue-grid"));
        for (int i = 0; i < GridKt._size(grid); i++) {
            java.util.Optional<Button> button = GridKt._getCellComponent(grid, i, "actions").getChildren()
                    .filter(c -> buttonId.equals(c.getId().orElse(null))).map(Button.class::cast).findFirst();
            if (button.isPresent()) {
                return button.get();
            }
        }
        throw new AssertionError("no button " + buttonId);
    }

    @SuppressWarnings("unchecked")
    static MultiSelectComboBox<String> picker() {
        return _get(MultiSelectComboBox.class, spec -> spec.withId("catalogue-capabilities"));
    }

    void fill(String title, String capabilities, LocalDate start, LocalDate end, int capacity, String hours) {
        _setValue(_get(TextField.class, spec -> spec.withId("catalogue-title")), title);
        _setValue(picker(), new java.util.LinkedHashSet<>(List.of(capabilities.split("、"))));
        _setValue(_get(DatePicker.class, spec -> spec.withId("catalogue-start")), start);
        _setValue(_get(DatePicker.class, spec -> spec.withId("catalogue-end")), end);
        _setValue(_get(TextField.class, spec -> spec.withId("catalogue-place")), "清河县委党校");
        _setValue(_get(IntegerField.class, spec -> spec.withId("catalogue-capacity")), capacity);
        _setValue(_get(BigDecimalField.class, spec -> spec.withId("catalogue-hours")), new BigDecimal(hours));
    }

    @Test
    void hrKeepsTheCatalogueOnItsScreen() throws Exception {
        int year = PlanCourses.year();
        LocalDate start = LocalDate.of(year, 3, 8);
        login("wangfang");
        navigate("training/catalogue");
        assertThat(_get(IntegerField.class, spec -> spec.withId("catalogue-year")).getValue()).isEqualTo(year);
        assertThat(_get(Anchor.class, spec -> spec.withId("catalogue-export")).getText()).isEqualTo("导出该年度课程（Excel）");

        // the capability picker offers the frameworks' capabilities and nothing else
        assertThat(picker().getListDataView().getItems().toList()).contains("法治示范能力", "群众工作能力", "数字胜任力")
                .doesNotContain("驾驶技能");

        // a course without a title and with its end before its start: every problem shown, nothing saved
        fill("", "法治示范能力", start, start.minusDays(2), 40, "24");
        _click(_get(Button.class, spec -> spec.withId("catalogue-save")));
        assertThat(problems("catalogue-problems")).contains("课程名称不能为空").contains("结束日期早于开始日期");
        assertThat(rows("catalogue-grid")).isEmpty();

        fill("依法行政专题班", "法治示范能力、群众工作能力", start, start.plusDays(2), 40, "24");
        _click(_get(Button.class, spec -> spec.withId("catalogue-save")));
        assertThat(notificationTexts()).contains("已新增课程“依法行政专题班”");
        assertThat(rows("catalogue-grid")).singleElement().asString().contains("依法行政专题班", "课堂", "40", "24",
                "法治示范能力、群众工作能力");

        long id = catalogue.year(year, users.context("wangfang").orElseThrow()).get(0).id();
        _click(rowButton("catalogue-edit-" + id));
        _setValue(_get(IntegerField.class, spec -> spec.withId("catalogue-capacity")), 60);
        _click(_get(Button.class, spec -> spec.withId("catalogue-save")));
        assertThat(rows("catalogue-grid")).singleElement().asString().contains("60");

        // an import with a bad row: the row is named by its number, nothing of the file is imported
        byte[] bad = CourseCatalogueTest.xlsx(CourseCatalogueTest.header(),
                new Object[] {"数字化转型班", "信息技术运用能力", year + "-05-10", year + "-05-12", "市委党校", 80, 24, "课堂", "是"},
                new Object[] {"信访工作班", "信访工作能力", year + "-07-05", year + "-07-01", "县信访局", 30, 16, "课堂", "是"});
        UploadKt._upload(_get(Upload.class, spec -> spec.withId("catalogue-upload")), "bad.xlsx",
                "application/octet-stream", bad);
        assertThat(problems("catalogue-problems")).contains("第 3 行：课程“信访工作班”的日期不完整，或结束日期早于开始日期");
        assertThat(rows("catalogue-grid")).hasSize(1);
        byte[] good = CourseCatalogueTest.xlsx(CourseCatalogueTest.header(),
                new Object[] {"数字化转型班", "信息技术运用能力", year + "-05-10", year + "-05-12", "市委党校", 80, 24, "课堂", "是"});
        UploadKt._upload(_get(Upload.class, spec -> spec.withId("catalogue-upload")), "good.xlsx",
                "application/octet-stream", good);
        assertThat(notificationTexts()).contains("已导入 1 门课程");
        assertThat(rows("catalogue-grid")).hasSize(2);

        _click(rowButton("catalogue-delete-" + id));
        assertThat(rows("catalogue-grid")).singleElement().asString().contains("数字化转型班");

        login("zhangwei");
        expectMissingPage("training/catalogue");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCadreStatesWishesWithTheGapCourseRecommendedFirst() {
        PlanCourses.add(catalogue, users.context("admin").orElseThrow());
        long zhangwei = users.context("zhangwei").orElseThrow().cadreId();
        jdbc.update("INSERT INTO training_need (cadre_id, capability_code, capability_name, status, created_at)"
                + " VALUES (?, 'IT', '信息技术运用能力', 'OPEN', CURRENT_TIMESTAMP)", zhangwei);

        login("zhangwei");
        navigate("training/preferences");
        List<String> courses = rows("pref-courses");
        assertThat(courses.get(0)).contains("数字化能力提升班", "推荐：针对您的能力短板“信息技术运用能力”");
        assertThat(courses.subList(1, courses.size())).noneMatch(r -> r.contains("推荐"));

        _setValue(_get(MultiSelectComboBox.class, spec -> spec.withId("pref-weeks")), Set.of(10, 14));
        _setValue(_get(MultiSelectComboBox.class, spec -> spec.withId("pref-impossible")), Set.of(18, 22));
        Grid<CourseChoice> grid = _get(Grid.class, spec -> spec.withId("pref-courses"));
        grid.select(GridKt._get(grid, 0));
        _click(_get(Button.class, spec -> spec.withId("pref-save")));
        assertThat(notificationTexts()).contains("已保存 " + PlanCourses.year() + " 年度的培训意向");

        // a week both wished and impossible is refused with the reason
        _setValue(_get(MultiSelectComboBox.class, spec -> spec.withId("pref-weeks")), Set.of(10, 18));
        _click(_get(Button.class, spec -> spec.withId("pref-save")));
        assertThat(problems("pref-problems")).contains("第 18 周不能既是意向周又是不可离岗周");

        login("zhangwei");
        navigate("training/preferences");
        assertThat(_get(MultiSelectComboBox.class, spec -> spec.withId("pref-weeks")).getValue())
                .isEqualTo(Set.of(10, 14));
        assertThat(_get(Grid.class, spec -> spec.withId("pref-courses")).getSelectedItems())
                .extracting(c -> ((CourseChoice) c).course().title()).containsExactly("数字化能力提升班");
    }
}
