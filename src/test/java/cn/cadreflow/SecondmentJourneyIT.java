package cn.cadreflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cadreflow.org.OrgService;

/**
 * 挂职 in a real headless Chromium, on the demo data: 张伟 (青山镇) asks to be seconded to a vacant post of 白沙镇
 * from today; 李军 (青山镇, the sending unit), 刘洋 (白沙镇, the receiving unit) and 王芳 (HR of 清河县) approve; his
 * home post in his file says it is kept for him (岗编分离), for which secondment and until when; 王芳 opens the
 * secondment reports, clicks the flow 乡镇 → 乡镇 in the Sankey diagram and finds 张伟 behind it, his name opening
 * his file. Then the term runs out with nobody deciding: the engine's clock is moved to the start and to the end
 * date and the jobs then due are run (the test's hand on the timers, as {@code SecondmentProcessTest} does; the app
 * runs no job executor here), and 王芳 sees 张伟 back home: his file says 期满自动返回原岗位, the line of his time
 * away ends on the end date, and her dashboard no longer lists him.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:cadreflow-secondment-browser;DB_CLOSE_DELAY=-1",
        "cadreflow.demo-data=true",
        "camunda.bpm.job-execution.enabled=false"})
class SecondmentJourneyIT extends BrowserJourney {

    static final String POST = "乡村振兴办副主任（挂职）";

    @Autowired
    OrgService org;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ManagementService management;
    @Autowired
    RuntimeService runtime;

    @Test
    void aCadreIsSecondedAndHrSeesHimBehindTheFlow() {
        // the receiving town has no vacant post in the demo data: it opens one
        long baisha = jdbc.queryForObject("SELECT id FROM org_unit WHERE name = '白沙镇'", Long.class);
        org.addPost(baisha, POST, false);
        long zhangwei = jdbc.queryForObject("SELECT cadre_id FROM app_user WHERE username = 'zhangwei'", Long.class);
        LocalDate start = LocalDate.now();
        LocalDate end = start.plusMonths(18).minusDays(1);

        step("zhangwei asks for a secondment", () -> {
            login("zhangwei");
            nav("挂职交流申请");
            choose("secondment-kind", "挂职锻炼");
            pick("secondment-target-unit", "白沙镇", "湘江市 / 清河县 / 白沙镇");
            pick("secondment-target-post", "乡村振兴", POST);
            date("secondment-start", start);
            date("secondment-end", end);
            type("secondment-reason", "到白沙镇参与乡村振兴项目，原岗位工作已交接给党政办同事。");
            click(By.id("secondment-submit"));
            wait.until(ExpectedConditions.urlMatches("/started$"));
            waitFor(cellContaining("started-grid", "办理中"));
            logout();
        });

        approve("lijun", "派出单位审批", "同意派出。");
        approve("liuyang", "接收单位审批", "同意接收。");
        approve("wangfang", "组织部审批", "同意挂职。");

        step("the home post says it is kept for zhangwei", () -> {
            login("wangfang");
            driver.get("http://localhost:" + port + "/file/" + zhangwei);
            waitFor(By.id("file-title"));
            assertThat(value("profile-post")).isEqualTo("党政综合办公室科员");
            String note = text(By.cssSelector("#profile-post > [slot='helper']"));
            assertThat(note).startsWith("岗编分离：为张伟保留（挂职锻炼，白沙镇，第").endsWith("至 " + end);
        });

        step("wangfang clicks the flow in the Sankey diagram and finds zhangwei", () -> {
            nav("挂职交流报表");
            waitFor(By.id("secondment-report-summary"));
            WebElement chart = waitFor(By.cssSelector("#secondment-sankey[rendered]"));
            assertThat(chart.getAttribute("failed")).isNull();
            waitFor(cell("secondment-flows", "乡镇"));
            // one flow only: its band runs across the middle of the chart, from "乡镇 →" to "→ 乡镇"
            js("arguments[0].scrollIntoView({block: 'center'})", chart);
            settle();
            // a click while the chart still animates in can miss the band on a loaded machine: click again every
            // two seconds until the list answers (picking the same flow twice shows the same list)
            new WebDriverWait(driver, Duration.ofSeconds(30), Duration.ofSeconds(2)).until(d -> {
                        if ("乡镇 → 乡镇：相关干部".equals(text(By.id("secondment-behind-title")))) {
                            return true;
                        }
                        new Actions(driver).moveToElement(chart).click().perform();
                        return false;
                    });
            WebElement name = waitFor(By.xpath("//*[@id='secondment-behind']//a[normalize-space(.)='张伟']"));
            waitFor(cellContaining("secondment-behind", "青山镇 → 白沙镇"));
            waitFor(cell("secondment-behind", "外派"));
            click(name);
            wait.until(ExpectedConditions.urlMatches("/file/" + zhangwei + "$"));
            wait.until(d -> text(By.id("file-title")) != null && text(By.id("file-title")).contains("张伟"));
            logout();
        });

        String instance = jdbc.queryForObject("SELECT process_instance_id FROM secondment WHERE cadre_id = ?"
                + " AND target_post_id = (SELECT id FROM post WHERE unit_id = ? AND name = ?)", String.class, zhangwei,
                baisha, POST);
        step("the term begins and ends with nobody deciding", () -> {
            try {
                runDueJobs(instance, start);
                assertThat(jdbc.queryForObject("SELECT status FROM secondment WHERE process_instance_id = ?",
                        String.class, instance)).isEqualTo("ON_SECONDMENT");
                runDueJobs(instance, end);
            } finally {
                ClockUtil.reset();
            }
            assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
        });

        step("wangfang sees zhangwei back home", () -> {
            login("wangfang");
            driver.get("http://localhost:" + port + "/file/" + zhangwei);
            waitFor(By.id("file-title"));
            waitFor(cell("secondment-file", "期满自动返回原岗位"));
            waitFor(cell("post-history", "挂职锻炼：" + POST));
            waitFor(cell("post-history", end.toString()));
            assertThat(value("profile-post")).isEqualTo("党政综合办公室科员");
            nav("挂职交流一览");
            waitFor(By.id("secondment-current"));
            settle();
            assertThat(driver.findElements(cell("secondment-current", "张伟"))).isEmpty();
            logout();
        });
    }

    /** Moves the engine's clock to the morning of the day and runs the instance's jobs then due, one at a time. */
    private void runDueJobs(String instance, LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(8, 0).atZone(ZoneId.systemDefault()).toInstant()));
        for (int round = 0; round < 100; round++) {
            List<Job> due = management.createJobQuery().processInstanceId(instance).executable()
                    .orderByJobDuedate().asc().listPage(0, 1);
            if (due.isEmpty()) {
                return;
            }
            management.executeJob(due.get(0).getId());
        }
        throw new AssertionError("jobs keep coming due");
    }

    /** The user takes the step from the inbox, approves with the opinion, and the inbox is empty again. */
    private void approve(String user, String stepName, String opinion) {
        step(user + " approves " + stepName, () -> {
            login(user);
            waitFor(cell("inbox-grid", stepName));
            click(cell("inbox-grid", stepName));
            waitFor(By.id("opinion"));
            type("opinion", opinion);
            click(By.id("approve"));
            inboxEmpty();
            logout();
        });
    }
}
