package cn.cadreflow.annualreview;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.annualreview.internal.EvidenceImportService;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.security.UserService;

/**
 * Filing results (the service task at the end of annual-review.bpmn) for 陈静 over 2021–2023, years no other test
 * uses: 三等功 after three consecutive 优秀, training needs only for a weak digital score, last year's grade.
 */
@CadreFlowTest
class AnnualReviewFilingTest {

    @Autowired
    UserService users;
    @Autowired
    AnnualReviews appraisal;
    @Autowired
    AnnualReviewSteps steps;
    @Autowired
    CampaignService campaigns;
    @Autowired
    EvidenceImportService evidence;
    @Autowired
    ProcessStarts starts;
    @Autowired
    JdbcTemplate jdbc;

    long review(long cadreId, long unitId, int year, String grade) {
        long campaign = campaigns.create(year, year + "年度考核（归档测试）", List.of(unitId), "GRASSROOTS11", "wangfang");
        jdbc.update("INSERT INTO appraisal_review (campaign_id, cadre_id, unit_id, review_year, status, final_grade, "
                + "created_at, updated_at) VALUES (?, ?, ?, ?, 'NOTIFIED', ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
                campaign, cadreId, unitId, year, grade);
        return jdbc.queryForObject("SELECT id FROM appraisal_review WHERE campaign_id = ?", Long.class, campaign);
    }

    @Test
    void threeConsecutiveExcellentYearsAreFlaggedForAThirdClassMerit() {
        long cadre = ((Number) starts.knownData("chenjing").get("cadreId")).longValue();
        long unit = ((Number) starts.knownData("chenjing").get("unitId")).longValue();
        String full = "干部编号,指标编码,数值\n" + cadre + ",PLATFORM_USAGE,250\n" + cadre + ",CITY_BRAIN_PROPOSALS,5\n"
                + cadre + ",CITY_BRAIN_QUALITY,100\n" + cadre + ",NEW_MEDIA_OUTREACH,12\n"
                + cadre + ",DIGITAL_TRAINING_HOURS,30\n";
        evidence.importFile("2023.csv", full.getBytes(StandardCharsets.UTF_8), 2023,
                users.context("wangfang").orElseThrow());

        long y2021 = review(cadre, unit, 2021, "优秀");
        steps.fileResult(y2021);
        long y2022 = review(cadre, unit, 2022, "优秀");
        steps.fileResult(y2022);
        assertThat(appraisal.honours(cadre, 2022)).isZero();
        assertThat(appraisal.gradeOf(cadre, 2022)).isEqualTo("优秀");
        assertThat(appraisal.gradeOf(cadre, 2020)).isEqualTo("无");

        long y2023 = review(cadre, unit, 2023, "优秀");
        steps.fileResult(y2023);
        assertThat(appraisal.honours(cadre, 2023)).isEqualTo(1);
        assertThat(appraisal.review(y2023).status()).isEqualTo("FILED");
        // full digital evidence in 2023: no training need; none in 2021: one per indicator
        assertThat(steps.digitalScore(y2023)).isEqualTo(100.0);
        assertThat(appraisal.trainingNeeds(y2023)).isZero();
        assertThat(appraisal.trainingNeeds(y2021)).isEqualTo(5);
        // filing again flags nothing twice
        steps.fileResult(y2023);
        assertThat(appraisal.honours(cadre, 2023)).isEqualTo(1);
        assertThat(appraisal.trainingNeeds(y2021)).isEqualTo(5);
    }

    @Test
    void aBreakInTheRowMeansNoMerit() {
        long cadre = ((Number) starts.knownData("liuyang").get("cadreId")).longValue();
        long unit = ((Number) starts.knownData("liuyang").get("unitId")).longValue();
        steps.fileResult(review(cadre, unit, 2021, "优秀"));
        steps.fileResult(review(cadre, unit, 2022, "称职"));
        steps.fileResult(review(cadre, unit, 2023, "优秀"));
        assertThat(appraisal.honours(cadre, 2023)).isZero();
    }

    @Test
    void theCadresKnownDataPrefillsTheSelfReport() {
        assertThat(starts.knownData("zhangwei")).containsKeys("lastYearGrade", "platformUsage", "trainingHoursThisYear",
                "postName", "unitName", "rankName");
    }
}
