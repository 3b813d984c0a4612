package cn.cadreflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

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
class BrowserJourneyIT {

    static final String PASSWORD = "Demo@2026";
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final int WIDTH = 1280;
    static final int HEIGHT = 800;
    static final Path FAILURES = Paths.get("target", "browser-failures");

    @LocalServerPort
    int port;
    @Autowired
    ProcessStarts starts;
    @Autowired
    InstanceCommands instanceCommands;

    ChromeDriver driver;
    WebDriverWait wait;
    Path profile;

    @BeforeEach
    void openBrowser() throws IOException {
        // Only the Debian chromedriver: with an explicit executable Selenium Manager is never consulted. One
        // service per test, as quitting the driver stops its service for good.
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        profile = Files.createTempDirectory("cadreflow-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage", "--lang=zh-CN",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=" + WIDTH + "," + HEIGHT);
        LoggingPreferences console = new LoggingPreferences();
        console.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", console);
        driver = new ChromeDriver(service, options);
        viewport(WIDTH, HEIGHT);
        wait = new WebDriverWait(driver, TIMEOUT, Duration.ofMillis(100));
        // views that poll (a campaign's launch progress) redraw their cells between finding one and reading it
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

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

        step("zhangwei sees the approval, waiting for his completion report", () -> {
            login("zhangwei");
            nav("我发起的");
            click(waitFor(cell("started-grid", "办理中：结业报告")));
            wait.until(ExpectedConditions.textToBe(By.id("instance-status"), "办理中：结业报告"));
            assertThat(value("field-courseName")).isEqualTo(course);
            diagramShows(List.of("submitted", "leaderApproval", "hrApproval"), "completionReport");
            timelineShows(List.of("action-submit", "action-approve", "action-approve"),
                    List.of("张伟 提交了申请", "李军 同意", leaderOpinion, "王芳 同意", hrOpinion), true);
            nav("干部档案");
            waitFor(By.id("file-title"));
            waitFor(By.id("training-ledger"));
            // approved is not attended: the ledger credits the course once HR confirms its completion
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
            diagramShows(List.of("submitted", "leaderApproval", "hrApproval"), "completionReport");
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
            // 待办 keeps only the 结业报告 of his training leave, due once that course is over
            wait.until(ExpectedConditions.urlMatches("/inbox$"));
            wait.until(d -> Integer.valueOf(1).equals(gridSize("inbox-grid")));
            waitFor(cell("inbox-grid", "结业报告"));
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

    // ------------------------------------------------------------------------------------------ steps

    void login(String user) {
        driver.get("http://localhost:" + port + "/login");
        WebElement name = waitFor(By.cssSelector("vaadin-login-form input[name='username']"));
        name.sendKeys(user);
        WebElement password = driver.findElement(By.cssSelector("vaadin-login-form input[name='password']"));
        password.sendKeys(PASSWORD);
        password.sendKeys(Keys.ENTER);
        waitFor(By.id("main-nav"));
        waitFor(By.id("logout"));
    }

    void logout() {
        click(By.id("logout"));
        waitFor(By.cssSelector("vaadin-login-form input[name='username']"));
        assertThat(driver.findElements(By.id("main-nav"))).isEmpty();
    }

    /** Follows the side navigation item with this label. */
    void nav(String label) {
        By item = By.xpath("//*[@id='main-nav']//vaadin-side-nav-item[normalize-space(.)='" + label + "']");
        click(item);
        wait.until(d -> Boolean.TRUE.equals(js("return arguments[0].hasAttribute('current')", d.findElement(item))));
    }

    void inboxEmpty() {
        wait.until(ExpectedConditions.urlMatches("/inbox$"));
        waitFor(By.id("inbox-grid"));
        wait.until(d -> Integer.valueOf(0).equals(gridSize("inbox-grid")));
    }

    /** The diagram is drawn, these elements are marked completed and this one (if any) as the current step. */
    void diagramShows(List<String> completed, String active) {
        waitFor(By.cssSelector("#diagram[rendered]"));
        assertThat(driver.findElement(By.id("diagram")).getAttribute("failed")).isNull();
        for (String id : completed) {
            waitFor(By.cssSelector("#diagram .djs-element.cf-completed[data-element-id='" + id + "']"));
        }
        List<WebElement> marked = driver.findElements(By.cssSelector("#diagram .djs-element.cf-active"));
        if (active == null) {
            assertThat(marked).isEmpty();
            return;
        }
        assertThat(marked).extracting(e -> e.getAttribute("data-element-id")).containsExactly(active);
        // and the highlight is actually painted (the theme's stroke colour for cf-active)
        Object stroke = js("return getComputedStyle(arguments[0].querySelector('.djs-visual > :first-child')).stroke",
                marked.get(0));
        assertThat(stroke).isEqualTo("rgb(216, 67, 21)");
    }

    /** The timeline lists exactly these actions, mentions these texts and (if pending) a waiting step. */
    void timelineShows(List<String> actions, List<String> texts, boolean pending) {
        waitFor(By.id("timeline"));
        List<WebElement> done = driver.findElements(By.cssSelector("#timeline li:not(.pending)"));
        assertThat(done).extracting(li -> li.getAttribute("class")).containsExactlyElementsOf(actions);
        String all = text(By.id("timeline"));
        assertThat(all).contains(texts);
        assertThat(driver.findElements(By.cssSelector("#timeline li.pending"))).hasSize(pending ? 1 : 0);
    }

    // ---------------------------------------------------------------------------------------- helpers

    WebElement waitFor(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void click(By by) {
        click(wait.until(ExpectedConditions.elementToBeClickable(by)));
    }

    /** Clicks the element once clickable, scrolled to the middle of the view first (the views scroll inside the
     * app layout, where chromedriver does not always bring a button below the fold into view). */
    void click(WebElement element) {
        wait.until(ExpectedConditions.elementToBeClickable(element));
        js("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    static By cell(String gridId, String text) {
        return By.xpath("//*[@id='" + gridId + "']/vaadin-grid-cell-content[normalize-space(.)='" + text + "']");
    }

    static By cellContaining(String gridId, String text) {
        return By.xpath("//*[@id='" + gridId + "']/vaadin-grid-cell-content[contains(., '" + text + "')]");
    }

    Integer gridSize(String gridId) {
        Object size = js("return arguments[0].size", driver.findElement(By.id(gridId)));
        return size == null ? null : ((Number) size).intValue();
    }

    /** Types into the native input (or textarea) that a Vaadin field slots into its light DOM. */
    void type(String id, String text) {
        WebElement input = waitFor(By.cssSelector("#" + id + " > input, #" + id + " > textarea"));
        input.clear();
        input.sendKeys(text);
        input.sendKeys(Keys.TAB);
        wait.until(d -> text.equals(value(id)));
    }

    /** Types an ISO date into a date picker and commits it with Enter. */
    void date(String id, LocalDate date) {
        WebElement input = waitFor(By.cssSelector("#" + id + " > input"));
        input.clear();
        input.sendKeys(date.toString());
        input.sendKeys(Keys.ENTER);
        wait.until(d -> date.toString().equals(value(id)));
        wait.until(d -> Boolean.FALSE.equals(js("return !!arguments[0].opened", driver.findElement(By.id(id)))));
    }

    /** Opens a select and picks the item with this label. */
    void choose(String id, String label) {
        click(By.id(id));
        click(By.xpath("//vaadin-select-item[normalize-space(.)='" + label + "']"));
        wait.until(d -> label.equals(selectedLabel(id)));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("vaadin-select-overlay[opened]")));
    }

    /** Types into a combo box's filter and picks the offered item with this label. */
    void pick(String id, String filter, String label) {
        WebElement input = waitFor(By.cssSelector("#" + id + " > input"));
        input.clear();
        input.sendKeys(filter);
        click(By.xpath("//vaadin-combo-box-item[normalize-space(.)='" + label + "']"));
        wait.until(d -> label.equals(js("return arguments[0].value", input)));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("vaadin-combo-box-overlay[opened]")));
    }

    /** Selects the item whose label ends with this text in a multi-select combo box, then closes it. */
    void pickMany(String id, String last) {
        WebElement input = waitFor(By.cssSelector("#" + id + " > input"));
        input.clear();
        input.sendKeys(last);
        click(By.xpath("//vaadin-multi-select-combo-box-item[substring(normalize-space(.), string-length("
                + "normalize-space(.)) - " + (last.length() - 1) + ")='" + last + "']"));
        wait.until(d -> Long.valueOf(1).equals(js("return arguments[0].selectedItems.length",
                d.findElement(By.id(id)))));
        input.sendKeys(Keys.ESCAPE);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector("vaadin-multi-select-combo-box-overlay[opened]")));
    }

