package cn.cadreflow.modelling;

import java.time.LocalDateTime;

/** One change recorded by the library: who, when, what (DEPLOY, SUSPEND, RESUME, MIGRATE, RETRY, CANCEL) and on what. */
public record AuditEntry(LocalDateTime at, String actor, String action, String target, String deploymentId,
                         String detail) {
}
