package cn.cadreflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * 容错纠错 in a real headless Chromium, on the demo data: 张伟 applies for 容错 about a matter of this year with the
 * facts, on the module's start page where he is shown as the applicant, not typed; 王芳 (HR of 清河县) accepts it and names 赵敏 to investigate; 张伟 gives his statement; 赵敏 reads it and
 * records her findings against 三个区分开来; 王芳 sees the decision table's proposal (免责, with its reason) and records
 * the committee's 免责; 张伟 reads the outcome. Then 王芳 launches this year's review of 青山镇, 张伟 writes his 述职, and
 * 李军, rating him in 民主测评, is shown the matter as protected (不得因此降低考核等次).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:cadreflow-tolerance-journey;DB_CLOSE_DELAY=-1",
        "cadreflow.demo-data=true",
        "camunda.bpm.job-execution.enabled=false"})
class ToleranceJourneyIT extends BrowserJourney {

    /** Clicks the radio button with this label in a radio group. */
    void radio(String id, String label) {
        click(By.xpath("//*[@id='" + id + "']//vaadin-radio-button[normalize-space(.)='" + label + "']"));
        wait.until(d -> driver.findElements(By.xpath("//*[@id='" + id + "']//vaadin-radio-button[@checked]"
                + "[normalize-space(.)='" + label + "']")).size() == 1);
    }

    /** Opens the inbox's task with this step name. */
    void openTask(String step) {
        click(cell("inbox-grid", step));
        wait.until(ExpectedConditions.urlMatches("/task/"));
    }

