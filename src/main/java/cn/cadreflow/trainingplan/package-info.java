/**
 * 沉浸式培训 planning: the yearly training plan that gives every cadre their immersive week (同吃同住同劳动) and
 * the 学时 their rank requires, without ever taking a unit below its minimum on-duty staffing.
 * <p>
 * {@code schedule} holds the planning core as plain classes, usable and tested without Spring: the input
 * ({@link cn.cadreflow.trainingplan.schedule.PlanProblem}), the plan, the independent hard-constraint checker
 * ({@link cn.cadreflow.trainingplan.schedule.PlanChecker}), the pre-solve infeasibility diagnosis
 * ({@link cn.cadreflow.trainingplan.schedule.Feasibility}), the Timefold scheduler
 * ({@link cn.cadreflow.trainingplan.schedule.TimefoldScheduler}) and a greedy baseline
 * ({@link cn.cadreflow.trainingplan.schedule.GreedyScheduler}).
 * <p>
 * {@link cn.cadreflow.trainingplan.CourseCatalogue} keeps the course catalogue (table {@code training_course},
 * .xlsx import and export); {@link cn.cadreflow.trainingplan.PreferenceService} the cadres' wishes for a year's plan
 * (table {@code training_preference}). {@link cn.cadreflow.trainingplan.TrainingReports} gives HR's training report
 * (coverage of the immersive week, 学时 against the requirement by unit and rank, the staffing heat map); the cadre
 * file's section 培训达标情况 shows a cadre's 学时 against the requirement, immersive week and closed training needs.
 * See docs/trainingplan.md.
 */
@ApplicationModule(displayName = "trainingplan 沉浸式培训计划", allowedDependencies = { "cadre", "org", "security", "secondment", "trainingleave",
        "training", "annualreview", "ui", "i18n" })
package cn.cadreflow.trainingplan;

import org.springframework.modulith.ApplicationModule;
