package cn.cadreflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;
import cn.cadreflow.trainingplan.PlanReview;
import cn.cadreflow.trainingplan.TrainingPlanService;
import cn.cadreflow.trainingplan.internal.PlanInputs;

/**
 * The yearly training plan in a real headless Chromium on the demo data (its demo catalogue: eight immersive weeks
 * and six classroom courses next year): 王芳 (HR, 清河县) adds a course to the catalogue; 张伟 states a preferred
 * week for his immersive week; 王芳 opens planning of next year for 青山镇, runs it (the page follows the run), sees
 * the staffing-headroom heat map drawn, moves 张伟's immersive week to a week his town can spare him (the independent
 * check passes) and publishes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:cadreflow-trainingplan-journey;DB_CLOSE_DELAY=-1",
        "cadreflow.demo-data=true",
        "camunda.bpm.job-execution.enabled=false",
        "cadreflow.training-plan.unimproved-limit=PT2S"})
class TrainingPlanJourneyIT extends BrowserJourney {

    @Autowired
    TrainingPlanService plans;
    @Autowired
    UserService users;

    final int year = LocalDate.now().getYear() + 1;

    @Test
    void hrPlansTheYearFromCatalogueToPublishedPlan() {
        LocalDate start = PlanInputs.firstMonday(year).plusWeeks(35);

        step("wangfang adds a course", () -> {
            login("wangfang");
            nav("培训课程目录");
            waitFor(By.id("catalogue-grid"));
            type("catalogue-title", "乡村振兴专题研讨班");
            pickMany("catalogue-capabilities", "推动发展的能力");
            date("catalogue-start", start);
            date("catalogue-end", start.plusDays(2));
            type("catalogue-place", "清河县委党校");
            type("catalogue-capacity", "30");
            type("catalogue-hours", "24");
            click(By.id("catalogue-save"));
            waitFor(cellContaining("catalogue-grid", "乡村振兴专题研讨班"));
            logout();
        });

        LocalDate week10 = PlanInputs.firstMonday(year).plusWeeks(9);
        step("zhangwei states a preferred week", () -> {
            login("zhangwei");
            nav("我的培训意向");
            // the new course is the year's last: the grid holds it, below the rows it draws
            waitFor(By.id("pref-courses"));
            wait.until(d -> gridSize("pref-courses") != null && gridSize("pref-courses") == 15);
            pickMany("pref-weeks", week10 + " 起）");
            click(By.id("pref-save"));
            waitFor(By.xpath("//vaadin-notification-card[contains(., '已保存 " + year + " 年度的培训意向')]"));
            logout();
        });

        step("wangfang opens planning, runs it and sees the heat map", () -> {
            login("wangfang");
            nav("培训计划编排");
            pickMany("plan-units", "青山镇");
            click(By.id("plan-open"));
            wait.until(d -> selectedLabel("plan-select").contains("青山镇"));
            click(By.id("plan-run"));
            // the run goes on in the background; its end is pushed to the page
            wait.until(d -> text(By.id("plan-status")).startsWith("编排完成"));
            waitFor(By.cssSelector("#plan-heatmap[rendered]"));
            assertThat(driver.findElements(By.cssSelector("#plan-heatmap canvas"))).isNotEmpty();
            assertThat((String) js("return arguments[0].option", driver.findElement(By.id("plan-heatmap"))))
                    .contains("\"heatmap\"", "青山镇");
            assertThat(text(By.id("plan-checker"))).startsWith("独立检查：0 项硬约束违反");
            waitFor(cellContaining("plan-grid", "张伟"));
        });

        step("wangfang moves zhangwei's immersive week and publishes", () -> {
            UserContext hr = users.context("wangfang").orElseThrow();
            long planId = plans.plans(hr).get(0).id();
            PlanReview review = plans.review(planId, hr);
            PlanReview.CadreRow zhangwei = review.cadres().stream().filter(r -> r.name().equals("张伟")).findFirst()
                    .orElseThrow();
            PlanReview.UnitWeeks town = review.units().get(0);
            PlanReview.CourseRef target = review.courses().stream()
                    .filter(c -> c.immersive() && c.week() != zhangwei.immersive().week()
                            && town.headroom()[c.week() - 1] > 0)
                    .findFirst().orElseThrow();
            pick("plan-move-cadre", "张伟", "张伟 · 青山镇");
            String current = zhangwei.immersive().title() + "（第 " + zhangwei.immersive().week() + " 周）";
            pick("plan-move-from", zhangwei.immersive().title(), current);
            String to = target.title() + "（第 " + target.week() + " 周）";
            pick("plan-move-to", target.title(), to);
            click(By.id("plan-move"));
            wait.until(d -> text(By.id("plan-move-result")).equals("已调整 张伟 的安排，独立检查通过"));
            waitFor(cellContaining("plan-grid", to));
            click(By.id("plan-publish"));
            wait.until(d -> selectedLabel("plan-select").contains("已发布"));
            assertThat(plans.published(zhangwei.cadreId(), year)).extracting(t -> t.course().title())
                    .contains(target.title());
        });
    }
}
