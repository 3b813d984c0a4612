/**
 * Cadres and their file (干部档案). Owns the tables {@code cadre} (政治面貌 added by {@code sql/V31}) and
 * {@code post_history}. API: {@link cn.cadreflow.cadre.CadreService} (cadres by id in batches, cadres of units),
 * {@link cn.cadreflow.cadre.CadreFileSection}, through which other modules add their sections to the file
 * (training ledger, annual reviews, tolerated matters), {@link cn.cadreflow.cadre.CadreFormats} (出生年月 as
 * 1990.01) and {@link cn.cadreflow.cadre.CadreException}. Views: {@code file/:cadreId}, its print page
 * {@code file/:cadreId/print}, and 干部名册 {@code directory} (HR officers over their scope: search, unit tree,
 * Excel export, in {@code internal.CadreDirectory}). No processes.
 */
@ApplicationModule(displayName = "cadre 干部档案", allowedDependencies = { "org", "security", "workflow", "ui", "i18n" })
package cn.cadreflow.cadre;

import org.springframework.modulith.ApplicationModule;
