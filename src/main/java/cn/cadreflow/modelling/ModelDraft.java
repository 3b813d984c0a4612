package cn.cadreflow.modelling;

import java.time.LocalDateTime;

/** A saved draft of a process modelled in the browser: one version of a process key, not deployed. */
public record ModelDraft(long id, String processKey, String name, String savedBy, LocalDateTime savedAt) {
}
