package cn.cadreflow.trainingplan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

import cn.cadreflow.security.UserContext;
import cn.cadreflow.trainingplan.internal.PlanInputs;

/**
 * A small catalogue for next year's plan: four immersive weeks (ISO weeks 10, 14, 18, 22; six places each) and three
 * classroom courses (week 12: 3 days 24 学时, targets 信息技术运用能力; week 16: 5 days 40 学时; week 20: 2 days
 * 16 学时). At most 120 学时 for one cadre.
 */
final class PlanCourses {

    static final int[] IMMERSIVE_WEEKS = {10, 14, 18, 22};

    private PlanCourses() {
    }

    static int year() {
        return LocalDate.now().getYear() + 1;
    }

    static void reset(JdbcTemplate jdbc) {
        jdbc.update("DELETE FROM training_plan_assignment");
        jdbc.update("DELETE FROM training_plan");
        jdbc.update("DELETE FROM training_preference");
        jdbc.update("DELETE FROM training_course");
    }

    static void add(CourseCatalogue catalogue, UserContext admin) {
        LocalDate monday = PlanInputs.firstMonday(year());
        for (int week : IMMERSIVE_WEEKS) {
            course(catalogue, admin, "蹲点周" + week, List.of("群众工作能力"), monday, week, 0, 5, 6, 40, true);
        }
        course(catalogue, admin, "数字化能力提升班", List.of("信息技术运用能力", "数字胜任力"), monday, 12, 0, 3, 40, 24, false);
        course(catalogue, admin, "依法行政专题班", List.of("法治示范能力"), monday, 16, 0, 5, 40, 40, false);
        course(catalogue, admin, "应急处突班", List.of("应急处突能力"), monday, 20, 1, 2, 30, 16, false);
    }

    private static void course(CourseCatalogue catalogue, UserContext admin, String title, List<String> capabilities,
                               LocalDate monday, int week, int first, int days, int capacity, int hours,
                               boolean immersive) {
        LocalDate start = monday.plusWeeks(week - 1L).plusDays(first);
        catalogue.add(new CatalogueCourse(null, title, capabilities, start, start.plusDays(days - 1L), "县委党校",
                capacity, BigDecimal.valueOf(hours), immersive, true), admin);
    }
}
