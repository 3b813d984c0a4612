package cn.cadreflow.modelling;

import java.time.LocalDateTime;

import cn.cadreflow.workflow.ModelVersion;

/**
 * A saved draft of a model made in the browser (a process, a form or a decision table): one version of a key,
 * not deployed. {@code processKey} is the key of whichever kind it is.
 */
public record ModelDraft(long id, String processKey, String name, String savedBy, LocalDateTime savedAt,
                         ModelVersion.Kind kind) {
}
