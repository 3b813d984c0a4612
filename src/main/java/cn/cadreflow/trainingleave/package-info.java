/**
 * 培训请假, the training-leave request: a cadre asks for leave to attend a course; the unit leader and the HR
 * officer over the unit approve it (HR's 不同意 ends it; the leader's returns it to the cadre); after the course the
 * cadre reports its completion (结业报告) and, once HR confirms it, the hours attended go to the training ledger.
 * A leave of a published yearly plan runs the same process from {@link cn.cadreflow.trainingleave.PlannedLeaves}:
 * the cadre's 工作交接 (substitute and hand-over, with reminders and HR escalation), the unit leader's approval, a
 * timer on the first day, HR's attendance per day with the 1/7 rule ({@link cn.cadreflow.trainingleave.AbsenceRule},
 * 退学), the hours attended to the ledger, the cadre's 学习报告 and the leader's reading.
 * <p>
 * Process {@code trainingLeave}: {@code processes/training-leave.bpmn} and {@code forms/training-leave*.form}; its
 * facade {@link cn.cadreflow.trainingleave.TrainingLeaveSteps} ({@code trainingLeaveSteps}, the only bean the
 * diagram calls) and its step ids; the handler {@link cn.cadreflow.trainingleave.TrainingLeaveService}. Tables
 * {@code training_leave_request}, {@code training_leave_attendance}. Views 工作交接 ({@code training/handover}) and
 * 培训考勤 ({@code training/attendance}); the rest is handled in the task centre. Its steps are due after working
 * days of the {@code org} module's work calendar ({@code cadreflow.training-leave.due.*}, default 3/5/7, the
 * completion report 5 working days after the course, its confirmation 5). Tests: {@code TrainingLeaveProcessTest},
 * {@code TrainingLeaveJourneyTest}, {@code TrainingLeaveDueDatesTest}, {@code AbsenceRuleTest},
 * {@code PlannedLeaveUiTest}.
 */
@ApplicationModule(displayName = "trainingleave 培训请假",
        allowedDependencies = { "cadre", "org", "training", "security", "workflow", "ui" })
package cn.cadreflow.trainingleave;

import org.springframework.modulith.ApplicationModule;
