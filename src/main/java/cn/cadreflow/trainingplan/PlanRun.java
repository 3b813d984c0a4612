package cn.cadreflow.trainingplan;

import java.time.Instant;

/**
 * Where a plan's solver run stands: running since {@code started}, the best score found so far (the solver's own,
 * hard/medium/soft), and when it finished; {@code failed} when it stopped on an error (nothing was saved then).
 */
public record PlanRun(long planId, boolean running, Instant started, String bestScore, Instant finished,
                      boolean failed) {
}
