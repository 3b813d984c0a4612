package cn.cadreflow.annualreview;

import java.time.LocalDateTime;

/**
 * A review campaign (考核工作) for a year and a set of units; the counts show a launch's progress: the cadres it
 * reviews, the reviews started so far (counted when read), those already started before the last resume, and the
 * cadres in its units it leaves out because another campaign of the year already reviews them (one review per
 * cadre per year).
 */
public record Campaign(Long id, int campaignYear, String name, String frameworkCode, String status, int totalCount,
                       int launchedCount, int skippedCount, int coveredCount, String createdBy, LocalDateTime createdAt,
                       LocalDateTime updatedAt) {

    public enum Status { LAUNCHING, RUNNING }
}
