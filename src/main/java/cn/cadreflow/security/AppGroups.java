package cn.cadreflow.security;

/**
 * Names of the groups that processes address. A role is a group of its own name; scoped roles give
 * one group per unit: {@code leader-<unitId>} holds that unit's leaders, {@code hr-<unitId>} every HR
 * officer whose scope covers the unit, {@code discipline-<unitId>} every discipline officer (纪检监察) whose scope
 * covers it, {@code orghead-<unitId>} the heads of the organisation department (组织部长) whose scope covers it.
 */
public final class AppGroups {
    private static final String LEADER = "leader-";
    private static final String HR = "hr-";
    private static final String DISCIPLINE = "discipline-";
    private static final String ORG_HEAD = "orghead-";

    private AppGroups() {
    }

    public static String unitLeaders(long unitId) {
        return LEADER + unitId;
    }

    public static String hrOfficers(long unitId) {
        return HR + unitId;
    }

    public static String disciplineOfficers(long unitId) {
        return DISCIPLINE + unitId;
    }

    public static String orgHeads(long unitId) {
        return ORG_HEAD + unitId;
    }

    /** The unit a scoped group belongs to, or null for a role group or an unknown name. */
    public static Long unitOf(String groupId) {
        String number = groupId.startsWith(LEADER) ? groupId.substring(LEADER.length())
                : groupId.startsWith(HR) ? groupId.substring(HR.length())
                : groupId.startsWith(DISCIPLINE) ? groupId.substring(DISCIPLINE.length())
                : groupId.startsWith(ORG_HEAD) ? groupId.substring(ORG_HEAD.length()) : null;
        if (number == null || number.isEmpty() || !number.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.valueOf(number);
    }

    public static String roleOf(String groupId) {
        return groupId.startsWith(LEADER) ? AppRoles.UNIT_LEADER
                : groupId.startsWith(HR) ? AppRoles.HR_OFFICER
                : groupId.startsWith(DISCIPLINE) ? AppRoles.DISCIPLINE
                : groupId.startsWith(ORG_HEAD) ? AppRoles.ORG_HEAD : groupId;
    }
}
