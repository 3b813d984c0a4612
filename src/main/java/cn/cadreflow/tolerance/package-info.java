/**
 * 容错纠错, the fault-tolerance and error-correction review, and its register of outcomes (免责 / 从轻减轻 / 不予容错 /
 * 澄清正名).
 * <p>
 * Process {@code tolerance}: {@code processes/tolerance.bpmn}, the proposal {@code processes/tolerance-outcome.dmn},
 * forms {@code forms/tolerance-*.form}; its facade {@link cn.cadreflow.tolerance.ToleranceSteps}
 * ({@code toleranceSteps}, the only bean the diagram calls) and step ids {@link cn.cadreflow.tolerance.ToleranceStep};
 * the handler {@code internal.ToleranceHandler} (checks in {@code CaseChecks}, step facts in {@code CaseFacts}). The
 * case is confidential ({@code cf.confidential}) and about the cadre concerned ({@code cadreUser}, 回避).
 * <p>
 * Owns the tables {@code tolerance_case} and {@code tolerance_outcome}: the register the process writes to and where
 * HR still registers decisions made on paper ({@code source} PAPER). Read by the cadre file (for the cadre, HR over
 * the unit and admin only), by every task about the cadre ({@code internal.ProtectedMatters}) and by the annual
 * review: a protected matter is shown to everyone who rates the cadre that year, and no grade below the suggested one
 * is accepted while it stands. API: {@link cn.cadreflow.tolerance.ToleranceService},
 * {@link cn.cadreflow.tolerance.ToleranceCases}. Views: {@code tolerance} (容错认定登记), {@code tolerance/open} (the
 * start page, the cadre picked: {@code start/tolerance} leads there) and {@code tolerance/lead} (登记问责线索),
 * {@code tolerance/report} (容错纠错统计), {@code tolerance/notice/:caseId}
 * (the written notice to print), {@code tolerance/cases} and {@code tolerance/case/:caseId} (the case read-only, and
 * 改派调查人员 for HR over the unit; {@code internal.Investigators}). See docs/tolerance.md.
 */
@ApplicationModule(displayName = "tolerance 容错认定",
        allowedDependencies = { "cadre", "org", "security", "workflow", "ui", "i18n" })
package cn.cadreflow.tolerance;

import org.springframework.modulith.ApplicationModule;
