package cn.cadreflow.security;

/**
 * The six roles of CadreFlow; Spring authorities carry the {@code ROLE_} prefix. {@link #ORG_HEAD} is the head of the
 * organisation department (组织部长) over a unit and every unit below it: overdue matters escalate to them.
 */
public final class AppRoles {
    public static final String CADRE = "CADRE";
    public static final String UNIT_LEADER = "UNIT_LEADER";
    public static final String HR_OFFICER = "HR_OFFICER";
    public static final String DISCIPLINE = "DISCIPLINE";
    public static final String ORG_HEAD = "ORG_HEAD";
    public static final String ADMIN = "ADMIN";

    private AppRoles() {
    }
}
