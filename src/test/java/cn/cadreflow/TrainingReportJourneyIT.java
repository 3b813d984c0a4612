package cn.cadreflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cadreflow.security.UserService;
import cn.cadreflow.training.TrainingLedger;
import cn.cadreflow.training.TrainingRecord;
import cn.cadreflow.trainingplan.CatalogueCourse;
import cn.cadreflow.trainingplan.CourseCatalogue;

/**
 * The training report and the cadre file's training section in a real headless Chromium on the demo data: next
 * year's plan for 青山镇 is published with 张伟 in the first immersive week of the demo catalogue, and his ledger
 * shows that week taken. 王芳 (HR, 清河县) opens 培训统计, picks next year and sees the coverage chart drawn, the
 * coverage table with 青山镇 and the heat map; 张伟 opens his file and sees the training section with his week taken.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:cadreflow-trainingreport-journey;DB_CLOSE_DELAY=-1",
        "cadreflow.demo-data=true",
        "camunda.bpm.job-execution.enabled=false"})
class TrainingReportJourneyIT extends BrowserJourney {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CourseCatalogue catalogue;
    @Autowired
    TrainingLedger ledger;
    @Autowired
    UserService users;

    final int year = LocalDate.now().getYear() + 1;

    @Test
    void hrReadsTheReportAndACadreSeesTheTrainingInTheirFile() {
        CatalogueCourse week = catalogue.year(year, users.context("admin").orElseThrow()).stream()
                .filter(CatalogueCourse::immersive).findFirst().orElseThrow();
        long town = jdbc.queryForObject("SELECT id FROM org_unit WHERE name = '青山镇'", Long.class);
        long zhangwei = jdbc.queryForObject("SELECT id FROM cadre WHERE name = '张伟'", Long.class);
        jdbc.update("INSERT INTO training_plan (plan_year, unit_ids, status, opened_by, opened_at, published_by,"
                + " published_at) VALUES (?, ?, 'PUBLISHED', 'wangfang', CURRENT_TIMESTAMP, 'wangfang',"
                + " CURRENT_TIMESTAMP)", year, String.valueOf(town));
        long plan = jdbc.queryForObject("SELECT MAX(id) FROM training_plan", Long.class);
        jdbc.update("INSERT INTO training_plan_assignment (plan_id, cadre_id, course_id, immersive, published)"
                + " VALUES (?, ?, ?, TRUE, TRUE)", plan, zhangwei, week.id());
        ledger.record(new TrainingRecord(null, zhangwei, year, week.title(), week.place(), "FULL_TIME",
                week.startDate(), week.endDate(), week.hours(), null));

        step("wangfang opens the training report of next year", () -> {
            login("wangfang");
            nav("培训统计");
            waitFor(By.id("report-coverage"));
            type("report-year", String.valueOf(year));
            click(By.id("report-show"));
            wait.until(d -> text(By.id("report-summary")).startsWith(year + " 年"));
            assertThat(text(By.id("report-summary"))).contains("已安排沉浸式培训周 1 人，已参加 1 人");
            waitFor(By.cssSelector("#report-coverage-chart[rendered]"));
            assertThat(driver.findElements(By.cssSelector("#report-coverage-chart canvas"))).isNotEmpty();
            waitFor(cellContaining("report-coverage", "青山镇"));
            waitFor(cellContaining("report-units", "青山镇"));
            waitFor(By.cssSelector("#report-heatmap[rendered]"));
            assertThat((String) js("return arguments[0].option", driver.findElement(By.id("report-heatmap"))))
                    .contains("\"heatmap\"", "青山镇");
            logout();
        });

        step("zhangwei sees the training section of his file", () -> {
            login("zhangwei");
            nav("干部档案");
            waitFor(By.id("training-standing"));
            waitFor(cellContaining("training-standing", String.valueOf(LocalDate.now().getYear())));
            waitFor(cellContaining("training-immersive", week.title()));
            waitFor(cellContaining("training-immersive", "已参加"));
        });
    }
}
