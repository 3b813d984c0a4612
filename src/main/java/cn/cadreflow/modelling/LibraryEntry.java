package cn.cadreflow.modelling;

import cn.cadreflow.workflow.ModelVersion;

/** One version in the library and who deployed it (null: deployed with the application). */
public record LibraryEntry(ModelVersion version, String deployedBy) {
}
