package cn.cadreflow.annualreview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cadreflow.CadreFlowTest;
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

    @AfterEach
    void restoreTheDefault() {
        settings.updateRules(Map.of(AppraisalSettings.SELF_REPORT_DUE_DAYS, "10"));
    }

    @Test
    void theDueDatesShipWithTheDiagramsFormerValues() {
        assertThat(List.of(steps.selfReportDue(), steps.leaderRatingDue(), steps.hrReviewDue(), steps.quotaApprovalDue(),
                steps.committeeDecisionDue(), steps.objectionCheckDue(), steps.recheckDue()))
                .containsExactly("P10D", "P7D", "P7D", "P5D", "P10D", "P10D", "P30D");
    }

    @Test
    void aChangedDueDateCountsForTheStepsBegunAfterIt() {
        long baisha = ((Number) starts.knownData("chenjing").get("unitId")).longValue();
        long campaign = campaigns.create(2010, "2010年度白沙镇干部考核（办理期限）", List.of(baisha), "GRASSROOTS11",
                "wangfang");
        campaigns.launch(campaign, "wangfang", 1, 1);
        assertThat(selfReportDueInDays(campaign)).containsExactly(10.0);

        settings.updateRules(Map.of(AppraisalSettings.SELF_REPORT_DUE_DAYS, "12"));
        assertThat(steps.selfReportDue()).isEqualTo("P12D");
        campaigns.launch(campaign, "wangfang", 1, 1);
        assertThat(selfReportDueInDays(campaign)).containsExactlyInAnyOrder(10.0, 12.0);
    }

    /** Days from now to the due date of each of the campaign's open 述职 tasks, to a tenth. */
    List<Double> selfReportDueInDays(long campaign) {
        return reviewsOf(campaign).stream().map(pi -> tasks.createTaskQuery().processInstanceId(pi)
                        .taskDefinitionKey(AnnualReviewStep.SELF_REPORT).singleResult())
                .map(Task::getDueDate)
                .map(due -> Math.round(Duration.between(Instant.now(), due.toInstant()).toMinutes() / 144.0) / 10.0)
                .toList();
    }

    List<String> reviewsOf(long campaign) {
        return jdbc.queryForList("SELECT process_instance_id FROM appraisal_review WHERE campaign_id = ?", String.class,
                campaign);
    }
}
