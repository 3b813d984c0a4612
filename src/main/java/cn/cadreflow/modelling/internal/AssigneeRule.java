package cn.cadreflow.modelling.internal;

import java.util.List;

import cn.cadreflow.security.AppRoles;

/**
 * Who a user task goes to, as the modeller's picker offers it, and the exact attribute it writes: a role (the
 * role's group), an org unit's leaders, HR officers or discipline officers ({@code leader-<id>}, {@code hr-<id>},
 * {@code discipline-<id>}), or one of the rules the start of every request fills in: the starter's unit leader
 * ({@code ${unitLeaderGroup}}), HR over the starter's unit ({@code ${hrGroup}}), the starter themself
 * ({@code ${initiator}}, for a revise step). These are the forms the shipped processes use and the deployment
 * guard accepts.
 */
public record AssigneeRule(Kind kind, String value) {

    public enum Kind { ROLE, UNIT_GROUP, STARTER_LEADER, STARTER_HR, STARTER }

    public static final List<String> ROLES = List.of(AppRoles.CADRE, AppRoles.UNIT_LEADER, AppRoles.HR_OFFICER,
            AppRoles.DISCIPLINE);

    public static AssigneeRule role(String role) {
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException(role);
        }
        return new AssigneeRule(Kind.ROLE, role);
    }

    /** A unit's group: {@code which} is leader, hr or discipline. */
    public static AssigneeRule unit(String which, long unitId) {
        if (!List.of("leader", "hr", "discipline").contains(which)) {
            throw new IllegalArgumentException(which);
        }
        return new AssigneeRule(Kind.UNIT_GROUP, which + "-" + unitId);
    }

    public static AssigneeRule of(Kind kind) {
        return new AssigneeRule(kind, null);
    }

    /** The {@code camunda:assignee} this rule writes, null for none. */
    public String assignee() {
        return kind == Kind.STARTER ? "${initiator}" : null;
    }

    /** The {@code camunda:candidateGroups} this rule writes, null for none. */
    public String candidateGroups() {
        return switch (kind) {
            case ROLE, UNIT_GROUP -> value;
            case STARTER_LEADER -> "${unitLeaderGroup}";
            case STARTER_HR -> "${hrGroup}";
            case STARTER -> null;
        };
    }

    /** The rule a task's attributes express, or null when it is none the picker offers. */
    public static AssigneeRule read(String assignee, String candidateGroups) {
        if ("${initiator}".equals(assignee) && candidateGroups.isEmpty()) {
            return of(Kind.STARTER);
        }
        if (!assignee.isEmpty()) {
            return null;
        }
        if ("${unitLeaderGroup}".equals(candidateGroups)) {
            return of(Kind.STARTER_LEADER);
        }
        if ("${hrGroup}".equals(candidateGroups)) {
            return of(Kind.STARTER_HR);
        }
        if (ROLES.contains(candidateGroups)) {
            return role(candidateGroups);
        }
        if (candidateGroups.matches("(leader|hr|discipline)-\\d{1,18}")) {
            return new AssigneeRule(Kind.UNIT_GROUP, candidateGroups);
        }
        return null;
    }
}
