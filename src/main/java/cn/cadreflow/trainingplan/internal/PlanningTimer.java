package cn.cadreflow.trainingplan.internal;

import java.time.Clock;
import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import cn.cadreflow.trainingplan.TrainingPlan;
import cn.cadreflow.trainingplan.TrainingPlanService;

/**
 * The yearly timer that opens planning: a Spring scheduled job, by default at 01:00 on 1 December
 * ({@code cadreflow.training-plan.open-cron}, a Spring cron expression; "-" turns it off), opens the next year's
 * plan for every county not yet planned for that year. Opening is skipped for units already in a plan of the year,
 * so a second server firing too finds nothing left to open.
 */
@Configuration
@EnableScheduling
class PlanningTimer {

    private static final Logger log = LoggerFactory.getLogger(PlanningTimer.class);

    private final TrainingPlanService plans;
    private final Clock clock;

    PlanningTimer(TrainingPlanService plans, Clock clock) {
        this.plans = plans;
        this.clock = clock;
    }

    @Scheduled(cron = "${cadreflow.training-plan.open-cron:0 0 1 1 12 *}")
    void openNextYear() {
        int year = LocalDate.now(clock).getYear() + 1;
        for (TrainingPlan plan : plans.openYearly(year)) {
            log.info("Opened training planning {} for {} units", year, plan.unitIds().size());
        }
    }
}