    @Test
    void aToleratedMatterIsProtectedInTheAnnualReview() throws IOException {
        LocalDate today = LocalDate.now();
        int year = today.getYear();
        String matter = "先行先试推行“一窗通办”，系统切换期间群众重复跑腿";
        Path evidence = Files.writeString(Files.createTempDirectory("evidence").resolve("党委会会议纪要.txt"),
                "镇党委会研究同意先行推行一窗通办试点。");
        String statement = "试点经镇党委会集体研究，出于方便群众，本人未谋取任何私利。";
        String decisionNo = "清组容〔" + year + "〕8号";
        String campaign = year + "年度青山镇干部考核";

        step("zhangwei applies for 容错 with the facts", () -> {
            login("zhangwei");
            nav("发起申请");
            click(By.id("start-tolerance"));
            // the module's start page: the cadre applies about himself, shown and not typed
            wait.until(ExpectedConditions.urlMatches("/tolerance/open$"));
            waitFor(By.id("open-matter"));
            assertThat(waitFor(By.cssSelector("#open-cadre > input")).getAttribute("value")).isEqualTo("张伟（青山镇）");
            assertThat(readOnly("open-cadre")).isTrue();
            choose("open-category", "改革创新");
            type("open-matter", matter);
            date("open-matter-date", today.withDayOfYear(1));
            type("open-decision-taken", "在上级无明确规定的情况下，经镇党委会研究先行推行一窗通办试点。");
            type("open-loss", "新旧系统切换失败，约两周内群众需重复提交材料。");
            type("open-mitigation", "当即恢复原办理渠道，并组织干部上门补办。");
            // evidence: a file chosen through the upload's own file input, listed before it is sent
            WebElement upload = waitFor(By.id("open-evidence"));
            WebElement input = (WebElement) js("const u = arguments[0]; return u.querySelector('input[type=file]')"
                    + " || (u.shadowRoot && u.shadowRoot.querySelector('input[type=file]'))", upload);
            input.sendKeys(evidence.toAbsolutePath().toString());
            waitFor(By.xpath("//*[@id='open-evidence-list']//span[normalize-space(.)='" + evidence.getFileName()
                    + "']"));
            click(By.id("open-submit"));
            wait.until(ExpectedConditions.urlMatches("/started$"));
            waitFor(cell("started-grid", "容错纠错"));
            logout();
        });

        step("wangfang accepts it and names the investigator", () -> {
            login("wangfang");
            openTask("受理");
            waitFor(By.id("field-acceptance"));
            assertThat(value("field-cadreName")).isEqualTo("张伟");
            assertThat(value("field-matter")).isEqualTo(matter);
            assertThat(readOnly("field-matter")).isTrue();
            // a confidential case is never copied: 抄送 is not offered
            assertThat(driver.findElements(By.id("copy"))).isEmpty();
            // the evidence zhangwei sent is under the task
            waitFor(By.xpath("//*[@id='attachments']//a[normalize-space(.)='" + evidence.getFileName() + "']"));
            radio("field-acceptance", "予以受理");
            type("field-acceptanceReason", "属于容错申请受理范围。");
            pick("field-investigator", "赵", "赵敏");
            click(By.id("submit-form"));
            wait.until(ExpectedConditions.urlMatches("/inbox$"));
            logout();
        });

        step("zhangwei gives his statement", () -> {
            login("zhangwei");
            openTask("听取本人陈述");
            waitFor(By.id("field-statement"));
            assertThat(value("field-matter")).isEqualTo(matter);
            type("field-statement", statement);
            click(By.id("submit-form"));
            wait.until(ExpectedConditions.urlMatches("/inbox$"));
            logout();
        });

        step("zhaomin investigates with the cadre's statement before her", () -> {
            login("zhaomin");
            openTask("调查核实");
            waitFor(By.id("field-findings"));
            assertThat(value("field-statementText")).isEqualTo(statement);
            assertThat(readOnly("field-statementText")).isTrue();
            type("field-findings", "经调阅党委会记录，试点经集体研究并经司法所合法性审查，损失已及时挽回。");
            for (String yes : List.of("founded", "pioneering", "notForbidden", "forDevelopment",
                    "collectiveDecision", "legalReview", "lossLimited")) {
                radio("field-" + yes, "是");
            }
            radio("field-privateGain", "否");
            radio("field-collusion", "否");
            click(By.id("submit-form"));
            wait.until(ExpectedConditions.urlMatches("/inbox$"));
            logout();
        });

        step("wangfang sees the proposal and records the committee's 免责", () -> {
            login("wangfang");
            openTask("党委（党组）认定");
            waitFor(By.id("field-outcome"));
            assertThat(value("field-proposedOutcomeLabel")).isEqualTo("免责");
            assertThat(value("field-proposedReason")).contains("三个区分开来");
            choose("field-outcome", "免责");
            type("field-decisionNo", decisionNo);
            date("field-decisionDate", today);
            click(By.id("submit-form"));
            wait.until(ExpectedConditions.urlMatches("/inbox$"));
            logout();
        });

        step("zhangwei reads the outcome", () -> {
            login("zhangwei");
            openTask("认定结果通知");
            waitFor(By.id("field-outcomeLabel"));
            assertThat(value("field-outcomeLabel")).isEqualTo("免责");
            assertThat(value("field-decisionNo")).isEqualTo(decisionNo);
            click(By.id("submit-form"));
            inboxEmpty();
            logout();
        });

        step("wangfang launches this year's review of 青山镇", () -> {
            login("wangfang");
            nav("年度考核");
            type("campaign-name", campaign);
            pickMany("campaign-units", "青山镇");
            click(By.id("campaign-launch"));
            By progress = By.cssSelector("#campaign-grid > vaadin-grid-cell-content .campaign-progress");
            Pattern launched = Pattern.compile("已启动 (\\d+) / (\\d+)");
            wait.until(d -> {
                Matcher m = launched.matcher(String.valueOf(text(progress)));
                return m.matches() && m.group(1).equals(m.group(2)) && Integer.parseInt(m.group(2)) > 0;
            });
            logout();
        });

        step("zhangwei reports on his year", () -> {
            login("zhangwei");
            openTask("述职");
            waitFor(By.id("field-selfReport"));
            type("field-selfReport", "全年推进一窗通办改革和乡村振兴项目，按时办结群众诉求，未发生违纪违法问题。");
            List<String> scores = driver.findElements(By.cssSelector("vaadin-number-field[id^='field-self_']"))
                    .stream().map(e -> e.getAttribute("id")).toList();
            for (int i = 0; i < scores.size(); i++) {
                type(scores.get(i), String.valueOf(85 + i % 3 * 4));
            }
            click(By.id("submit-form"));
            wait.until(ExpectedConditions.urlMatches("/inbox$"));
            logout();
        });

        step("lijun rates him and is shown the matter as protected", () -> {
            login("lijun");
            openTask("民主测评");
            waitFor(By.id("field-peerVote"));
            assertThat(readOnly("field-toleratedMatters")).isTrue();
            assertThat(value("field-toleratedMatters")).contains(matter, "免责", decisionNo, "不得因此降低考核等次");
            logout();
        });
    }
}
