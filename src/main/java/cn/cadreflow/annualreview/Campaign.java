package cn.cadreflow.annualreview;

import java.time.LocalDateTime;

/**
 * A review campaign (考核工作) for a year and a set of units; the counts show a launch's progress: the cadres in
 * scope, the reviews started so far (counted when read) and those already started before the last resume.
 */
public record Campaign(Long id, int campaignYear, String name, String frameworkCode, String status, int totalCount,
                       int launchedCount, int skippedCount, String createdBy, LocalDateTime createdAt,
                       LocalDateTime updatedAt) {

    public enum Status { LAUNCHING, RUNNING }
}
