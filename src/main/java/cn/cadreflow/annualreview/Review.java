package cn.cadreflow.annualreview;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** One cadre's annual review in a campaign (one per cadre per campaign). */
public record Review(Long id, Long campaignId, Long cadreId, Long unitId, int reviewYear, String status,
                     String processInstanceId, BigDecimal selfScore, BigDecimal peerScore, int peerVotes,
                     BigDecimal leaderScore, BigDecimal digitalScore, BigDecimal totalScore, String suggestedGrade,
                     String suggestedReason, String proposedGrade, String hrGrade, String finalGrade,
                     String leaderOpinion, String hrOpinion, String committeeOpinion, boolean quotaApproved,
                     LocalDateTime noticeStartedAt, LocalDateTime notifiedAt, LocalDateTime finalizedAt) {

    public enum Status { SELF_REPORT, PEER_RATING, LEADER_RATING, HR_REVIEW, QUOTA_APPROVAL, COMMITTEE, NOTICE,
        OBJECTION, NOTIFIED, RECHECK, FILED, TERMINATED }
}
