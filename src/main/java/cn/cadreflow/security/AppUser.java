package cn.cadreflow.security;

public record AppUser(Long id, String username, String passwordHash, String displayName, Long cadreId,
                      String email, boolean enabled) {
}
