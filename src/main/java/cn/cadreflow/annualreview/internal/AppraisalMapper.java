package cn.cadreflow.annualreview.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import cn.cadreflow.annualreview.Campaign;
import cn.cadreflow.annualreview.DigitalIndicator;
import cn.cadreflow.annualreview.Evidence;
import cn.cadreflow.annualreview.Framework;
import cn.cadreflow.annualreview.FrameworkItem;
import cn.cadreflow.annualreview.Review;
import cn.cadreflow.annualreview.RuleSetting;

@Mapper
public interface AppraisalMapper {

    // ------------------------------------------------------------ reference data

    List<Framework> frameworks();

    Framework framework(@Param("code") String code);

    List<FrameworkItem> items(@Param("frameworkId") long frameworkId);

    void updateItemWeight(@Param("frameworkId") long frameworkId, @Param("code") String code,
                          @Param("weight") BigDecimal weight);

    void updateItemName(@Param("frameworkId") long frameworkId, @Param("code") String code,
                        @Param("name") String name);

    List<DigitalIndicator> indicators();

    void updateIndicator(@Param("code") String code, @Param("targetValue") BigDecimal targetValue,
                         @Param("weight") BigDecimal weight);

    List<RuleSetting> rules();

    String rule(@Param("key") String key);

    int updateRule(@Param("ruleKey") String ruleKey, @Param("ruleValue") String ruleValue);

    // ------------------------------------------------------------ campaigns

    void insertCampaign(CampaignRow row);

    void insertCampaignUnit(@Param("campaignId") long campaignId, @Param("unitId") long unitId);

    Campaign campaign(@Param("id") long id);

    List<Long> campaignUnits(@Param("campaignId") long campaignId);

    void updateProgress(@Param("id") long id, @Param("total") int total, @Param("skipped") int skipped,
                        @Param("covered") int covered, @Param("status") String status, @Param("at") Instant at);

    /** Takes over a campaign's launch row whose heartbeat is older than {@code staleBefore}; 1 if taken. */
    int takeOverLaunch(@Param("id") long id, @Param("holder") String holder, @Param("user") String user,
                       @Param("at") Instant at, @Param("staleBefore") Instant staleBefore);

    /** Records a launch of a campaign that has no launch row; fails on the primary key if another launch has one. */
    void insertLaunch(@Param("id") long id, @Param("holder") String holder, @Param("user") String user,
                      @Param("at") Instant at);

    int renewLaunch(@Param("id") long id, @Param("holder") String holder, @Param("at") Instant at);

    void endLaunch(@Param("id") long id, @Param("holder") String holder);

    int countLaunchesSince(@Param("id") long id, @Param("since") Instant since);

    /** The launch rows of campaigns still launching that have not been renewed since {@code staleBefore}. */
    List<StoppedLaunch> stoppedLaunches(@Param("staleBefore") Instant staleBefore);

    /** The cadres with a review in the campaign. */
    List<Long> reviewedCadres(@Param("campaignId") long campaignId);

    int countReviews(@Param("campaignId") long campaignId);

    /** The cadres with a review of the year in a campaign other than {@code campaignId} (null: in any campaign). */
    List<Long> reviewedElsewhere(@Param("year") int year, @Param("campaignId") Long campaignId);

    /** Those of the cadres that have a review of the year, in any campaign (one at most each: sql/V19). */
    List<Long> reviewedInYear(@Param("year") int year, @Param("ids") Collection<Long> ids);

    // ------------------------------------------------------------ reviews

    void insertReview(ReviewRow row);

    Review review(@Param("id") long id);

    Review reviewOf(@Param("campaignId") long campaignId, @Param("cadreId") long cadreId);

    /** The cadre's review of the year, in whichever campaign. */
    Review reviewOfYear(@Param("cadreId") long cadreId, @Param("year") int year);

    void attachProcess(@Param("id") long id, @Param("processInstanceId") String processInstanceId);

    void updateStatus(@Param("id") long id, @Param("status") String status, @Param("at") Instant at);

    void insertScore(@Param("reviewId") long reviewId, @Param("raterRole") String raterRole,
                     @Param("rater") String rater, @Param("itemCode") String itemCode,
                     @Param("score") BigDecimal score, @Param("voteGrade") String voteGrade, @Param("at") Instant at);

    int countScores(@Param("reviewId") long reviewId, @Param("raterRole") String raterRole,
                    @Param("rater") String rater);

    int countScoresOfRole(@Param("reviewId") long reviewId, @Param("raterRole") String raterRole);

    BigDecimal averageScore(@Param("reviewId") long reviewId, @Param("raterRole") String raterRole);

    /** The votes of one role's raters by grade: counts only, never who voted what. */
    List<VoteCount> votesOfRole(@Param("reviewId") long reviewId, @Param("raterRole") String raterRole);

    void setSelfScore(@Param("id") long id, @Param("score") BigDecimal score, @Param("at") Instant at);

    void setPeerScore(@Param("id") long id, @Param("score") BigDecimal score, @Param("votes") int votes,
                      @Param("at") Instant at);

    void setLeaderRating(@Param("id") long id, @Param("score") BigDecimal score, @Param("grade") String grade,
                         @Param("opinion") String opinion, @Param("at") Instant at);

