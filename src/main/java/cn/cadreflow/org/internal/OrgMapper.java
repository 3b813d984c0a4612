package cn.cadreflow.org.internal;

import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import cn.cadreflow.org.OrgLevel;
import cn.cadreflow.org.OrgUnit;
import cn.cadreflow.org.Post;

@Mapper
public interface OrgMapper {

    List<OrgUnit> findAllUnits();

    OrgUnit findUnit(@Param("id") long id);

    List<OrgUnit> findUnits(@Param("ids") Collection<Long> ids);

    Post findPost(@Param("id") long id);

    List<Post> findPosts(@Param("ids") Collection<Long> ids);

    List<Post> findPostsOfUnit(@Param("unitId") long unitId);

    int countUnits();

    /** Every unit's level, and nothing else of it (what reports summing per level need). */
    List<UnitLevel> findUnitLevels();

    record UnitLevel(Long id, cn.cadreflow.org.OrgLevel unitLevel) {
    }

    void insertUnit(OrgUnitRow row);

    void insertPost(PostRow row);

    /** Mutable row used for inserts, so the generated id comes back. */
    final class OrgUnitRow {
        public Long id;
        public String code;
        public String name;
        public OrgLevel unitLevel;
        public Long parentId;
        public boolean grassroots;
        public int minStaffing;
        public int sortOrder;
    }

    final class PostRow {
        public Long id;
        public Long unitId;
        public String name;
        public boolean leadingPost;
        public int sortOrder;
    }
}
