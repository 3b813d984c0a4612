package cn.cadreflow.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import cn.cadreflow.org.OrgService;
import cn.cadreflow.security.internal.RoleGrant;
import cn.cadreflow.security.internal.UserMapper;

/**
 * Users, their roles and scopes; also the source of Spring Security's user details. Accounts leave this module
 * as {@link AppUser}, without their password hash.
 */
@Service
public class UserService implements UserDetailsService {

    private final UserMapper users;
    private final OrgService org;
    private final PasswordEncoder passwords;

    public UserService(UserMapper users, OrgService org, PasswordEncoder passwords) {
        this.users = users;
        this.org = org;
        this.passwords = passwords;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserMapper.Credentials user = users.credentials(username);
        if (user == null) {
            throw new UsernameNotFoundException(username);
        }
        String[] roles = users.grantsOf(user.id()).stream().map(RoleGrant::role).distinct().toArray(String[]::new);
        return User.withUsername(user.username()).password(user.passwordHash()).roles(roles)
                .disabled(!user.enabled()).build();
    }

    public Optional<AppUser> find(String username) {
        return Optional.ofNullable(users.findByUsername(username));
    }

    public Optional<AppUser> findByCadre(long cadreId) {
        return Optional.ofNullable(users.findByCadreId(cadreId));
    }

    /** The accounts of these cadres (cadres without one are left out), in one query. */
    public List<AppUser> findByCadres(Collection<Long> cadreIds) {
        return cadreIds.isEmpty() ? List.of() : users.findByCadreIds(cadreIds);
    }

    /** Creates an enabled account; returns its id. */
    public long addUser(String username, String displayName, Long cadreId, String password) {
        UserMapper.UserRow row = new UserMapper.UserRow();
        row.username = username;
        row.passwordHash = passwords.encode(password);
        row.displayName = displayName;
        row.cadreId = cadreId;
        users.insert(row);
        return row.id;
    }

    /** Grants a role, scoped to a unit (null for a role that has none). */
    public void grant(long userId, String role, Long unitId) {
        users.insertGrant(userId, role, unitId);
    }

    public Optional<UserContext> context(String username) {
        return find(username).map(this::context);
    }

    /** The signed-in user; throws when nobody is signed in (views are guarded, so this is a bug). */
    public UserContext current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            throw new IllegalStateException("No signed-in user");
        }
        return context(auth.getName()).orElseThrow(() -> new IllegalStateException("Unknown user " + auth.getName()));
    }

    UserContext context(AppUser user) {
        List<RoleGrant> grants = users.grantsOf(user.id());
        Set<String> roles = grants.stream().map(RoleGrant::role).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<Long> led = unitsOf(grants, AppRoles.UNIT_LEADER);
        Set<Long> hrRoots = unitsOf(grants, AppRoles.HR_OFFICER);
        Set<Long> hrUnits = hrRoots.isEmpty() ? Set.of() : org.tree().subtreeIds(hrRoots);
        return new UserContext(user.id(), user.username(), user.displayName(), user.cadreId(), roles, led, hrUnits);
    }

    private static Set<Long> unitsOf(List<RoleGrant> grants, String role) {
        return grants.stream().filter(g -> g.role().equals(role) && g.unitId() != null)
                .map(RoleGrant::unitId).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
