package cn.cadreflow.security.internal;

import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import cn.cadreflow.security.AppUser;

@Mapper
public interface UserMapper {

    AppUser findByUsername(@Param("username") String username);

    AppUser findByCadreId(@Param("cadreId") long cadreId);

    /** The accounts of the cadres, in one query. */
    List<AppUser> findByCadreIds(@Param("cadreIds") Collection<Long> cadreIds);

    List<AppUser> findAll();

    /** Whether any account exists at all. */
    boolean anyUser();

    /** The only query that reads a password hash: signing in and the engine's password check. */
    Credentials credentials(@Param("username") String username);

    List<RoleGrant> grantsOf(@Param("userId") long userId);

    List<RoleGrant> allGrants();

    void insert(UserRow row);

    void insertGrant(@Param("userId") long userId, @Param("role") String role, @Param("unitId") Long unitId);

    /** What signing in checks. */
    record Credentials(Long id, String username, String passwordHash, boolean enabled) {
    }

    final class UserRow {
        public Long id;
        public String username;
        public String passwordHash;
        public String displayName;
        public Long cadreId;
        public String email;
    }
}
