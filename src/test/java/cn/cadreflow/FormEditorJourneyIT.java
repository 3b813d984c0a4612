package cn.cadreflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The form and decision-table editors in a real headless Chromium with the real form-js and dmn-js in the page:
 * the administrator opens 新建表单 from 流程库, finds only the fields the task view draws in the Chinese palette,
 * adds one, names it and the form in the properties panel (which shows only what the task view supports), deploys
 * it and finds it in 流程库 (a new drop-down's option and a new date's label in Chinese; a problem the server finds
 * located by a click); then a decision table: Chinese head and hit policy, only the column types the guard
 * accepts, a rule added with the table's own button, a refused cell located by a click, deployed and listed. Every step must pass without a Content-Security-Policy violation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:cadreflow-form-editor-journey;DB_CLOSE_DELAY=-1",
        "cadreflow.demo-data=true",
        "camunda.bpm.job-execution.enabled=false"})
class FormEditorJourneyIT extends BrowserJourney {

    static final String EDITOR = "document.getElementById('formEditor').editor";

    /** Types into a properties-panel text entry of the 常规 group and leaves it (the panel writes on input). */
    void property(String entryId, String text) {
        // the panel opens with its groups folded: unfold 常规, as an admin does
        if (driver.findElements(By.cssSelector("#formEditor #bio-properties-panel-" + entryId)).stream()
                .noneMatch(WebElement::isDisplayed)) {
            click(By.xpath("//*[@id='formEditor']//*[contains(@class, 'bio-properties-panel-group-header-title')"
                    + " and normalize-space(.)='常规']"));
        }
        WebElement input = waitFor(By.cssSelector("#formEditor #bio-properties-panel-" + entryId));
        // typed over the whole text selected (the editor's own Ctrl+A may take the keys): emptied first, the panel
        // would refuse the empty key and could draw the old one back between two keystrokes
        click(input);
        js("arguments[0].select()", input);
        input.sendKeys(text);
        wait.until(d -> text.equals(input.getAttribute("value")));
        input.sendKeys(Keys.TAB);
    }

    @SuppressWarnings("unchecked")
    List<String> texts(String selector) {
        return (List<String>) js("return [...document.querySelectorAll(arguments[0])].map(e => e.textContent.trim())",
                selector);
    }

    /** Opens 流程库 and scrolls its grid (it draws only the rows in view) until the row of this key shows. */
    void listed(String key) {
        nav("流程库");
        waitFor(By.id("library-grid"));
        wait.until(d -> {
            js("const g = document.getElementById('library-grid');"
                    + " g.cfAt = ((g.cfAt ?? -10) + 10) % Math.max(g.size, 1); g.scrollToIndex(g.cfAt)");
            return !d.findElements(cell("library-grid", key)).isEmpty();
        });
    }

