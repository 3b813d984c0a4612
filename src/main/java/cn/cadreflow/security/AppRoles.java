package cn.cadreflow.security;

/** The five roles of CadreFlow; Spring authorities carry the {@code ROLE_} prefix. */
public final class AppRoles {
    public static final String CADRE = "CADRE";
    public static final String UNIT_LEADER = "UNIT_LEADER";
    public static final String HR_OFFICER = "HR_OFFICER";
    public static final String DISCIPLINE = "DISCIPLINE";
    public static final String ADMIN = "ADMIN";

    private AppRoles() {
    }
}
