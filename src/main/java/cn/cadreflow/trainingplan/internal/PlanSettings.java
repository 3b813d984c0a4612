package cn.cadreflow.trainingplan.internal;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.cadreflow.trainingplan.schedule.HoursRule;
import cn.cadreflow.trainingplan.schedule.TimefoldScheduler;

/**
 * The planning settings (application properties {@code cadreflow.training-plan.*}; defaults from DOMAIN.md): the
 * hours each rank requires, and how long a planning run may take.
 */
@Component
public class PlanSettings {

    private final HoursRule hoursRule;
    private final TimefoldScheduler.Settings solver;

    public PlanSettings(@Value("${cadreflow.training-plan.junior-hours:90}") int juniorHours,
                        @Value("${cadreflow.training-plan.junior-days:12}") int juniorDays,
                        @Value("${cadreflow.training-plan.senior-hours:550}") int seniorHours,
                        @Value("${cadreflow.training-plan.senior-window-years:5}") int seniorWindowYears,
                        @Value("${cadreflow.training-plan.time-limit:PT60S}") Duration timeLimit,
                        @Value("${cadreflow.training-plan.unimproved-limit:PT5S}") Duration unimprovedLimit) {
        this.hoursRule = new HoursRule(juniorHours, juniorDays, seniorHours, seniorWindowYears);
        this.solver = new TimefoldScheduler.Settings(timeLimit, unimprovedLimit,
                TimefoldScheduler.Settings.DEFAULT.maxCoursesPerCadre());
    }

    public HoursRule hoursRule() {
        return hoursRule;
    }

    public TimefoldScheduler.Settings solver() {
        return solver;
    }
}
