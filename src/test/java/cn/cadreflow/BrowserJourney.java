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
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every headless-Chromium journey shares: the Debian chromium and chromedriver (never a downloaded browser), one
 * fresh profile per test, steps that keep a screenshot and the page source when they fail, a check that the browser
 * refused nothing under the Content-Security-Policy after each step, and the moves a user makes (log in, follow the
 * menu, type, pick, click). A journey is a {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} class extending this,
 * with its own in-memory database.
 */
public abstract class BrowserJourney {

    static final String PASSWORD = "Demo@2026";
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final int WIDTH = 1280;
    static final int HEIGHT = 800;
    static final Path FAILURES = Paths.get("target", "browser-failures");

    @LocalServerPort
    int port;
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
