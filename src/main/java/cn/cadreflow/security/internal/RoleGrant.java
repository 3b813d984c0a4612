package cn.cadreflow.security.internal;

/** A role held by a user, scoped to a unit for UNIT_LEADER and HR_OFFICER. */
public record RoleGrant(Long userId, String role, Long unitId) {
}
