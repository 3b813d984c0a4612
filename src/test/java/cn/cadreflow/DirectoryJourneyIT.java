package cn.cadreflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import cn.cadreflow.trainingleave.TrainingLeaveService;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.TaskCommands;
import cn.cadreflow.workflow.WorkflowQueries;
import cn.cadreflow.workflow.WorkflowViews;

/**
 * 干部名册 in a real headless Chromium: 王芳, the county's HR officer, finds 张伟 by name, browses 青山镇 in the unit
 * tree, opens his file (出生年月 written 1990.01-style) and its print page (the print style sheet hides the shell);
 * then, on a 390×844 phone, her 待办 and the directory show rows as cards, the filters folded behind 筛选, and
 * touch targets of at least 44 px.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:cadreflow-directory-journey;DB_CLOSE_DELAY=-1",
        "cadreflow.demo-data=true",
        "camunda.bpm.job-execution.enabled=false"})
class DirectoryJourneyIT extends BrowserJourney {

    static final String YEAR_MONTH = "\\d{4}\\.\\d{2}";

    @Autowired
    ProcessStarts starts;
    @Autowired
    TaskCommands commands;
    @Autowired
    WorkflowQueries queries;

    @Test
    void theHrOfficerFindsACadreReadsAndPrintsTheFileThenWorksHerListsOnAPhone() {
        // a request waiting for her: 张伟's training leave, approved by 李军
        String pi = starts.start(TrainingLeaveService.PROCESS_KEY, "zhangwei",
                TrainingRequests.request("干部名册旅程培训", LocalDate.now().plusDays(50), 3, 24.0));
        String leaderTask = queries.inbox("lijun", 0, 50).stream().filter(t -> t.processInstanceId().equals(pi))
                .map(WorkflowViews.TaskSummary::taskId).findFirst().orElseThrow();
        commands.claim(leaderTask, "lijun");
        commands.decide(leaderTask, "lijun", true, "同意参训。");

        step("wangfang finds 张伟 by name", () -> {
            login("wangfang");
            nav("干部名册");
            waitFor(By.id("directory-grid"));
            type("directory-search", "张伟");
            wait.until(d -> Integer.valueOf(1).equals(gridSize("directory-grid")));
            waitFor(cell("directory-grid", "党政综合办公室科员"));
            assertThat(cellTexts("directory-grid")).contains("张伟", "男", "青山镇", "科员", "中共党员")
                    .anyMatch(t -> t.matches("1990\\.\\d{2}"));
        });

        step("she browses 青山镇 in the unit tree", () -> {
            clear("directory-search");
            click(By.xpath("//*[@id='directory-units']/vaadin-grid-cell-content[normalize-space(.)='青山镇']"));
            waitFor(cell("directory-grid", "李军"));
            wait.until(d -> cellTexts("directory-grid").stream().noneMatch(t -> t.equals("白沙镇")));
            assertThat(cellTexts("directory-grid")).contains("张伟").doesNotContain("刘洋", "清河县");
        });

        step("she opens his file and prints it", () -> {
            click(cell("directory-grid", "张伟"));
            wait.until(d -> d.getCurrentUrl().matches(".*/file/\\d+$"));
            waitFor(By.id("profile"));
            assertThat(profileValue("出生年月")).matches("1990\\.\\d{2}");
            assertThat(profileValue("政治面貌")).isEqualTo("中共党员");
            assertThat(profileValue("任现职时间")).matches(YEAR_MONTH);
            click(By.id("file-print"));
            waitFor(By.id("print-profile"));
            assertThat(text(By.id("print-birth"))).matches("1990\\.\\d{2}");
            assertThat(text(By.id("print-history"))).contains("党政综合办公室科员");
            // on paper: the menu, the header and the buttons are gone, the form stays
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
            try {
                assertThat(driver.findElement(By.id("file-print-now")).isDisplayed()).isFalse();
                assertThat(driver.findElements(By.cssSelector(".app-header")).stream()
                        .noneMatch(WebElement::isDisplayed)).isTrue();
                assertThat(driver.findElement(By.id("print-profile")).isDisplayed()).isTrue();
            } finally {
                driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
            }
        });

        step("on a phone her 待办 shows cards and folds the filters behind 筛选", () -> {
            viewport(390, 844);
            driver.get("http://localhost:" + port + "/inbox");
            WebElement toggle = waitFor(By.id("filters-toggle"));
            assertThat(toggle.getText()).isEqualTo("筛选");
            assertThat(driver.findElement(By.id("filters")).isDisplayed()).isFalse();
            WebElement card = waitFor(By.xpath("//*[@id='inbox-grid']/vaadin-grid-cell-content"
                    + "[.//div[@class='row-card'] and contains(., '干部名册旅程培训')]"));
            assertThat(card.getText()).contains("组织部审批", "张伟 · 培训请假", "干部名册旅程培训");
            assertThat(card.getText().split("\n")).hasSizeGreaterThanOrEqualTo(3);
            assertThat(height(toggle)).isGreaterThanOrEqualTo(44);
            assertThat(height(driver.findElement(By.id("tab-todo")))).isGreaterThanOrEqualTo(44);
            click(toggle);
            waitFor(By.id("filter-process"));
            assertThat(height(driver.findElement(By.id("filter-process")))).isGreaterThanOrEqualTo(44);
            click(By.id("filters-toggle"));
            wait.until(d -> !d.findElement(By.id("filters")).isDisplayed());
        });

        step("and the directory too", () -> {
            driver.get("http://localhost:" + port + "/directory");
            WebElement toggle = waitFor(By.id("filters-toggle"));
            assertThat(driver.findElement(By.id("directory-units")).isDisplayed()).isFalse();
            type("directory-search", "张伟");
            WebElement card = waitFor(By.xpath("//*[@id='directory-grid']/vaadin-grid-cell-content"
                    + "[.//div[@class='row-card']]"));
            wait.until(d -> card.getText().contains("张伟 · 党政综合办公室科员"));
            assertThat(card.getText()).contains("青山镇").containsPattern("出生 1990\\.\\d{2} · 中共党员");
            assertThat(height(toggle)).isGreaterThanOrEqualTo(44);
            assertThat(height(driver.findElement(By.id("directory-search")))).isGreaterThanOrEqualTo(44);
            click(toggle);
            waitFor(By.id("directory-units"));
            click(card);
            wait.until(d -> d.getCurrentUrl().matches(".*/file/\\d+$"));
            waitFor(By.id("profile"));
        });
    }

    /** Empties a text field as a user does: select all, delete, leave the field. */
    void clear(String id) {
        WebElement input = waitFor(By.cssSelector("#" + id + " > input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, Keys.TAB);
        wait.until(d -> "".equals(value(id)));
    }

    /** The texts of the grid's cells now rendered. */
    List<String> cellTexts(String gridId) {
        return driver.findElements(By.xpath("//*[@id='" + gridId + "']/vaadin-grid-cell-content")).stream()
                .map(e -> e.getText().strip()).toList();
    }

    String profileValue(String label) {
        WebElement field = driver.findElement(By.xpath("//*[@id='profile']/vaadin-text-field[label[normalize-space(.)='"
                + label + "']]"));
        Object v = js("return arguments[0].value", field);
        return v == null ? null : v.toString();
    }

    double height(WebElement e) {
        return ((Number) js("return arguments[0].getBoundingClientRect().height", e)).doubleValue();
    }
}
