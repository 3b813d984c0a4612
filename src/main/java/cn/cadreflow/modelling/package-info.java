/**
 * The process library (流程库): administrators list every process, decision table and form with its versions,
 * deployment time, who deployed it and the running instances of each version; read and download any version;
 * upload a model, which the workflow module's deployment guard checks before anything is deployed; suspend and
 * resume a version; compare two versions; migrate a version's running instances to another (with a preview); see
 * incidents (failed jobs), retry them or cancel their instance. Only an administrator, and
 * every change is recorded.
 * <p>
 * API: {@link cn.cadreflow.modelling.LibraryService}. Inside: {@code internal.AuditMapper} and the views
 * ({@code admin/library}, {@code admin/library/version}, {@code admin/library/compare},
 * {@code admin/library/migrate}, {@code admin/incidents}), {@code internal.compare.ModelDiff}.
 * <p>
 * Tables: {@code model_audit}.
 */
@ApplicationModule(displayName = "modelling 流程库", allowedDependencies = { "workflow", "security", "org", "ui", "i18n" })
package cn.cadreflow.modelling;

import org.springframework.modulith.ApplicationModule;
