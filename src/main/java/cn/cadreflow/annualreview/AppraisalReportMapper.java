package cn.cadreflow.annualreview;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Read-only queries behind the HR officer's campaign views: progress per unit and step, late tasks, results. */
@Mapper
public interface AppraisalReportMapper {

    /** Campaigns all of whose units are among the given ones, newest first. */
    List<Campaign> campaignsOfUnits(@Param("unitIds") Collection<Long> unitIds);

    /** Open reviews per unit and step, from the task centre's read model (wf_task). */
    List<StepCount> stepCounts(@Param("campaignId") long campaignId);

    /** Open tasks of the campaign whose due date has passed. */
    List<LateTask> lateTasks(@Param("campaignId") long campaignId, @Param("now") Instant now);

    /** Per unit: reviews, 优秀 proposed (not yet final) and 优秀 decided. */
    List<UnitQuota> unitQuotas(@Param("campaignId") long campaignId);

    /** Per unit and grade (final, else HR's, else the leader's, else the suggested one). */
    List<GradeCount> gradeCounts(@Param("campaignId") long campaignId);

    /** One row per reviewed cadre, of one unit or (unitId null) of the whole campaign. */
    List<ResultRow> results(@Param("campaignId") long campaignId, @Param("unitId") Long unitId);

    /** Per unit and indicator, the sum over reviewed cadres of the indicator's points (0–100, capped). */
    List<IndicatorSum> indicatorSums(@Param("campaignId") long campaignId, @Param("year") int year);

    /** Per unit, the average digital-capability score of the reviews that have one. */
    List<UnitAverage> digitalAverages(@Param("campaignId") long campaignId);

    record StepCount(Long unitId, String stepKey, int reviews) {
    }

    record LateTask(Long unitId, Long reviewId, String cadreName, String stepKey, String stepName, String assignee,
                    LocalDateTime dueAt) {
    }

    record UnitQuota(Long unitId, int reviewed, int excellentProposed, int excellentDecided) {
    }

    record GradeCount(Long unitId, String grade, int reviews) {
    }

    record ResultRow(Long reviewId, Long cadreId, String cadreName, String postName, Long unitId,
                     BigDecimal selfScore, BigDecimal peerScore, BigDecimal leaderScore, BigDecimal digitalScore,
                     BigDecimal totalScore, String suggestedGrade, String finalGrade) {
    }

    record IndicatorSum(Long unitId, String indicatorCode, BigDecimal points) {
    }

    record UnitAverage(Long unitId, BigDecimal average) {
    }
}
