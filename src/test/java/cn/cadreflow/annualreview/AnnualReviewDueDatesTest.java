package cn.cadreflow.annualreview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.org.WorkCalendar;
import cn.cadreflow.workflow.ProcessStarts;

/**
 * The steps' due dates are settings, like the other periods: today's values by default, and a changed setting
 * counts for the steps begun after it (reviews of a 2010 campaign of 白沙镇, where no other test reviews that year).
 */
@CadreFlowTest
class AnnualReviewDueDatesTest {

    @Autowired
    AppraisalSettings settings;
    @Autowired
    AnnualReviewSteps steps;
    @Autowired
    CampaignService campaigns;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProcessStarts starts;
    @Autowired
    TaskService tasks;
    @Autowired
    WorkCalendar calendar;

    @AfterEach
    void restoreTheDefault() {
        settings.updateRules(Map.of(AppraisalSettings.SELF_REPORT_DUE_DAYS, "10"));
    }

    /** The day a due date falls on, in the server's zone. */
    static LocalDate day(Date due) {
        return due.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
    }

    /** The n-th working day from today on the work calendar (weekends, holidays and 调休 counted). */
    LocalDate workingDaysFromToday(int n) {
        return calendar.addWorkingDays(LocalDate.now(), n);
    }

    @Test
    void theDueDatesShipWithTheDiagramsFormerNumbersCountedInWorkingDays() {
        assertThat(List.of(steps.selfReportDue(), steps.leaderRatingDue(), steps.hrReviewDue(), steps.quotaApprovalDue(),
                steps.committeeDecisionDue(), steps.objectionCheckDue(), steps.recheckDue()))
                .extracting(AnnualReviewDueDatesTest::day)
                .containsExactly(workingDaysFromToday(10), workingDaysFromToday(7), workingDaysFromToday(7),
                        workingDaysFromToday(5), workingDaysFromToday(10), workingDaysFromToday(10),
                        workingDaysFromToday(30));
        // a working day: never a weekend unless the calendar makes it one (调休)
        assertThat(List.of(steps.leaderRatingDue(), steps.quotaApprovalDue())).extracting(AnnualReviewDueDatesTest::day)
                .allSatisfy(d -> assertThat(calendar.isWorkingDay(d)).as(d.toString()).isTrue());
    }

    @Test
    void aChangedDueDateCountsForTheStepsBegunAfterIt() {
        long baisha = ((Number) starts.knownData("chenjing").get("unitId")).longValue();
        long campaign = campaigns.create(2010, "2010年度白沙镇干部考核（办理期限）", List.of(baisha), "GRASSROOTS11",
                "wangfang");
        campaigns.launch(campaign, "wangfang", 1, 1);
        assertThat(selfReportDueDays(campaign)).containsExactly(workingDaysFromToday(10));

        settings.updateRules(Map.of(AppraisalSettings.SELF_REPORT_DUE_DAYS, "12"));
        assertThat(day(steps.selfReportDue())).isEqualTo(workingDaysFromToday(12));
        campaigns.launch(campaign, "wangfang", 1, 1);
        assertThat(selfReportDueDays(campaign)).containsExactlyInAnyOrder(workingDaysFromToday(10),
                workingDaysFromToday(12));
    }

    /** The day each of the campaign's open 述职 tasks is due. */
    List<LocalDate> selfReportDueDays(long campaign) {
        return reviewsOf(campaign).stream().map(pi -> tasks.createTaskQuery().processInstanceId(pi)
                        .taskDefinitionKey(AnnualReviewStep.SELF_REPORT).singleResult())
                .map(Task::getDueDate).map(AnnualReviewDueDatesTest::day).toList();
    }

    List<String> reviewsOf(long campaign) {
        return jdbc.queryForList("SELECT process_instance_id FROM appraisal_review WHERE campaign_id = ?", String.class,
                campaign);
    }
}
