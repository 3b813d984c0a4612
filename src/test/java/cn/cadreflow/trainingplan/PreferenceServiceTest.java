package cn.cadreflow.trainingplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;

/** A cadre states their wishes for a year's plan; their HR officer may too; nobody else learns they exist. */
@CadreFlowTest
class PreferenceServiceTest {

    static final int YEAR = 2030;

    @Autowired
    PreferenceService preferences;
    @Autowired
    CourseCatalogue catalogue;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;

    long zhangwei;
    long course;

    @BeforeEach
    void setUp() {
        jdbc.update("DELETE FROM training_preference");
        jdbc.update("DELETE FROM training_plan_assignment");
        jdbc.update("DELETE FROM training_plan");
        jdbc.update("DELETE FROM training_course");
        zhangwei = user("zhangwei").cadreId();
        course = catalogue.add(new CatalogueCourse(null, "依法行政专题班", List.of("法治示范能力"), LocalDate.of(YEAR, 3, 4),
                LocalDate.of(YEAR, 3, 8), "县委党校", 60, new BigDecimal("40"), false, true), user("wangfang")).id();
    }

    UserContext user(String username) {
        return users.context(username).orElseThrow();
    }

    static TrainingPreferences wishes(long cadreId, List<Integer> preferred, List<Integer> impossible, List<Long> courses) {
        return new TrainingPreferences(cadreId, YEAR, new TreeSet<>(preferred), new TreeSet<>(impossible), courses);
    }

    @Test
    void theCadreStatesTheirWishesAndTheirHrOfficerSeesAndChangesThem() {
        assertThat(preferences.of(zhangwei, YEAR, user("zhangwei"))).isEmpty();
        preferences.save(wishes(zhangwei, List.of(14, 15), List.of(30), List.of(course)), user("zhangwei"));
        TrainingPreferences read = preferences.of(zhangwei, YEAR, user("wangfang")).orElseThrow();
        assertThat(read.preferredWeeks()).containsExactly(14, 15);
        assertThat(read.impossibleWeeks()).containsExactly(30);
        assertThat(read.preferredCourseIds()).containsExactly(course);
        preferences.save(wishes(zhangwei, List.of(40), List.of(), List.of()), user("wangfang"));
        assertThat(preferences.of(zhangwei, YEAR, user("zhangwei")).orElseThrow().preferredWeeks()).containsExactly(40);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM training_preference", Integer.class)).isEqualTo(1);
    }

    @Test
    void anyoneElseIsToldTheCadreDoesNotExist() {
        for (String username : List.of("lijun", "chenjing", "admin")) {
            assertThatThrownBy(() -> preferences.of(zhangwei, YEAR, user(username)))
                    .hasMessage("trainingplan.error.cadreNotFound");
            assertThatThrownBy(() -> preferences.save(wishes(zhangwei, List.of(1), List.of(), List.of()), user(username)))
                    .hasMessage("trainingplan.error.cadreNotFound");
        }
        assertThatThrownBy(() -> preferences.of(987_654_321L, YEAR, user("wangfang")))
                .hasMessage("trainingplan.error.cadreNotFound");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM training_preference", Integer.class)).isZero();
    }

    @Test
    void badWishesAreRefusedWithEveryProblemAndNothingSaved() {
        assertThatThrownBy(() -> preferences.save(wishes(zhangwei, List.of(0, 3, 60), List.of(3), List.of(course, 987_654_321L)),
                user("zhangwei"))).isInstanceOfSatisfying(CatalogueException.class, e -> assertThat(e.problems())
                        .extracting(CatalogueException.Problem::key).containsExactly("trainingplan.error.weeks",
                                "trainingplan.error.weekBoth", "trainingplan.error.courseUnknown"));
        assertThatThrownBy(() -> preferences.save(wishes(zhangwei, List.of(), List.of(), List.of(course, course)),
                user("zhangwei"))).hasMessage("trainingplan.error.courses");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM training_preference", Integer.class)).isZero();
    }
}