    @Test
    void theAdministratorDesignsAFormAndADecisionTableAndDeploysThem() {
        step("admin opens the form editor", () -> {
            login("admin");
            nav("流程库");
            click(By.id("library-new-form"));
            waitFor(By.cssSelector("#formEditor[rendered]"));
            assertThat(driver.findElement(By.id("formEditor")).getAttribute("failed")).isNull();
            wait.until(d -> texts("#formEditor .fjs-palette-header").contains("组件"));
            @SuppressWarnings("unchecked")
            List<String> types = (List<String>) js("return [...document.querySelectorAll("
                    + "'#formEditor .fjs-palette-field')].map(e => e.dataset.fieldType)");
            assertThat(types).containsExactlyInAnyOrder("textfield", "textarea", "number", "datetime", "checkbox",
                    "radio", "select", "text");
            assertThat(texts("#formEditor .fjs-palette-field .fjs-palette-field-text, #formEditor .fjs-palette-field"))
                    .anySatisfy(t -> assertThat(t).contains("文本框"));
        });

        step("admin adds a field and names it and the form", () -> {
            // the palette's own keyboard path: Enter on an entry adds that field at the end of the form
            waitFor(By.cssSelector("#formEditor .fjs-palette-field[data-field-type='textfield']")).sendKeys(Keys.ENTER);
            WebElement field = waitFor(By.cssSelector("#formEditor .fjs-form-field-textfield"));
            // a new field comes selected, and a click on a selected field unselects it (form-js toggles)
            settle();
            By selected = By.cssSelector("#formEditor .fjs-editor-selected[data-field-type='textfield']");
            if (driver.findElements(selected).isEmpty()) {
                click(field);
            }
            waitFor(selected);
            property("key", "fullName");
            wait.until(d -> Boolean.TRUE.equals(js("return " + EDITOR
                    + ".saveSchema().components[0].key === 'fullName'")));
            // only the groups the task view supports, in Chinese
            assertThat(texts("#formEditor .bio-properties-panel-group-header-title"))
                    .contains("常规", "校验").doesNotContain("Condition", "Layout", "Appearance", "Custom properties",
                            "Serialization");
            assertThat(driver.findElements(By.cssSelector("#formEditor #bio-properties-panel-defaultValue"))).isEmpty();
            js(EDITOR + ".get('selection').set(" + EDITOR
                    + ".get('formFieldRegistry').getAll().find(f => f.type === 'default'))");
            property("id", "zzJourneyForm");
            wait.until(d -> Boolean.TRUE.equals(js("return " + EDITOR + ".saveSchema().id === 'zzJourneyForm'")));
        });

        step("a new drop-down's first option and a new date field's label start in Chinese", () -> {
            waitFor(By.cssSelector("#formEditor .fjs-palette-field[data-field-type='select']")).sendKeys(Keys.ENTER);
            waitFor(By.cssSelector("#formEditor .fjs-form-field-select"));
            waitFor(By.cssSelector("#formEditor .fjs-palette-field[data-field-type='datetime']")).sendKeys(Keys.ENTER);
            waitFor(By.cssSelector("#formEditor .fjs-form-field-datetime"));
            wait.until(d -> Boolean.TRUE.equals(js("return " + EDITOR + ".saveSchema().components.length === 3")));
            assertThat(js("return " + EDITOR + ".saveSchema().components.find(c => c.type === 'select').values"
                    + ".map(v => v.label).join()")).isEqualTo("值");
            assertThat(js("return " + EDITOR + ".saveSchema().components.find(c => c.type === 'datetime')"
                    + ".dateLabel")).isEqualTo("日期");
        });

        step("a problem the server finds is located: clicking it selects the field", () -> {
            // the field's key as a dotted path: form-js takes it, the task view (and so the guard) does not
            String fieldId = (String) js("return " + EDITOR + ".saveSchema().components[0].id");
            js(EDITOR + ".get('selection').set(" + EDITOR + ".get('formFieldRegistry').get(arguments[0]))", fieldId);
            property("key", "person.name");
            wait.until(d -> Boolean.TRUE.equals(js("return " + EDITOR
                    + ".saveSchema().components[0].key === 'person.name'")));
            settle();
            click(By.id("formEditor-validate"));
            WebElement problem = waitFor(By.cssSelector("#formEditor-problems vaadin-button[data-element='" + fieldId
                    + "']"));
            assertThat(problem.getText()).contains(fieldId, "person.name");
            js(EDITOR + ".get('selection').clear()");
            click(problem);
            wait.until(d -> Boolean.TRUE.equals(js("return " + EDITOR + ".get('selection').get()?.id === arguments[0]",
                    fieldId)));
            waitFor(By.cssSelector("#formEditor .fjs-editor-selected[data-id='" + fieldId + "']"));
            property("key", "fullName");
            wait.until(d -> Boolean.TRUE.equals(js("return " + EDITOR
                    + ".saveSchema().components[0].key === 'fullName'")));
            js(EDITOR + ".get('selection').set(" + EDITOR
                    + ".get('formFieldRegistry').getAll().find(f => f.type === 'default'))");
            wait.until(d -> Boolean.TRUE.equals(js("return " + EDITOR + ".saveSchema().id === 'zzJourneyForm'")));
        });

        step("admin deploys the form and finds it in 流程库", () -> {
            settle();
            click(By.id("formEditor-deploy"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("vaadin-notification-card"),
                    "zzJourneyForm 已部署为新版本"));
            listed("zzJourneyForm");
        });

        step("admin makes and deploys a decision table", () -> {
            click(By.id("library-new-decision"));
            waitFor(By.cssSelector("#decisionEditor[rendered]"));
            assertThat(driver.findElement(By.id("decisionEditor")).getAttribute("failed")).isNull();
            assertThat(texts("#decisionEditor .hit-policy label")).contains("命中策略：");
            assertThat(driver.findElements(By.cssSelector("#decisionEditor .view-drd"))).isEmpty();
            // hit policy in Chinese; only the column types the guard accepts are offered
            assertThat(texts("#decisionEditor .hit-policy .dms-input")).contains("唯一");
            // the column heads name their type in Chinese
            assertThat(texts("#decisionEditor th .input-variable")).contains("字符串");
            assertThat(js("return document.getElementById('decisionEditor').editor.getActiveViewer()"
                    + ".get('dataTypes').getAll().join()")).isEqualTo("string,boolean,integer,long,double");
            click(By.cssSelector("#decisionEditor .add-rule-add button"));
            wait.until(d -> Boolean.TRUE.equals(js("return document.getElementById('decisionEditor').content"
                    + ".includes('<rule ')")));
            settle();
            // a cell the guard refuses is listed; clicking the problem selects that cell
            String cellId = (String) js("return document.getElementById('decisionEditor').content"
                    + ".match(/<inputEntry id=\"([^\"]+)\"/)[1]");
            WebElement cell = waitFor(By.cssSelector("#decisionEditor td[data-element-id='" + cellId
                    + "'] [contenteditable]"));
            click(cell);
            // arithmetic: FEEL takes it, the guard does not (typed without brackets or quotes, which the cell's
            // editor closes by itself)
            cell.sendKeys("1+1");
            click(By.cssSelector("h2"));
            wait.until(d -> Boolean.TRUE.equals(js("return /<inputEntry id=\"" + cellId + "\">\\s*<text>[^<]*\\+/"
                    + ".test(document.getElementById('decisionEditor').content)")));
            settle();
            click(By.id("decisionEditor-validate"));
            WebElement problem = waitFor(By.cssSelector("#decisionEditor-problems vaadin-button[data-element='"
                    + cellId + "']"));
            click(By.cssSelector("h2"));
            js("document.activeElement?.blur()");
            click(problem);
            wait.until(d -> Boolean.TRUE.equals(js("return !!document.activeElement?.closest("
                    + "'td[data-element-id=\"' + arguments[0] + '\"]')", cellId)));
            // the cell is emptied again (any value)
            WebElement again = driver.findElement(By.cssSelector("#decisionEditor td[data-element-id='" + cellId
                    + "'] [contenteditable]"));
            again.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            click(By.cssSelector("h2"));
            wait.until(d -> Boolean.FALSE.equals(js("return /<inputEntry id=\"" + cellId + "\">\\s*<text>[^<]*\\+/"
                    + ".test(document.getElementById('decisionEditor').content)")));
            settle();
            String key = (String) js("return document.getElementById('decisionEditor').content"
                    + ".match(/<decision id=\"([^\"]+)\"/)[1]");
            click(By.id("decisionEditor-deploy"));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("vaadin-notification-card"),
                    key + " 已部署为新版本"));
            listed(key);
        });
    }
}
