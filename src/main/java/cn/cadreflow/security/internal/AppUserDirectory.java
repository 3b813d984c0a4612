package cn.cadreflow.security.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import cn.cadreflow.org.OrgService;
import cn.cadreflow.org.OrgUnit;
import cn.cadreflow.security.AppGroups;
import cn.cadreflow.security.AppRoles;
import cn.cadreflow.security.AppUser;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;
import cn.cadreflow.workflow.UserDirectory;

/** Our users and role grants, as the workflow engine sees them. */
@Component
class AppUserDirectory implements UserDirectory {

    private static final List<String> ROLES = List.of(
            AppRoles.CADRE, AppRoles.UNIT_LEADER, AppRoles.HR_OFFICER, AppRoles.DISCIPLINE, AppRoles.ORG_HEAD,
            AppRoles.ADMIN);

    private final UserMapper users;
    private final UserService userService;
    private final OrgService org;
    private final PasswordEncoder passwordEncoder;

    AppUserDirectory(UserMapper users, UserService userService, OrgService org, PasswordEncoder passwordEncoder) {
        this.users = users;
        this.userService = userService;
        this.org = org;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    public Optional<DirectoryUser> user(String userId) {
        return userService.find(userId).map(AppUserDirectory::toDirectoryUser);
    }

    @Override
    public List<DirectoryUser> users() {
        return users.findAll().stream().map(AppUserDirectory::toDirectoryUser).toList();
    }

    @Override
    public Optional<DirectoryGroup> group(String groupId) {
        if (ROLES.contains(groupId)) {
            return Optional.of(new DirectoryGroup(groupId, groupId, groupId, null));
        }
        Long unitId = AppGroups.unitOf(groupId);
        if (unitId == null) {
            return Optional.empty();
        }
        return org.unit(unitId).map(u -> new DirectoryGroup(groupId, u.name(), AppGroups.roleOf(groupId), unitId));
    }

    @Override
    public List<DirectoryGroup> groups() {
        List<DirectoryGroup> result = new ArrayList<>();
        ROLES.forEach(r -> result.add(new DirectoryGroup(r, r, r, null)));
        for (OrgUnit unit : org.tree().units()) {
            result.add(new DirectoryGroup(AppGroups.unitLeaders(unit.id()), unit.name(), AppRoles.UNIT_LEADER, unit.id()));
            result.add(new DirectoryGroup(AppGroups.hrOfficers(unit.id()), unit.name(), AppRoles.HR_OFFICER, unit.id()));
            result.add(new DirectoryGroup(AppGroups.disciplineOfficers(unit.id()), unit.name(), AppRoles.DISCIPLINE,
                    unit.id()));
            result.add(new DirectoryGroup(AppGroups.orgHeads(unit.id()), unit.name(), AppRoles.ORG_HEAD, unit.id()));
        }
        return result;
    }

    @Override
    public List<DirectoryGroup> groupsOf(String userId) {
        return userService.context(userId).map(this::groupsOf).orElse(List.of());
    }

    List<DirectoryGroup> groupsOf(UserContext user) {
        OrgService.OrgTree tree = org.tree();
        List<DirectoryGroup> result = new ArrayList<>();
        user.roles().forEach(r -> result.add(new DirectoryGroup(r, r, r, null)));
        for (Long unitId : user.ledUnitIds()) {
            result.add(new DirectoryGroup(AppGroups.unitLeaders(unitId), unitName(tree, unitId), AppRoles.UNIT_LEADER,
                    unitId));
        }
        for (Long unitId : user.hrUnitIds()) {
            result.add(new DirectoryGroup(AppGroups.hrOfficers(unitId), unitName(tree, unitId), AppRoles.HR_OFFICER,
                    unitId));
        }
        // a discipline officer's and an organisation department head's scope, like an HR officer's: the granted units
        // and every unit below them
        List<RoleGrant> grants = users.grantsOf(user.userId());
        for (Long unitId : tree.subtreeIds(roots(grants, AppRoles.DISCIPLINE))) {
            result.add(new DirectoryGroup(AppGroups.disciplineOfficers(unitId), unitName(tree, unitId),
                    AppRoles.DISCIPLINE, unitId));
        }
        for (Long unitId : tree.subtreeIds(roots(grants, AppRoles.ORG_HEAD))) {
            result.add(new DirectoryGroup(AppGroups.orgHeads(unitId), unitName(tree, unitId), AppRoles.ORG_HEAD,
                    unitId));
        }
        return result;
    }

    private static List<Long> roots(List<RoleGrant> grants, String role) {
        return grants.stream().filter(g -> role.equals(g.role()) && g.unitId() != null).map(RoleGrant::unitId)
                .toList();
    }

    @Override
    public List<String> memberIds(String groupId) {
        Map<Long, String> usernames = users.findAll().stream()
                .collect(Collectors.toMap(AppUser::id, AppUser::username));
        List<RoleGrant> grants = users.allGrants();
        Long unitId = AppGroups.unitOf(groupId);
        String role = AppGroups.roleOf(groupId);
        Set<Long> members;
        if (unitId == null) {
            members = grants.stream().filter(g -> g.role().equals(role)).map(RoleGrant::userId)
                    .collect(Collectors.toSet());
        } else if (role.equals(AppRoles.UNIT_LEADER)) {
            members = grants.stream().filter(g -> g.role().equals(role) && unitId.equals(g.unitId()))
                    .map(RoleGrant::userId).collect(Collectors.toSet());
        } else {
            OrgService.OrgTree tree = org.tree();
            members = grants.stream().filter(g -> g.role().equals(role) && g.unitId() != null
                            && tree.subtreeIds(List.of(g.unitId())).contains(unitId))
                    .map(RoleGrant::userId).collect(Collectors.toSet());
        }
        return members.stream().map(usernames::get).sorted().toList();
    }

    @Override
    public boolean checkPassword(String userId, String password) {
        UserMapper.Credentials user = users.credentials(userId);
        return user != null && user.enabled() && password != null
                && passwordEncoder.matches(password, user.passwordHash());
    }

    @Override
    public List<Long> unitAndBelow(long unitId) {
        return List.copyOf(org.tree().subtreeIds(List.of(unitId)));
    }

    private static String unitName(OrgService.OrgTree tree, long unitId) {
        return tree.unit(unitId).map(OrgUnit::name).orElse(String.valueOf(unitId));
    }

    private static DirectoryUser toDirectoryUser(AppUser u) {
        return new DirectoryUser(u.username(), u.displayName(), u.email());
    }
}
