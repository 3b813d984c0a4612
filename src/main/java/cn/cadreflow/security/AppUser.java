package cn.cadreflow.security;

/** A user account as other modules see it: never with its password hash, which stays inside security. */
public record AppUser(Long id, String username, String displayName, Long cadreId, String email, boolean enabled) {
}
