package cn.cadreflow.cadre;

import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface CadreMapper {

    Cadre findById(@Param("id") long id);

    List<Cadre> findByUnits(@Param("unitIds") Collection<Long> unitIds,
                            @Param("nameFilter") String nameFilter,
                            @Param("offset") int offset, @Param("limit") int limit);

    int countByUnits(@Param("unitIds") Collection<Long> unitIds, @Param("nameFilter") String nameFilter);

    List<PostHistoryEntry> postHistory(@Param("cadreId") long cadreId);

    void insert(CadreRow row);

    void insertPostHistory(@Param("cadreId") long cadreId, @Param("unitId") long unitId,
                           @Param("postName") String postName,
                           @Param("startDate") java.time.LocalDate startDate,
                           @Param("endDate") java.time.LocalDate endDate);

    /** Mutable row used for inserts, so the generated id comes back. */
    final class CadreRow {
        public Long id;
        public String name;
        public String gender;
        public java.time.LocalDate birthDate;
        public String ethnicity;
        public java.time.LocalDate partyDate;
        public java.time.LocalDate workStartDate;
        public String education;
        public String rankCode;
        public Long unitId;
        public Long postId;
        public String status = "ACTIVE";
    }
}
