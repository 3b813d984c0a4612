package cn.cadreflow.annualreview.internal;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import cn.cadreflow.annualreview.Campaign;

/**
 * Read-only queries behind the HR officer's campaign views, on the annual review's own tables; the tasks (workflow)
 * and the cadres' names and posts (cadre, org) are joined in memory by {@link AppraisalReports}.
 */
@Mapper
public interface AppraisalReportMapper {

    /** Campaigns all of whose units are among the given ones, newest first. */
    List<Campaign> campaignsOfUnits(@Param("unitIds") Collection<Long> unitIds);

    /** The campaign's reviews that have a process instance: whose they are and which instance runs them. */
    List<ReviewInstance> reviewInstances(@Param("campaignId") long campaignId);

    /** Per unit: reviews, 优秀 proposed (not yet final) and 优秀 decided. */
    List<UnitQuota> unitQuotas(@Param("campaignId") long campaignId);

    /**
     * Per unit, decided or not, and grade: a decided review counts with its final grade, one in progress with its
     * latest suggestion (HR's, else the leader's, else the computed one).
     */
    List<GradeCount> gradeCounts(@Param("campaignId") long campaignId);

    /** One row per reviewed cadre, of one unit or (unitId null) of the whole campaign, by unit and cadre. */
    List<ResultRow> results(@Param("campaignId") long campaignId, @Param("unitId") Long unitId);

    /** Per unit and indicator, the sum over reviewed cadres of the indicator's points (0–100, capped). */
    List<IndicatorSum> indicatorSums(@Param("campaignId") long campaignId, @Param("year") int year);

    /** Per unit, the average digital-capability score of the reviews that have one. */
    List<UnitAverage> digitalAverages(@Param("campaignId") long campaignId);

    record ReviewInstance(Long reviewId, Long cadreId, Long unitId, String processInstanceId) {
    }

    record UnitQuota(Long unitId, int reviewed, int excellentProposed, int excellentDecided) {
    }

    record GradeCount(Long unitId, boolean decided, String grade, int reviews) {
    }

    record ResultRow(Long reviewId, Long cadreId, Long unitId, BigDecimal selfScore, BigDecimal peerScore, BigDecimal leaderScore, BigDecimal digitalScore,
                     BigDecimal totalScore, String suggestedGrade, String finalGrade) {
    }

    record IndicatorSum(Long unitId, String indicatorCode, BigDecimal points) {
    }

    record UnitAverage(Long unitId, BigDecimal average) {
    }
}
