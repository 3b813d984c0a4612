/**
 * 培训请假, the training-leave request: a cadre asks for leave to attend a course; the unit leader and the HR
 * officer over the unit approve it (HR's 不同意 ends it; the leader's returns it to the cadre); after the course the
 * cadre reports its completion (结业报告) and, once HR confirms it, the hours attended go to the training ledger.
 * <p>
 * Process {@code trainingLeave}: {@code processes/training-leave.bpmn}, {@code forms/training-leave.form} and
 * {@code forms/training-leave-completion.form}; its facade {@link cn.cadreflow.trainingleave.TrainingLeaveSteps} ({@code trainingLeaveSteps}, the only bean the
 * diagram calls) and its step ids; the handler {@link cn.cadreflow.trainingleave.TrainingLeaveService}. Table
 * {@code training_leave_request}. Tests: {@code TrainingLeaveProcessTest}, {@code TrainingLeaveJourneyTest}.
 * Started and handled in the task centre; no views of its own. Its steps are due after working days of the
 * {@code org} module's work calendar ({@code cadreflow.training-leave.due.*}, default 3/5/7, the completion report 5 working days after the course, its
 * confirmation 5); test
 * {@code TrainingLeaveDueDatesTest}.
 */
@ApplicationModule(displayName = "trainingleave 培训请假", allowedDependencies = { "org", "training", "security", "workflow", "ui" })
package cn.cadreflow.trainingleave;

import org.springframework.modulith.ApplicationModule;