    void setScores(@Param("id") long id, @Param("digital") BigDecimal digital, @Param("total") BigDecimal total,
                   @Param("at") Instant at);

    void setSuggestion(@Param("id") long id, @Param("grade") String grade, @Param("reason") String reason,
                       @Param("at") Instant at);

    void setHrReview(@Param("id") long id, @Param("grade") String grade, @Param("opinion") String opinion,
                     @Param("at") Instant at);

    int countInUnit(@Param("campaignId") long campaignId, @Param("unitId") long unitId);

    int countExcellentOthers(@Param("campaignId") long campaignId, @Param("unitId") long unitId,
                             @Param("reviewId") long reviewId);

    void setQuotaApproved(@Param("id") long id, @Param("approved") boolean approved, @Param("at") Instant at);

    void setCommittee(@Param("id") long id, @Param("grade") String grade, @Param("opinion") String opinion,
                      @Param("at") Instant at);

    void setNoticeStarted(@Param("id") long id, @Param("at") Instant at);

    void setNotified(@Param("id") long id, @Param("at") Instant at);

    void setFinal(@Param("id") long id, @Param("grade") String grade, @Param("at") Instant at);

    /** The cadre's filed grades, newest year first. */
    List<YearGrade> filedGrades(@Param("cadreId") long cadreId);

    /** The reviews of a launch batch, in one statement (the rows' ids are read back with {@link #launchedReviews}). */
    void insertReviews(@Param("rows") List<ReviewRow> rows);

    List<LaunchedReview> launchedReviews(@Param("campaignId") long campaignId, @Param("ids") Collection<Long> ids);

    List<Review> reviewsOfCadre(@Param("cadreId") long cadreId);

    // ------------------------------------------------------------ evidence

    void insertEvidence(@Param("e") Evidence e);

    void deleteImported(@Param("cadreId") long cadreId, @Param("year") int year, @Param("code") String code);

    List<Evidence> evidence(@Param("cadreId") long cadreId, @Param("year") int year);

    int countEvidence();

    void verifyEvidence(@Param("id") long id, @Param("by") String by, @Param("at") Instant at);

    // ------------------------------------------------------------ objections, 复核, needs, honours

    void insertObjection(@Param("reviewId") long reviewId, @Param("by") String by, @Param("reason") String reason,
                         @Param("at") Instant at);

    void resolveObjection(@Param("reviewId") long reviewId, @Param("upheld") boolean upheld,
                          @Param("finding") String finding, @Param("by") String by, @Param("at") Instant at);

    int countObjections(@Param("reviewId") long reviewId);

    void insertRecheck(@Param("reviewId") long reviewId, @Param("by") String by, @Param("reason") String reason,
                       @Param("grade") String grade, @Param("at") Instant at);

    void decideRecheck(@Param("reviewId") long reviewId, @Param("grade") String grade,
                       @Param("opinion") String opinion, @Param("by") String by, @Param("at") Instant at);

    int countRechecks(@Param("reviewId") long reviewId);

    void insertTrainingNeed(@Param("cadreId") long cadreId, @Param("code") String code, @Param("name") String name,
                            @Param("reviewId") long reviewId, @Param("at") Instant at);

    int countTrainingNeeds(@Param("reviewId") long reviewId);

    void insertHonour(@Param("cadreId") long cadreId, @Param("type") String type, @Param("year") int year,
                      @Param("reviewId") long reviewId, @Param("at") Instant at);

    int countHonours(@Param("cadreId") long cadreId, @Param("type") String type, @Param("year") int year);

    /** Closes the cadre's OPEN needs of these capabilities (by name); how many. */
    int closeTrainingNeeds(@Param("cadreId") long cadreId, @Param("names") Collection<String> names);

    List<NeedRow> trainingNeedsOfCadre(@Param("cadreId") long cadreId);

    List<NeedRow> trainingNeedsOfCadres(@Param("cadreIds") Collection<Long> cadreIds);

    /** Open training needs of the cadres, newest first. */
    List<NeedRow> openTrainingNeeds(@Param("cadreIds") Collection<Long> cadreIds, @Param("limit") int limit);

    List<Integer> honourYears(@Param("cadreId") long cadreId, @Param("type") String type);

    record VoteCount(String voteGrade, int votes) {
    }

    record YearGrade(int reviewYear, String finalGrade) {
    }

    /** A training_need row with its review's year; whose it is comes from the cadre and org modules. */
    record NeedRow(Long id, Long cadreId, String capabilityCode, String capabilityName, Long sourceReviewId,
                   Integer reviewYear, String status, LocalDateTime createdAt) {
    }

    record StoppedLaunch(long campaignId, String startedBy) {
    }

    record LaunchedReview(long id, long cadreId) {
    }

    final class CampaignRow {
        public Long id;
        public int campaignYear;
        public String name;
        public String frameworkCode;
        public String status;
        public String createdBy;
        public Instant at;
    }

    final class ReviewRow {
        public Long id;
        public long campaignId;
        public long cadreId;
        public long unitId;
        public int reviewYear;
        public String status;
        public Instant at;
    }
}
