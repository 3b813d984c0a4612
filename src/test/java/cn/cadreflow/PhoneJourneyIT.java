package cn.cadreflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import cn.cadreflow.trainingleave.TrainingLeaveService;
import cn.cadreflow.workflow.WorkflowQueries;
import cn.cadreflow.workflow.WorkflowViews;

/**
 * A training leave on a 390×844 phone, in headless Chromium on the demo data: 张伟 applies; 李军 opens the task, finds
 * the step list where the diagram would be (the diagram a tap away), takes a 常用意见 into his opinion and approves
 * from the bar fixed at the bottom of the screen (touch targets of at least 44 px); the step list then shows his
 * decision, and the request's 审批单 opens with it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:cadreflow-phone;DB_CLOSE_DELAY=-1",
        "cadreflow.demo-data=true",
        "camunda.bpm.job-execution.enabled=false"})
class PhoneJourneyIT extends BrowserJourney {

    static final int PHONE_WIDTH = 390;
    static final int PHONE_HEIGHT = 844;

    @Autowired
    WorkflowQueries queries;

    /** Signs in on the phone: the menu sits in the closed drawer, so the page is ready when the header is. */
    void phoneLogin(String user) {
        driver.manage().deleteAllCookies();
        driver.get(base() + "/login");
        WebElement name = waitFor(By.cssSelector("vaadin-login-form input[name='username']"));
        name.sendKeys(user);
        WebElement password = driver.findElement(By.cssSelector("vaadin-login-form input[name='password']"));
        password.sendKeys(PASSWORD);
        password.sendKeys(Keys.ENTER);
        waitFor(By.id("logout"));
    }

    /**
     * Sets a date picker's date as its phone calendar would: on a narrow screen the picker opens a full-screen
     * calendar instead of taking typed text.
     */
    void phoneDate(String id, LocalDate date) {
        WebElement picker = waitFor(By.id(id));
        js("const p = arguments[0]; p.value = arguments[1];"
                + " p.dispatchEvent(new CustomEvent('change', {bubbles: true}));", picker, date.toString());
        wait.until(d -> date.toString().equals(value(id)));
    }

    String base() {
        return "http://localhost:" + port;
    }

    @Test
    void aCadreAppliesAndHisLeaderApprovesOnAPhone() {
        viewport(PHONE_WIDTH, PHONE_HEIGHT);
        LocalDate start = LocalDate.now().plusDays(60);
        String course = "移动办公专题培训班";
        String opinion = "情况属实，同意。";

        step("zhangwei applies on his phone", () -> {
            phoneLogin("zhangwei");
            driver.get(base() + "/start/" + TrainingLeaveService.PROCESS_KEY);
            waitFor(By.id("field-courseName"));
            type("field-courseName", course);
            type("field-organizer", "湘江市委党校");
            choose("field-trainingType", "脱产培训");
            phoneDate("field-startDate", start);
            phoneDate("field-endDate", start.plusDays(1));
            type("field-hours", "16");
            type("field-location", "湘江市委党校");
            type("field-reason", "参加移动办公专题培训。");
            click(By.id("submit"));
            wait.until(ExpectedConditions.urlMatches("/started$"));
        });

        WorkflowViews.TaskSummary task = queries.inbox("lijun", 0, 20).stream()
                .filter(t -> t.about().summaryArgs().contains(course)).findFirst().orElseThrow();

        step("lijun approves from the bottom bar with a saved opinion", () -> {
            phoneLogin("lijun");
            driver.get(base() + "/task/" + task.taskId());
            waitFor(By.id("opinion"));
            // the step list instead of the diagram; the diagram behind a toggle
            WebElement steps = waitFor(By.id("step-list"));
            assertThat(steps.getText()).contains("发起申请", "张伟", "单位负责人审批", "待处理", "李军");
            assertThat(driver.findElement(By.id("diagram")).isDisplayed()).isFalse();
            click(By.id("diagram-toggle"));
            waitFor(By.id("diagram"));
            click(By.id("diagram-toggle"));
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("diagram")));

            // the step's actions sit in a bar at the bottom of the screen, each at least 44 px tall
            WebElement bar = waitFor(By.id("task-action-bar"));
            Rectangle r = bar.getRect();
            assertThat(r.getY() + r.getHeight()).isBetween(PHONE_HEIGHT - 1, PHONE_HEIGHT);
            assertThat(r.getWidth()).isEqualTo(PHONE_WIDTH);
            for (String id : List.of("approve", "reject", "return")) {
                WebElement button = driver.findElement(By.id(id));
                assertThat(button.getSize().getHeight()).as(id).isGreaterThanOrEqualTo(44);
                assertThat(button.getRect().getY()).as(id).isGreaterThanOrEqualTo(r.getY());
            }

            click(By.xpath("//*[@id='opinion-picker']/vaadin-button[normalize-space(.)='" + opinion + "']"));
            wait.until(d -> opinion.equals(value("opinion")));
            driver.findElement(By.id("approve")).click();
            wait.until(ExpectedConditions.urlMatches("/inbox$"));
        });

        step("the step list shows the approval and the approval sheet prints it", () -> {
            driver.get(base() + "/instance/" + task.processInstanceId());
            WebElement steps = waitFor(By.id("step-list"));
            wait.until(d -> steps.getText().contains(opinion));
            assertThat(steps.getText()).contains("单位负责人审批", "已同意", "李军", "组织部审批", "待处理");
            click(By.id("print-link"));
            waitFor(By.id("print-page"));
            assertThat(text(By.id("print-title"))).isEqualTo("培训请假审批单");
            assertThat(text(By.id("print-steps"))).contains("李军", "已同意", opinion);
            assertThat(text(By.id("print-header"))).contains("张伟", "青山镇");
        });
    }
}
