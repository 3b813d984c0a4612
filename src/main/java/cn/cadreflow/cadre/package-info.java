/**
 * Cadres and their file (干部档案). Owns the tables {@code cadre} and {@code post_history}. API:
 * {@link cn.cadreflow.cadre.CadreService} (cadres by id in batches, cadres of units) and
 * {@link cn.cadreflow.cadre.CadreFileSection}, through which other modules add their sections to the file
 * (training ledger, annual reviews, tolerated matters). View: {@code file/:cadreId}. No processes.
 */
@ApplicationModule(displayName = "cadre 干部档案", allowedDependencies = { "org", "security", "workflow", "ui", "i18n" })
package cn.cadreflow.cadre;

import org.springframework.modulith.ApplicationModule;
