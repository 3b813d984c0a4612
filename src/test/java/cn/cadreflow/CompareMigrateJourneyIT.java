package cn.cadreflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cadreflow.modelling.LibraryService;
import cn.cadreflow.modelling.MigrationTest;
import cn.cadreflow.security.UserService;

/**
 * 比较版本 and 迁移实例 in a real headless Chromium: two versions of a small process are in the library (the second
 * renames the first step and replaces the second), one instance waits in each step. The administrator opens
 * 比较版本 from 流程库, picks the two versions and reads the changes; opens 迁移实例, previews (one instance moves, the
 * one in the replaced step stays), maps the replaced step by hand to its successor, previews again (both move) and
 * migrates. Every step must pass without a Content-Security-Policy violation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:cadreflow-compare-migrate-journey;DB_CLOSE_DELAY=-1",
        "cadreflow.demo-data=true",
        "camunda.bpm.job-execution.enabled=false"})
class CompareMigrateJourneyIT extends BrowserJourney {

    static final String KEY = "journeyProbe";

    @Autowired
    LibraryService library;
    @Autowired
    UserService users;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcTemplate jdbc;

    String versionId(int version) {
        return jdbc.queryForObject("SELECT ID_ FROM ACT_RE_PROCDEF WHERE KEY_ = ? AND VERSION_ = ?", String.class,
                KEY, version);
    }

    String entry(int version) {
        return "流程 · 迁移探针（" + KEY + "）第 " + version + " 版";
    }

    @SuppressWarnings("unchecked")
    List<String> texts(String selector) {
        return (List<String>) js("return [...document.querySelectorAll(arguments[0])].map(e => e.textContent.trim())",
                selector);
    }

    String text(String id) {
        return (String) js("return document.getElementById(arguments[0])?.textContent.trim() ?? ''", id);
    }

    String definitionOf(String pi) {
        return runtime.createProcessInstanceQuery().processInstanceId(pi).singleResult().getProcessDefinitionId();
    }

    @Test
    void theAdministratorComparesTwoVersionsAndMigratesWithAStepMappedByHand() {
        var admin = users.context("admin").orElseThrow();
        library.deploy(admin, "journey-probe.bpmn", MigrationTest.probe(KEY, "填写", "review", "审核"));
        String v1 = versionId(1);
        String atFill = runtime.startProcessInstanceById(v1, Map.of("initiator", "zhangwei")).getId();
        String atReview = runtime.startProcessInstanceById(v1, Map.of("initiator", "zhangwei")).getId();
        tasks.complete(tasks.createTaskQuery().processInstanceId(atReview).singleResult().getId());
        library.deploy(admin, "journey-probe.bpmn", MigrationTest.probe(KEY, "填写申请", "check", "复核"));
        String v2 = versionId(2);

        step("admin compares the two versions", () -> {
            login("admin");
            nav("流程库");
            click(By.id("library-compare"));
            waitFor(By.id("compare-from"));
            pick("compare-from", KEY, entry(1));
            pick("compare-to", KEY, entry(2));
            click(By.id("compare-run"));
            wait.until(ExpectedConditions.textToBe(By.id("compare-summary"), "共 5 处改动："));
            assertThat(texts("#compare-changes li")).contains("用户任务 fill 改名：“填写” → “填写申请”",
                    "新增用户任务“复核”（check）", "删除了用户任务“审核”（review）");
        });

        step("admin previews the migration: the instance in the replaced step would stay", () -> {
            nav("流程库");
            click(By.id("library-migrate"));
            waitFor(By.id("migrate-from"));
            pick("migrate-from", KEY, entry(1));
            pick("migrate-to", KEY, entry(2));
            click(By.id("migrate-preview"));
            wait.until(d -> "运行中实例 2 个，将迁移 1 个，留在原版本 1 个。".equals(text("migrate-summary")));
            assertThat(text("migrate-unmapped")).isEqualTo("审核（review）：1 个实例停在这里，不会迁移");
        });

        step("admin maps 审核 to 复核 by hand and migrates both instances", () -> {
            assertThat(text("migrate-manual")).contains("审核（review）→");
            pick("migrate-map-review", "复核", "复核（check）");
            wait.until(d -> "运行中实例 2 个，将迁移 2 个，留在原版本 0 个。".equals(text("migrate-summary")));
            assertThat(text("migrate-unmapped")).isEqualTo("没有：所有停留的步骤都能对应");
            settle();
            click(By.id("migrate-run"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("vaadin-notification-card"),
                    "已迁移 2 个实例，0 个留在原版本"));
            assertThat(definitionOf(atFill)).isEqualTo(v2);
            assertThat(definitionOf(atReview)).isEqualTo(v2);
            assertThat(tasks.createTaskQuery().processInstanceId(atReview).singleResult().getTaskDefinitionKey())
                    .isEqualTo("check");
        });
    }
}
