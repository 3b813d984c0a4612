/**
 * 容错认定结果, the outcomes of fault-tolerance reviews (免责 / 从轻减轻 / 不予容错), recorded by the HR officer over
 * the cadre's unit, shown in the cadre file, and consulted by the annual review: a tolerated matter is shown to
 * everyone who rates the cadre that year, and no grade below the suggested one is accepted while it stands.
 * Owns the table {@code tolerance_outcome}. API: {@link cn.cadreflow.tolerance.ToleranceService}. View:
 * {@code tolerance} (容错认定登记). The 容错纠错 process itself is still to come.
 */
@ApplicationModule(displayName = "tolerance 容错认定",
        allowedDependencies = { "cadre", "org", "security", "workflow", "ui", "i18n" })
package cn.cadreflow.tolerance;

import org.springframework.modulith.ApplicationModule;
