package cn.cadreflow.security;

import java.util.Set;

/**
 * Who is acting: the user, their roles, the unit they lead (if any) and every unit in their HR scope
 * (the scope roots and all units below them).
 */
public record UserContext(long userId, String username, String displayName, Long cadreId, Set<String> roles,
                          Set<Long> ledUnitIds, Set<Long> hrUnitIds) {

    public boolean has(String role) {
        return roles.contains(role);
    }
}
