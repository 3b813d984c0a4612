/**
 * The training ledger (培训台账): courses attended and hours credited, read by the cadre file, the annual review's
 * known data and the training-leave request. Owns the table {@code training_record}. API:
 * {@link cn.cadreflow.training.TrainingLedger}. Adds the ledger section to the cadre file. No processes, no views.
 */
@ApplicationModule(displayName = "training 培训台账",
        allowedDependencies = { "cadre", "org", "security", "workflow", "ui", "i18n" })
package cn.cadreflow.training;

import org.springframework.modulith.ApplicationModule;
