package cn.cadreflow.security;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface UserMapper {

    AppUser findByUsername(@Param("username") String username);

    AppUser findByCadreId(@Param("cadreId") long cadreId);

    List<AppUser> findAll();

    List<RoleGrant> grantsOf(@Param("userId") long userId);

    List<RoleGrant> allGrants();

    void insert(UserRow row);

    void insertGrant(@Param("userId") long userId, @Param("role") String role, @Param("unitId") Long unitId);

    final class UserRow {
        public Long id;
        public String username;
        public String passwordHash;
        public String displayName;
        public Long cadreId;
        public String email;
    }
}
