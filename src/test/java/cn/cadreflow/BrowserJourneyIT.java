package cn.cadreflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import cn.cadreflow.workflow.InstanceCommands;
import cn.cadreflow.workflow.ProcessStarts;

/**
 * The main journeys in a real headless Chromium against the running application, on the demo data:
 * <ol>
 * <li>training leave: 张伟 applies, 李军 (his township's leader) and 王芳 (the county's HR officer) approve, and
 * 张伟 finds the approval waiting for his completion report, and no ledger entry before it is confirmed;</li>
 * <li>the annual review with a tolerated matter: 王芳 records a 免责 outcome for 张伟 in 容错认定登记 (refused first
 * without its 认定文号) and launches this year's review of 青山镇; 张伟 writes his 述职 on the prefilled form; 李军
 * rates him in 民主测评 (the only other rater with an account, so his vote closes the step) and in 单位负责人评鉴,
 * where both forms show the tolerated matter and a grade below the suggested one is refused on the field.</li>
 * </ol>
 * After every step, the browser's console must hold no Content-Security-Policy violation: the pages work under the
 * policy the server sends. Uses the system's Chromium and chromedriver only (never downloads a browser).
 *
 * <p>With {@code -Dcadreflow.screenshots=<dir>} it also saves the screenshots in docs/screenshots (start-form.png,
 * inbox.png, task.png; tolerance.png, appraisal-launch.png, self-report.png, tolerated-matter.png) into that
 * directory; without it, nothing outside target/ is written. On a failure the screenshot and page source of the
 * failing step go to target/browser-failures/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:cadreflow-browser;DB_CLOSE_DELAY=-1",
        "cadreflow.demo-data=true",
        "camunda.bpm.job-execution.enabled=false"})
// Both journeys share one database. The annual review launched by the second puts 述职 tasks into lijun's inbox
// (his own review) and wangfang's (代录 for the cadres of 青山镇 without an account), so the training-leave
// journey, which checks that its task is the only one in those inboxes, runs first; it leaves every inbox empty.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserJourneyIT extends BrowserJourney {

    @Autowired
    ProcessStarts starts;
    @Autowired
    InstanceCommands instanceCommands;

    @Test
    @Order(1)
    void trainingLeaveFromApplicationToLedger() {
        LocalDate start = LocalDate.now().plusDays(40);
        LocalDate end = start.plusDays(2);
        String course = "数字政府建设专题培训班";
        String organizer = "湘江市委党校";
        String location = "湘江市委党校（岳麓校区）";
        String reason = "参加数字政府建设专题培训，期间工作由党政办王明同志代管。";
        String leaderOpinion = "同意参训，工作已安排妥当。";
        String hrOpinion = "同意，按时参训，结业后报送学时证明。";

        step("zhangwei applies", () -> {
            login("zhangwei");
            nav("发起申请");
            click(By.id("start-trainingLeave"));
            waitFor(By.id("field-courseName"));
            // what the system already knows is filled in and read-only
            assertThat(value("field-cadreName")).isEqualTo("张伟");
            assertThat(value("field-unitName")).isEqualTo("青山镇");
            assertThat(value("field-postName")).isEqualTo("党政综合办公室科员");
            assertThat(value("field-rankName")).isEqualTo("科员");
            assertThat(readOnly("field-cadreName")).isTrue();
            assertThat(readOnly("field-unitName")).isTrue();
            assertThat(readOnly("field-courseName")).isFalse();

            type("field-courseName", course);
            type("field-organizer", organizer);
            choose("field-trainingType", "脱产培训");
            date("field-startDate", start);
            date("field-endDate", end);
            type("field-hours", "24");
            type("field-location", location);
            type("field-reason", reason);
            assertThat(value("field-hours")).isEqualTo("24");
            screenshot("start-form.png");

            click(By.id("submit"));
            wait.until(ExpectedConditions.urlMatches("/started$"));
            WebElement row = waitFor(cell("started-grid", "培训请假"));
            assertThat(row.isDisplayed()).isTrue();
            waitFor(cellContaining("started-grid", "办理中"));
            logout();
        });

        step("lijun approves as unit leader", () -> {
            login("lijun");
            waitFor(cell("inbox-grid", "张伟"));
            assertThat(gridSize("inbox-grid")).isEqualTo(1);
            waitFor(cell("inbox-grid", "单位负责人审批"));
            // the bell's unread count sits beside the bell, never over its icon, and its list opens as a popover
            // instead of taking room
            WebElement bell = waitFor(By.id("bell-button"));
            assertThat(text(By.id("bell-count"))).isEqualTo("1");
            assertThat(driver.findElement(By.id("bell-count")).getRect().getX())
                    .isGreaterThanOrEqualTo(bell.getRect().getX() + bell.getRect().getWidth());
            assertThat(waitFor(By.id("bell")).getSize().getWidth()).isLessThan(3 * bell.getSize().getWidth());
            click(By.id("bell-button"));
            waitFor(By.cssSelector("#bell-list .bell-item.unread"));
            new Actions(driver).sendKeys(Keys.ESCAPE).perform();
            screenshot("inbox.png");
            click(cell("inbox-grid", "单位负责人审批"));

            waitFor(By.id("opinion"));
            assertThat(value("field-courseName")).isEqualTo(course);
            assertThat(value("field-organizer")).isEqualTo(organizer);
            assertThat(value("field-startDate")).isEqualTo(start.toString());
            assertThat(value("field-endDate")).isEqualTo(end.toString());
            assertThat(value("field-hours")).isEqualTo("24");
            assertThat(value("field-reason")).isEqualTo(reason);
            assertThat(selectedLabel("field-trainingType")).isEqualTo("脱产培训");
            assertThat(readOnly("field-courseName")).isTrue();

            diagramShows(List.of("submitted"), "leaderApproval");
            timelineShows(List.of("action-submit"), List.of("张伟 提交了申请"), true);
            assertThat(text(By.cssSelector("#timeline li.pending"))).contains("单位负责人审批").contains("李军");
            screenshot("task.png");

            type("opinion", leaderOpinion);
            click(By.id("approve"));
            inboxEmpty();
            logout();
        });

        step("wangfang approves as HR officer", () -> {
            login("wangfang");
            waitFor(cell("inbox-grid", "组织部审批"));
            assertThat(gridSize("inbox-grid")).isEqualTo(1);
            click(cell("inbox-grid", "组织部审批"));
            waitFor(By.id("opinion"));
            assertThat(value("field-courseName")).isEqualTo(course);
            diagramShows(List.of("submitted", "leaderApproval"), "hrApproval");
            timelineShows(List.of("action-submit", "action-approve"), List.of(leaderOpinion), true);
            type("opinion", hrOpinion);
            click(By.id("approve"));
            inboxEmpty();
            logout();
        });

        step("zhangwei sees the approval, waiting for his 工作交接", () -> {
            login("zhangwei");
            nav("我发起的");
            click(waitFor(cell("started-grid", "办理中：工作交接")));
            wait.until(ExpectedConditions.textToBe(By.id("instance-status"), "办理中：工作交接"));
            assertThat(value("field-courseName")).isEqualTo(course);
            diagramShows(List.of("submitted", "leaderApproval", "hrApproval"), "handover");
            timelineShows(List.of("action-submit", "action-approve", "action-approve"),
                    List.of("张伟 提交了申请", "李军 同意", leaderOpinion, "王芳 同意", hrOpinion), true);
            nav("干部档案");
            waitFor(By.id("file-title"));
            waitFor(By.id("training-ledger"));
            // approved is not attended: the ledger credits the course once its attendance is recorded
            assertThat(driver.findElements(cell("training-ledger", course))).isEmpty();
            logout();
        });

        step("wangfang reopens her handled task from 已办", () -> {
            login("wangfang");
            click(By.id("tab-done"));
            click(waitFor(cell("inbox-grid", "组织部审批")));
            wait.until(ExpectedConditions.textMatches(By.id("task-handled"), Pattern.compile("^已办结：王芳 于")));
            assertThat(text(By.id("task-title"))).startsWith("组织部审批：张伟 · 培训请假 · " + course + " · "
                    + start + "至" + end.toString().substring(5) + " · 24学时 · PX-");
            assertThat(value("field-courseName")).isEqualTo(course);
            assertThat(readOnly("field-courseName")).isTrue();
            assertThat(driver.findElements(By.id("approve"))).isEmpty();
            assertThat(driver.findElements(By.id("opinion"))).isEmpty();
            diagramShows(List.of("submitted", "leaderApproval", "hrApproval"), "handover");
            timelineShows(List.of("action-submit", "action-approve", "action-approve"),
                    List.of("李军 同意", leaderOpinion, "王芳 同意", hrOpinion), true);
            logout();
        });

        step("lijun's open inbox shows a task arriving meanwhile, with its badge", () -> {
            login("lijun");
            waitFor(By.id("inbox-grid"));
            wait.until(d -> Integer.valueOf(0).equals(gridSize("inbox-grid")));
            String pi = starts.start("trainingLeave", "zhangwei",
                    TrainingRequests.request("实时待办专题培训", start.plusDays(20), 2, 16.0));
            // no click: pushed by the server
            waitFor(cellContaining("inbox-grid", "实时待办专题培训"));
            wait.until(ExpectedConditions.textToBe(By.id("nav-inbox-count"), "1"));
            instanceCommands.terminate(pi, "wangfang", "演示结束");
            logout();
        });
    }

    @Test
    @Order(2)
    void annualReviewWithAToleratedMatter() {
        LocalDate today = LocalDate.now();
        int year = today.getYear();
        String matter = "汛期先行调用储备物资转移群众，事后补办审批手续";
        String decisionNo = "清组容〔" + year + "〕3号";
        String campaign = year + "年度青山镇干部考核";
        String rule = "不得因此降低考核等次";
        List<String> grades = List.of("优秀", "称职", "基本称职", "不称职");

        step("wangfang records a tolerated matter", () -> {
            login("wangfang");
            nav("容错认定登记");
            pick("tolerance-cadre", "张伟", "张伟（青山镇）");
            choose("tolerance-outcome", "免责");
            date("tolerance-matter-date", today);
            date("tolerance-decision-date", today);
            type("tolerance-matter", matter);

            // 认定文号 left blank: refused, the reason on the field, nothing listed
            click(By.id("tolerance-save"));
            waitFor(By.cssSelector("#tolerance-decision-no[invalid]"));
            assertThat(errorMessage("tolerance-decision-no")).isEqualTo("请填写认定文号");
            waitFor(By.xpath("//vaadin-notification-card[contains(., '请填写认定文号')]"));
            assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain("Exception");
            assertThat(driver.findElements(cell("tolerance-outcomes", matter))).isEmpty();

            type("tolerance-decision-no", decisionNo);
            click(By.id("tolerance-save"));
            waitFor(cell("tolerance-outcomes", matter));
            waitFor(cell("tolerance-outcomes", decisionNo));
            waitFor(cell("tolerance-outcomes", "免责"));
            waitFor(cell("tolerance-outcomes", today.toString()));
            assertThat(value("tolerance-matter")).as("form cleared").isEmpty();
            screenshot("tolerance.png");
        });

        step("wangfang launches the campaign", () -> {
            nav("年度考核");
            assertThat(value("campaign-year")).isEqualTo(String.valueOf(year));
            assertThat(selectedLabel("campaign-framework")).isEqualTo("基层干部十一项治理能力");
            type("campaign-name", campaign);
            pickMany("campaign-units", "青山镇");
            click(By.id("campaign-launch"));

            // the view polls while the launch runs in the background: wait until every review has started (this
            // is the only campaign in the test's database)
            By progress = By.cssSelector("#campaign-grid > vaadin-grid-cell-content .campaign-progress");
            Pattern launched = Pattern.compile("已启动 (\\d+) / (\\d+)");
            wait.until(d -> {
                Matcher m = launched.matcher(String.valueOf(text(progress)));
                return m.matches() && m.group(1).equals(m.group(2)) && Integer.parseInt(m.group(2)) > 0;
            });
            waitFor(cell("campaign-grid", "进行中"));
            screenshot("appraisal-launch.png");

            click(By.xpath("//*[@id='campaign-grid']/vaadin-grid-cell-content//a[normalize-space(.)='"
                    + campaign + "']"));
            wait.until(ExpectedConditions.urlMatches("/appraisal/campaign/\\d+$"));
            wait.until(d -> {
                Matcher m = Pattern.compile("已启动 (\\d+) / (\\d+) · 进行中")
                        .matcher(String.valueOf(text(By.id("campaign-launched"))));
                return m.matches() && m.group(1).equals(m.group(2));
            });
            waitFor(cell("unit-progress", "青山镇"));
            waitFor(cellContaining("unit-progress", "述职"));
            waitFor(By.cssSelector("#grade-chart[rendered]"));
            waitFor(By.cssSelector("#digital-chart[rendered]"));
            logout();
        });

        step("zhangwei reports on his year", () -> {
            login("zhangwei");
            click(cell("inbox-grid", "述职"));
            waitFor(By.id("field-selfReport"));
            assertThat(value("field-cadreName")).isEqualTo("张伟");
            assertThat(value("field-unitName")).isEqualTo("青山镇");
            assertThat(value("field-postName")).isEqualTo("党政综合办公室科员");
            assertThat(readOnly("field-cadreName")).isTrue();
            assertThat(readOnly("field-unitName")).isTrue();
            assertThat(readOnly("field-postName")).isTrue();
            assertThat(readOnly("field-selfReport")).isFalse();

            type("field-selfReport", "全年牵头完成防汛救灾转移安置和乡村振兴项目推进，按时办结群众诉求，未发生违纪违法问题。");
            List<String> scores = driver.findElements(By.cssSelector("vaadin-number-field[id^='field-self_']"))
                    .stream().map(e -> e.getAttribute("id")).toList();
            assertThat(scores).as("a score per item of the framework").hasSize(11);
            for (int i = 0; i < scores.size(); i++) {
                assertThat(readOnly(scores.get(i))).isFalse();
                type(scores.get(i), String.valueOf(86 + i % 4 * 3));
            }
            screenshot("self-report.png");
            click(By.id("submit-form"));
            // 待办 keeps only the 工作交接 of his approved training leave
            wait.until(ExpectedConditions.urlMatches("/inbox$"));
            wait.until(d -> Integer.valueOf(1).equals(gridSize("inbox-grid")));
            waitFor(cell("inbox-grid", "工作交接"));
            logout();
        });

        step("lijun rates and sees the tolerated matter", () -> {
            login("lijun");
            click(cell("inbox-grid", "民主测评"));
            waitFor(By.id("field-peerVote"));
            assertThat(readOnly("field-toleratedMatters")).isTrue();
            assertThat(value("field-toleratedMatters")).contains(matter, "免责", decisionNo, rule);
            choose("field-peerVote", "优秀");
            type("field-peerScore", "95");
            click(By.id("submit-form"));
            wait.until(ExpectedConditions.urlMatches("/inbox$"));

            // he is the only rater with an account besides 张伟, so his vote closes 民主测评 and the review comes
            // back to him, 青山镇's leader, for 单位负责人评鉴
            click(cell("inbox-grid", "单位负责人评鉴"));
            waitFor(By.id("field-proposedGrade"));
            assertThat(driver.findElements(cell("inbox-grid", "民主测评"))).isEmpty();
            assertThat(readOnly("field-toleratedMatters")).isTrue();
            assertThat(value("field-toleratedMatters")).contains(matter, decisionNo, rule);
            String suggested = value("field-suggestedGrade");
            assertThat(suggested).isIn(grades.subList(0, grades.size() - 1));
            String lower = grades.get(grades.indexOf(suggested) + 1);

            type("field-leaderScore", "90");
            type("field-leaderOpinion", "防汛一线组织转移群众果断有力，全年工作扎实。");
            choose("field-proposedGrade", lower);
            click(By.id("submit-form"));
            waitFor(By.cssSelector("#field-proposedGrade[invalid]"));
            String refusal = "该干部本年度有已经容错认定的事项，不得因此降低考核等次：等次不能低于系统建议等次“" + suggested + "”";
            assertThat(errorMessage("field-proposedGrade")).isEqualTo(refusal);
            waitFor(By.xpath("//vaadin-notification-card[contains(., '" + refusal + "')]"));
            assertThat(driver.findElement(By.tagName("body")).getText()).doesNotContain("Exception");
            assertThat(driver.getCurrentUrl()).contains("/task/");
            screenshot("tolerated-matter.png");

            choose("field-proposedGrade", suggested);
            click(By.id("submit-form"));
            wait.until(ExpectedConditions.urlMatches("/inbox$"));
            waitFor(cell("inbox-grid", "述职")); // his own review
            assertThat(driver.findElements(cell("inbox-grid", "单位负责人评鉴"))).isEmpty();
            logout();
        });
    }

}
