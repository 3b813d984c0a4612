package cn.cadreflow.org;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface OrgMapper {

    List<OrgUnit> findAllUnits();

    OrgUnit findUnit(@Param("id") long id);

    Post findPost(@Param("id") long id);

    int countUnits();

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
