/**
 * Accounts, roles and sign-in. Owns the tables {@code app_user}, {@code user_role} and {@code login_throttle}; the
 * only module that ever reads a password hash ({@code internal.UserMapper#credentials}). Sign-in is throttled per
 * account and per client address ({@code internal.LoginThrottle}) and refused when posted from another site; every
 * answer carries the security headers ({@code internal.SecurityConfig}). A database without accounts gets its first
 * administrator ({@code internal.FirstAdministrator}); the embedded database's files are kept owner-only
 * ({@code internal.DataDirectory}). Roles are {@link cn.cadreflow.security.AppRoles};
 * groups scoped to a unit ({@code leader-<unit>}, {@code hr-<unit>}) are {@link cn.cadreflow.security.AppGroups}.
 * API: {@link cn.cadreflow.security.UserService} (accounts without credentials, batch lookups by cadre),
 * {@link cn.cadreflow.security.UserContext} (who acts, and over which units). Implements workflow's
 * {@code UserDirectory} (the engine's users and groups) and ui's {@code UserNames}. View: {@code login}.
 */
@ApplicationModule(displayName = "security 账号与权限", allowedDependencies = { "org", "workflow", "ui", "i18n" })
package cn.cadreflow.security;

import org.springframework.modulith.ApplicationModule;
