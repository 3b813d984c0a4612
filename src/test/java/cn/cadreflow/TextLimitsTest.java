package cn.cadreflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cadreflow.annualreview.AppraisalSettings;
import cn.cadreflow.annualreview.CampaignService;
import cn.cadreflow.annualreview.internal.EvidenceValues;
import cn.cadreflow.org.WorkCalendar;
import cn.cadreflow.tolerance.ToleranceService;
import cn.cadreflow.workflow.FormDefinition;
import cn.cadreflow.workflow.internal.form.FormValidator;
import cn.cadreflow.workflow.internal.trail.Trail;

/**
 * One limit per column: what the server lets a person type is exactly what the column it lands in holds, as the
 * migrations in sql/ (and the engine's schema) create it. A form field that is stored names its column here.
 */
@CadreFlowTest
class TextLimitsTest {

    /** Each stored text field of the forms, by form id and key, and its column. */
    static final Map<String, String> STORED = Map.ofEntries(
            Map.entry("trainingLeave.courseName", "training_leave_request.course_name"),
            Map.entry("trainingLeave.organizer", "training_leave_request.organizer"),
            Map.entry("trainingLeave.location", "training_leave_request.location"),
            Map.entry("trainingLeave.reason", "training_leave_request.reason"),
            Map.entry("secondment.reason", "secondment.reason"),
            Map.entry("secondmentCheckIn.report", "secondment_report.body"),
            Map.entry("secondmentEvaluation.evaluation", "secondment_report.body"),
            Map.entry("secondmentReturn.decisionNote", "secondment.outcome_note"),
            Map.entry("annualReviewLeader.leaderOpinion", "appraisal_review.leader_opinion"),
            Map.entry("annualReviewHr.hrOpinion", "appraisal_review.hr_opinion"),
            Map.entry("annualReviewCommittee.committeeOpinion", "appraisal_review.committee_opinion"),
            Map.entry("annualReviewObjection.objectionReason", "appraisal_objection.reason"),
            Map.entry("annualReviewObjectionCheck.objectionFinding", "appraisal_objection.finding"),
            Map.entry("annualReviewNotice.recheckReason", "appraisal_recheck.reason"),
            Map.entry("annualReviewRecheck.recheckOpinion", "appraisal_recheck.opinion"));

    @Autowired
    JdbcTemplate jdbc;

    int size(String column) {
        String[] c = column.toUpperCase(Locale.ROOT).split("\\.");
        return jdbc.queryForObject("SELECT CHARACTER_MAXIMUM_LENGTH FROM INFORMATION_SCHEMA.COLUMNS"
                + " WHERE TABLE_NAME = ? AND COLUMN_NAME = ?", Integer.class, c[0], c[1]);
    }

    @Test
    void everyTextFieldOfEveryFormFitsWhereItIsKept() throws IOException {
        Map<String, Integer> limits = new HashMap<>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
            try (InputStream in = r.getInputStream()) {
                FormDefinition form = FormDefinition.parse(in);
                form.inputs().stream().filter(f -> !f.readonly()).filter(f -> f.type().startsWith("text"))
                        .forEach(f -> limits.put(form.id() + "." + f.key(), f.maxLength()));
            }
        }
        assertThat(limits.keySet()).containsAll(STORED.keySet());
        STORED.forEach((field, column) -> assertThat(limits.get(field)).as(field).isEqualTo(size(column)));
        // every value is also a process variable, whose text column is the last word for a field kept nowhere else
        assertThat(FormValidator.TEXT_MAX).isEqualTo(size("ACT_RU_VARIABLE.TEXT_"));
        limits.forEach((field, max) -> assertThat(max).as(field).isNotNull().isLessThanOrEqualTo(FormValidator.TEXT_MAX));
    }

    @Test
    void everyLimitTheServicesHoldIsItsColumnsSize() {
        assertThat(Trail.OPINION_MAX).isEqualTo(size("workflow_action.opinion"));
        assertThat(CampaignService.NAME_MAX).isEqualTo(size("appraisal_campaign.name"));
        assertThat(ToleranceService.MATTER_MAX).isEqualTo(size("tolerance_outcome.matter"));
        assertThat(ToleranceService.DECISION_NO_MAX).isEqualTo(size("tolerance_outcome.decision_no"));
        assertThat(WorkCalendar.NAME_MAX).isEqualTo(size("work_calendar_day.name"));
        assertThat(AppraisalSettings.NAME_MAX).isEqualTo(size("appraisal_framework_item.name"));
        Map<String, Object> value = jdbc.queryForMap("SELECT NUMERIC_PRECISION, NUMERIC_SCALE FROM"
                + " INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = 'DIGITAL_EVIDENCE' AND COLUMN_NAME = 'EVIDENCE_VALUE'");
        assertThat(EvidenceValues.MAX.precision()).isEqualTo(((Number) value.get("NUMERIC_PRECISION")).intValue());
        assertThat(EvidenceValues.SCALE).isEqualTo(((Number) value.get("NUMERIC_SCALE")).intValue());
    }
}