    /** The error message a Vaadin field shows under it. */
    String errorMessage(String id) {
        return text(By.cssSelector("#" + id + " > [slot='error-message']"));
    }

    String selectedLabel(String id) {
        return text(By.cssSelector("#" + id + " vaadin-select-value-button"));
    }

    /** The web component's value property (a Vaadin field's value as the browser holds it). */
    String value(String id) {
        Object v = js("return arguments[0].value", driver.findElement(By.id(id)));
        return v == null ? null : v.toString();
    }

    boolean readOnly(String id) {
        return Boolean.TRUE.equals(js("return !!arguments[0].readonly", driver.findElement(By.id(id))));
    }

    String text(By by) {
        List<WebElement> found = driver.findElements(by);
        return found.isEmpty() ? null : found.get(0).getText().strip();
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    void viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    /**
     * Saves a README screenshot if -Dcadreflow.screenshots names a directory: {@value #WIDTH} wide and as tall
     * as the view (at least {@value #HEIGHT}), once Vaadin is idle and the fonts are loaded, with nothing
     * focused, hovered or scrolled.
     */
    void screenshot(String name) {
        String dir = System.getProperty("cadreflow.screenshots");
        if (dir == null || dir.isBlank()) {
            return;
        }
        new Actions(driver).moveToLocation(WIDTH - 1, HEIGHT - 1).perform(); // no hover effect in the picture
        settle();
        try {
            Number bottom = (Number) js("""
                    if (document.activeElement) document.activeElement.blur();
                    const view = document.querySelector('vaadin-app-layout > .view');
                    for (let e = view; e; e = e.assignedSlot || e.parentNode || e.host) {
                      if (e.scrollTop) e.scrollTop = 0;
                    }
                    const r = view.getBoundingClientRect();
                    return r.top + r.height;""");
            int height = (int) Math.ceil(bottom.doubleValue());
            viewport(WIDTH, height > HEIGHT ? height + 16 : HEIGHT);
            settle();
            Path target = Paths.get(dir).resolve(name);
            Files.createDirectories(target.getParent());
            Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException("could not save " + name, e);
        } finally {
            viewport(WIDTH, HEIGHT);
        }
    }

    /** No server round trip under way, fonts loaded, no notification over the page. */
    void settle() {
        wait.until(d -> Boolean.TRUE.equals(js("return document.fonts.status === 'loaded'"
                + " && !!window.Vaadin && !!window.Vaadin.Flow && Object.values(window.Vaadin.Flow.clients)"
                + ".every(c => !c.isActive || !c.isActive())")));
        js("document.querySelectorAll('vaadin-notification').forEach(n => n.opened = false)");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("vaadin-notification-card")));
        js("return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))");
    }

    /** Runs one part of the journey; if it fails, keeps a screenshot and the page source of that moment. */
    void step(String name, Runnable body) {
        try {
            body.run();
            assertThat(contentSecurityPolicyViolations()).as("what the browser refused to load or run").isEmpty();
        } catch (RuntimeException | AssertionError e) {
            saveFailure(name);
            throw e;
        }
    }

    /** The console's complaints about the Content-Security-Policy since the last look (a data: URL cut short). */
    List<String> contentSecurityPolicyViolations() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy"))
                .map(message -> message.replaceAll("(data:[^,']{0,40}[,']?)[^']{40,}", "$1…")).toList();
    }

    void saveFailure(String step) {
        try {
            Files.createDirectories(FAILURES);
            String base = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
                    + step.replaceAll("[^A-Za-z0-9]+", "-");
            Files.write(FAILURES.resolve(base + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            Files.writeString(FAILURES.resolve(base + ".html"),
                    "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource(), StandardCharsets.UTF_8);
            Files.write(FAILURES.resolve(base + ".console.txt"), driver.manage().logs().get(LogType.BROWSER).getAll()
                    .stream().map(LogEntry::toString).toList(), StandardCharsets.UTF_8);
        } catch (RuntimeException | IOException e) {
            System.err.println("could not keep the failure of step '" + step + "': " + e);
        }
    }
}
