package cn.cadreflow.workflow.internal.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;

import cn.cadreflow.workflow.UserDirectory;

import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.identity.NativeUserQuery;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.TenantQuery;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.impl.GroupQueryImpl;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.TenantQueryImpl;
import org.camunda.bpm.engine.impl.UserQueryImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * The engine's view of our users and groups (read-only: they are managed in CadreFlow's own tables).
 * Directories are county- or city-sized, so queries filter in memory.
 */
class DirectoryIdentityProvider implements ReadOnlyIdentityProvider {

    private final UserDirectory directory;

    DirectoryIdentityProvider(UserDirectory directory) {
        this.directory = directory;
    }

    @Override
    public User findUserById(String userId) {
        return directory.user(userId).map(DirectoryIdentityProvider::toUser).orElse(null);
    }

    @Override
    public UserQuery createUserQuery() {
        return new DirectoryUserQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public UserQuery createUserQuery(CommandContext commandContext) {
        return new DirectoryUserQuery();
    }

    @Override
    public NativeUserQuery createNativeUserQuery() {
        throw new UnsupportedOperationException("Native user queries are not supported: users live in CadreFlow's tables");
    }

    @Override
    public boolean checkPassword(String userId, String password) {
        return directory.checkPassword(userId, password);
    }

    @Override
    public Group findGroupById(String groupId) {
        return directory.group(groupId).map(DirectoryIdentityProvider::toGroup).orElse(null);
    }

    @Override
    public GroupQuery createGroupQuery() {
        return new DirectoryGroupQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public GroupQuery createGroupQuery(CommandContext commandContext) {
        return new DirectoryGroupQuery();
    }

    @Override
    public Tenant findTenantById(String tenantId) {
        return null;
    }

    @Override
    public TenantQuery createTenantQuery() {
        return new NoTenantQuery();
    }

    @Override
    public TenantQuery createTenantQuery(CommandContext commandContext) {
        return new NoTenantQuery();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    static User toUser(UserDirectory.DirectoryUser u) {
        UserEntity user = new UserEntity(u.id());
        user.setFirstName(u.name());
        user.setLastName("");
        user.setEmail(u.email());
        return user;
    }

    static Group toGroup(UserDirectory.DirectoryGroup g) {
        GroupEntity group = new GroupEntity(g.id());
        group.setName(g.name());
        group.setType(g.type());
        return group;
    }

    private static <T> List<T> page(Stream<T> items, Page page) {
        Stream<T> s = items;
        if (page != null) {
            s = s.skip(page.getFirstResult()).limit(page.getMaxResults());
        }
        return s.toList();
    }

    private static Predicate<String> matches(String exact, String like) {
        return value -> (exact == null || exact.equals(value)) && (like == null || likeMatches(like, value));
    }

    /** SQL LIKE with % wildcards, case-insensitive, as Camunda's own queries behave. */
    private static boolean likeMatches(String pattern, String value) {
        if (value == null) {
            return false;
        }
        String regex = Arrays.stream(pattern.toLowerCase(Locale.ROOT).split("%", -1))
                .map(java.util.regex.Pattern::quote).reduce((a, b) -> a + ".*" + b).orElse("");
        return value.toLowerCase(Locale.ROOT).matches(regex);
    }

    private class DirectoryUserQuery extends UserQueryImpl {

        DirectoryUserQuery() {
        }

        DirectoryUserQuery(org.camunda.bpm.engine.impl.interceptor.CommandExecutor executor) {
            super(executor);
        }

        @Override
        public long executeCount(CommandContext commandContext) {
            return filtered().count();
        }

        @Override
        public List<User> executeList(CommandContext commandContext, Page page) {
            return page(filtered().map(DirectoryIdentityProvider::toUser), page);
        }

        private Stream<UserDirectory.DirectoryUser> filtered() {
            if (tenantId != null || procDefId != null) {
                return Stream.empty();
            }
            Stream<UserDirectory.DirectoryUser> users = groupId != null
                    ? directory.memberIds(groupId).stream().map(directory::user).flatMap(java.util.Optional::stream)
                    : directory.users().stream();
            List<String> idList = ids == null ? null : Arrays.asList(ids);
            return users
                    .filter(u -> id == null || id.equals(u.id()))
                    .filter(u -> idList == null || idList.contains(u.id()))
                    .filter(u -> matches(firstName, firstNameLike).test(u.name()))
                    .filter(u -> matches(lastName, lastNameLike).test(""))
                    .filter(u -> matches(email, emailLike).test(u.email()));
        }
    }

    private class DirectoryGroupQuery extends GroupQueryImpl {

        DirectoryGroupQuery() {
        }

        DirectoryGroupQuery(org.camunda.bpm.engine.impl.interceptor.CommandExecutor executor) {
            super(executor);
        }

        @Override
        public long executeCount(CommandContext commandContext) {
            return filtered().count();
        }

        @Override
        public List<Group> executeList(CommandContext commandContext, Page page) {
            return page(filtered().map(DirectoryIdentityProvider::toGroup), page);
        }

        private Stream<UserDirectory.DirectoryGroup> filtered() {
            if (tenantId != null || procDefId != null) {
                return Stream.empty();
            }
            Stream<UserDirectory.DirectoryGroup> groups = userId != null
                    ? directory.groupsOf(userId).stream() : directory.groups().stream();
            List<String> idList = ids == null ? null : Arrays.asList(ids);
            return groups
                    .filter(g -> id == null || id.equals(g.id()))
                    .filter(g -> idList == null || idList.contains(g.id()))
                    .filter(g -> matches(name, nameLike).test(g.name()))
                    .filter(g -> type == null || type.equals(g.type()));
        }
    }

    /** CadreFlow has no tenants. */
    private static class NoTenantQuery extends TenantQueryImpl {
        @Override
        public long executeCount(CommandContext commandContext) {
            return 0;
        }

        @Override
        public List<Tenant> executeList(CommandContext commandContext, Page page) {
            return List.of();
        }
    }
}
