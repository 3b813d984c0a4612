/**
 * 挂职 / 交流 / 借调 / 下派: a cadre's secondment or rotation, with a guaranteed return path to the grassroots.
 * <p>
 * Process {@code secondment}: {@code processes/secondment.bpmn}, {@code forms/secondment-*.form}; its facade
 * {@link cn.cadreflow.secondment.SecondmentSteps} ({@code secondmentSteps}, the only bean the diagram calls) and the
 * step ids {@link cn.cadreflow.secondment.SecondmentStep}. The cadre asks (or HR asks for a cadre); the sending unit,
 * the receiving unit and HR approve; before dispatch the sending grassroots unit's minimum on-duty staffing is
 * checked for every day of the term (approved training leaves and other secondments counted, {@code StaffingRule}),
 * the term against its kind's limits ({@code TermRule}, {@link cn.cadreflow.secondment.SecondmentSettings}), and the
 * home post is reserved for the term (岗编分离). During the term: check-in reports on a timer cycle, the receiving
 * unit's mid-term evaluation, early recall by HR. Before the end HR must decide the return (home post, one extension,
 * conversion to a transfer, or back to the grassroots with promotion), reminded on a cycle; on the end date, if
 * nobody decided, the cadre returns to the home post. Every move goes to the cadre's post history.
 * <p>
 * Tables: {@code secondment}, {@code secondment_post_hold}, {@code secondment_report}, {@code secondment_lock}.
 * HR's reports ({@link cn.cadreflow.secondment.SecondmentReports}, view {@code secondments/reports}): the talent-pump
 * figure by unit and the flows between levels as a clickable Sankey diagram; the reservation shows under the post in
 * the cadre file (a {@code cadre.PostNote}).
 * <p>
 * API: {@link cn.cadreflow.secondment.SecondmentService}, {@link cn.cadreflow.secondment.SecondmentReports}. Tests: {@code SecondmentProcessTest},
 * {@code SecondmentRulesTest}, {@code SecondmentRaceIT}.
 */
@ApplicationModule(displayName = "secondment 挂职交流",
        allowedDependencies = { "cadre", "org", "security", "trainingleave", "workflow", "ui", "i18n" })
package cn.cadreflow.secondment;

import org.springframework.modulith.ApplicationModule;
