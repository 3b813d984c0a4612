package cn.cadreflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Modelling in the browser, in a real headless Chromium with the real bpmn-js Camunda 7 modeller in the page: the
 * administrator opens 流程建模 from 流程库 (Chinese palette, properties panel, the bpmn.io watermark), clicks the
 * approval step of the new process, validates, clicks a located problem (the modeller selects the step), fixes it
 * with the pickers, names the process and who may start it, validates clean and deploys; 张伟 then finds the new
 * process in 发起申请. Every step must pass without a Content-Security-Policy violation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:cadreflow-modeller-journey;DB_CLOSE_DELAY=-1",
        "cadreflow.demo-data=true",
        "camunda.bpm.job-execution.enabled=false"})
class ModellerJourneyIT extends BrowserJourney {

    static final By MODELLER = By.cssSelector("#modeller[rendered]");

    String selectedInDiagram() {
        Object id = js("const s = document.getElementById('modeller').modeler.get('selection').get();"
                + " return s.length === 1 ? s[0].id : null");
        return id == null ? null : id.toString();
    }

    /** The diagram at its own coordinates, at 100 %: clear of the palette on the canvas's left edge. */
    void diagramClearOfPalette() {
        js("const c = document.getElementById('modeller').modeler.get('canvas'); const v = c.viewbox();"
                + " c.viewbox({x: 0, y: 0, width: v.outer.width, height: v.outer.height})");
    }

    void clickShape(String elementId) {
        diagramClearOfPalette();
        WebElement shape = waitFor(By.cssSelector("#modeller .djs-element.djs-shape[data-element-id='" + elementId
                + "'] .djs-hit"));
        shape.click();
        wait.until(d -> elementId.equals(selectedInDiagram()));
    }

    @Test
    void theAdministratorModelsValidatesAndDeploysAProcessThatACadreCanStart() {
        step("admin opens the modeller", () -> {
            login("admin");
            nav("流程库");
            click(By.id("library-new-model"));
            waitFor(MODELLER);
            assertThat(driver.findElement(By.id("modeller")).getAttribute("failed")).isNull();
            // the real modeller: palette in Chinese, the Camunda properties panel, the watermark
            assertThat(driver.findElement(By.cssSelector("#modeller .djs-palette .entry.bpmn-icon-task"))
                    .getAttribute("aria-label")).isEqualTo("创建任务");
            waitFor(By.cssSelector("#modeller .bio-properties-panel"));
            assertThat(driver.findElements(By.cssSelector("#modeller .bjs-powered-by"))).isNotEmpty();
        });

        step("admin validates and locates a problem", () -> {
            click(By.id("modeller-validate"));
            WebElement problem = waitFor(By.cssSelector("#modeller-problems vaadin-button[data-element='task_1']"));
            assertThat(problem.getText()).contains("task_1", "办理人规则");
            clickShape("start");
            click(problem);
            wait.until(d -> "task_1".equals(selectedInDiagram()));
            waitFor(By.id("modeller-assignee"));
            // core strings ours does not list (the replace menu's other element kinds) come from bpmn-js-i18n
            assertThat(js("return document.getElementById('modeller').modeler.get('translate')('Manual task')"))
                    .isEqualTo("手动任务");
        });

        step("admin fixes the step with the pickers", () -> {
            choose("modeller-assignee", "发起人所在单位的负责人");
            // the pick redraws the diagram and then the side panel: wait until the server is idle again
            settle();
            choose("modeller-kind", "审批");
            wait.until(d -> Boolean.TRUE.equals(js("return document.getElementById('modeller').modeler"
                    + ".get('elementRegistry').get('task_1').businessObject.candidateGroups === '${unitLeaderGroup}'")));
            clickShape("start");
            // the library's forms make a long list: bring the wanted one into the overlay's view before clicking it
            click(By.id("modeller-form"));
            WebElement form = wait.until(d -> (WebElement) js("const item = [...document.querySelectorAll("
                    + "'vaadin-select-item')].find(i => i.textContent.trim() === 'trainingLeave');"
                    + " if (item) item.scrollIntoView({block: 'center'}); return item || null;"));
            click(form);
            wait.until(d -> "trainingLeave".equals(selectedLabel("modeller-form")));
            js("document.getElementById('modeller').modeler.get('selection').select([])");
            // the side panel is drawn again for the process: type once it is
            settle();
            type("modeller-key", "journeyApproval");
            type("modeller-name", "旅程审批");
            click(By.xpath("//*[@id='modeller-starters']/vaadin-checkbox[normalize-space(.)='干部']"));
            wait.until(d -> Boolean.TRUE.equals(js("return document.getElementById('modeller').modeler"
                    + ".get('canvas').getRootElement().businessObject.candidateStarterGroups === 'CADRE'")));
            click(By.id("modeller-validate"));
            wait.until(ExpectedConditions.textToBe(By.cssSelector("vaadin-notification-card"), "校验通过，可以部署"));
            assertThat(driver.findElements(By.cssSelector("#modeller-problems vaadin-button"))).isEmpty();
        });

        step("admin deploys", () -> {
            click(By.id("modeller-deploy"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("vaadin-notification-card"),
                    "journeyApproval 已部署"));
            logout();
        });

        step("zhangwei finds it in 发起申请", () -> {
            login("zhangwei");
            nav("发起申请");
            assertThat(waitFor(By.id("start-journeyApproval")).getText()).isEqualTo("旅程审批");
        });
    }
}
