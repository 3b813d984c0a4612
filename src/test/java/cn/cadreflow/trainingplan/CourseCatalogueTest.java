package cn.cadreflow.trainingplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;
import cn.cadreflow.trainingplan.internal.CatalogueXlsx;

/** The course catalogue: who may keep it, checks on every field, .xlsx import (all or nothing) and export. */
@CadreFlowTest
class CourseCatalogueTest {

    static final int YEAR = 2029;

    @Autowired
    CourseCatalogue catalogue;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void clean() {
        jdbc.update("DELETE FROM training_plan_assignment");
        jdbc.update("DELETE FROM training_plan");
        jdbc.update("DELETE FROM training_course");
    }

    UserContext user(String username) {
        return users.context(username).orElseThrow();
    }

    int rows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM training_course", Integer.class);
    }

    static CatalogueCourse course(String title, String place, int capacity, String hours) {
        return new CatalogueCourse(null, title, List.of("法治示范能力", "群众工作能力"), LocalDate.of(YEAR, 3, 5),
                LocalDate.of(YEAR, 3, 9), place, capacity, new BigDecimal(hours), false, true);
    }

    static byte[] xlsx(Object[]... rows) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("目录");
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    if (rows[r][c] instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else {
                        row.createCell(c).setCellValue(String.valueOf(rows[r][c]));
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    static Object[] header() {
        return CatalogueXlsx.HEADER.toArray();
    }

    @Test
    void hrAddsACourseAndSeesItInTheYear() {
        CatalogueCourse saved = catalogue.add(course(" 依法行政专题班 ", "县委党校", 60, "40"), user("wangfang"));
        assertThat(saved.id()).isNotNull();
        assertThat(catalogue.year(YEAR, user("admin"))).singleElement().satisfies(c -> {
            assertThat(c.title()).isEqualTo("依法行政专题班");
            assertThat(c.capabilities()).containsExactly("法治示范能力", "群众工作能力");
            assertThat(c.hours()).isEqualByComparingTo("40");
            assertThat(c.fullTime()).isTrue();
            assertThat(c.immersive()).isFalse();
        });
        assertThat(catalogue.year(YEAR + 1, user("wangfang"))).isEmpty();
    }

    @Test
    void nobodyElseMayReadOrChangeIt() {
        for (String username : List.of("zhangwei", "lijun")) {
            assertThatThrownBy(() -> catalogue.add(course("班", "党校", 10, "8"), user(username)))
                    .isInstanceOf(CatalogueException.class).hasMessage("trainingplan.error.notAllowed");
            assertThatThrownBy(() -> catalogue.year(YEAR, user(username)))
                    .hasMessage("trainingplan.error.notAllowed");
        }
        assertThat(rows()).isZero();
    }

    @Test
    void badInputIsRefusedWithEveryProblemAndNothingSaved() {
        CatalogueCourse bad = new CatalogueCourse(null, "班".repeat(201), List.of(" "), LocalDate.of(YEAR, 3, 9),
                LocalDate.of(YEAR, 3, 5), "", 0, new BigDecimal("8.25"), true, true);
        assertThatThrownBy(() -> catalogue.add(bad, user("wangfang"))).isInstanceOfSatisfying(CatalogueException.class,
                e -> assertThat(e.problems()).extracting(CatalogueException.Problem::key).containsExactly(
                        "trainingplan.error.titleTooLong", "trainingplan.error.placeRequired",
                        "trainingplan.error.capabilities", "trainingplan.error.dates", "trainingplan.error.capacity",
                        "trainingplan.error.hours"));
        assertThat(rows()).isZero();
    }

    @Test
    void aCapabilityOutsideTheFrameworksIsRefusedByNameOnSaveAndImportAndNothingIsSaved() throws IOException {
        assertThat(catalogue.capabilities(user("wangfang"))).contains("法治示范能力", "群众工作能力", "数字胜任力")
                .doesNotContain("驾驶技能").doesNotHaveDuplicates();
        CatalogueCourse unknown = new CatalogueCourse(null, "驾驶培训班", List.of("法治示范能力", "驾驶技能"),
                LocalDate.of(YEAR, 3, 5), LocalDate.of(YEAR, 3, 9), "县委党校", 20, new BigDecimal("16"), false, true);
        assertThatThrownBy(() -> catalogue.add(unknown, user("wangfang")))
                .isInstanceOfSatisfying(CatalogueException.class, e -> assertThat(e.problems())
                        .extracting(CatalogueException.Problem::key, CatalogueException.Problem::args)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("trainingplan.error.unknownCapability",
                                List.of("驾驶培训班", "驾驶技能"))));
        assertThat(rows()).isZero();

        CatalogueCourse saved = catalogue.add(course("依法行政专题班", "县委党校", 60, "40"), user("wangfang"));
        CatalogueCourse changed = new CatalogueCourse(saved.id(), saved.title(), List.of("依法办事"),
                saved.startDate(), saved.endDate(), saved.place(), saved.capacity(), saved.hours(), saved.immersive(),
                saved.fullTime());
        assertThatThrownBy(() -> catalogue.update(changed, user("wangfang"))).isInstanceOfSatisfying(
                CatalogueException.class, e -> assertThat(e.problems()).extracting(CatalogueException.Problem::key)
                        .containsExactly("trainingplan.error.unknownCapability"));
        assertThat(catalogue.year(YEAR, user("wangfang"))).singleElement()
                .satisfies(c -> assertThat(c.capabilities()).containsExactly("法治示范能力", "群众工作能力"));

        byte[] file = xlsx(header(),
                new Object[] {"数字化转型班", "信息技术运用能力", YEAR + "-05-10", YEAR + "-05-12", "市委党校", 80, 24, "课堂", "是"},
                new Object[] {"驾驶培训班", "驾驶技能", YEAR + "-06-10", YEAR + "-06-12", "县车管所", 20, 16, "课堂", "是"});
        assertThatThrownBy(() -> catalogue.importXlsx(file, user("wangfang"))).isInstanceOfSatisfying(
                CatalogueException.class, e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.key()).isEqualTo("trainingplan.import.row");
                    assertThat(p.args().get(0)).isEqualTo(3);
                    assertThat(((CatalogueException.Problem) p.args().get(1)).key())
                            .isEqualTo("trainingplan.error.unknownCapability");
                }));
        assertThat(rows()).as("nothing of the file").isEqualTo(1);
    }

    @Test
    void exportThenImportGivesTheSameCourses() {
        catalogue.add(course("依法行政专题班", "县委党校", 60, "40"), user("wangfang"));
        catalogue.add(new CatalogueCourse(null, "青山村蹲点", List.of("群众工作能力"), LocalDate.of(YEAR, 4, 6),
                LocalDate.of(YEAR, 4, 10), "青山村", 12, new BigDecimal("40"), true, true), user("wangfang"));
        byte[] file = catalogue.exportXlsx(YEAR, user("wangfang"));
        List<CatalogueCourse> before = catalogue.year(YEAR, user("wangfang"));
        jdbc.update("DELETE FROM training_plan_assignment");
        jdbc.update("DELETE FROM training_plan");
        jdbc.update("DELETE FROM training_course");
        assertThat(catalogue.importXlsx(file, user("admin"))).isEqualTo(2);
        assertThat(catalogue.year(YEAR, user("wangfang")))
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("id", "hours")
                .containsExactlyElementsOf(before);
    }

    @Test
    void anImportWithABadRowAddsNothingAndNamesEveryBadLine() throws IOException {
        byte[] file = xlsx(header(),
                new Object[] { "数字化转型班", "信息技术运用能力", "2029-05-07", "2029-05-09", "市委党校", 80, 24, "课堂", "是" },
                new Object[] { "应急处突班", "应急处突能力", "5月", "2029-06-01", "县应急局", "八十", 16, "课堂", "是" },
                new Object[] { "信访工作班", "信访工作能力", "2029-07-01", "2029-07-02", "县信访局", 30, 16, "讲座", "也许" });
        assertThatThrownBy(() -> catalogue.importXlsx(file, user("wangfang")))
                .isInstanceOfSatisfying(CatalogueException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.key(), p -> p.args().get(0))
                        .containsExactly(tuple("trainingplan.import.date", 3), tuple("trainingplan.import.number", 3),
                                tuple("trainingplan.import.kind", 4), tuple("trainingplan.import.fullTime", 4)));
        assertThat(rows()).isZero();
    }

    @Test
    void aFileThatIsNotTheCatalogueIsRefused() throws IOException {
        assertThatThrownBy(() -> catalogue.importXlsx(xlsx(new Object[] { "姓名", "学时" }), user("wangfang")))
                .hasMessage("trainingplan.import.header");
        assertThatThrownBy(() -> catalogue.importXlsx("not a workbook".getBytes(), user("wangfang")))
                .hasMessage("trainingplan.import.unreadable");
        assertThatThrownBy(() -> catalogue.importXlsx(xlsx(header()), user("wangfang")))
                .hasMessage("trainingplan.import.empty");
        assertThat(rows()).isZero();
    }
}
