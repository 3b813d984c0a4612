package cn.cadreflow.cadre.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.cadre.CadreService;

@Mapper
public interface CadreMapper {

    Cadre findById(@Param("id") long id);

    List<Cadre> findByIds(@Param("ids") Collection<Long> ids);

    List<Cadre> findByUnits(@Param("unitIds") Collection<Long> unitIds,
                            @Param("nameFilter") String nameFilter,
                            @Param("offset") int offset, @Param("limit") int limit);

    int countByUnits(@Param("unitIds") Collection<Long> unitIds, @Param("nameFilter") String nameFilter);

    /** Ids of the cadres in the units, lowest first; only the active ones when {@code activeOnly}. */
    List<Long> idsInUnits(@Param("unitIds") Collection<Long> unitIds, @Param("activeOnly") boolean activeOnly);

    List<PostHistoryRow> postHistory(@Param("cadreId") long cadreId);

    void insert(CadreRow row);

    void insertPostHistory(@Param("cadreId") long cadreId, @Param("unitId") long unitId,
                           @Param("postName") String postName, @Param("startDate") LocalDate startDate,
                           @Param("endDate") LocalDate endDate);

    /** Ends the open lines of the post; {@code endedAs} (null: unchanged) renames them at the same time. */
    void endPostHistory(@Param("cadreId") long cadreId, @Param("unitId") long unitId,
                        @Param("postName") String postName, @Param("endDate") LocalDate endDate,
                        @Param("endedAs") String endedAs);

    void moveTo(@Param("cadreId") long cadreId, @Param("unitId") long unitId, @Param("postId") long postId,
                @Param("rankCode") String rankCode);

    List<Long> activeIdsInPost(@Param("postId") long postId);

    List<CadreService.Tenure> heldSince(@Param("unitIds") Collection<Long> unitIds,
                                        @Param("since") LocalDate since);

    record PostHistoryRow(Long id, Long cadreId, Long unitId, String postName, LocalDate startDate,
                          LocalDate endDate) {
    }

    /** Mutable row used for inserts, so the generated id comes back. */
    final class CadreRow {
        public Long id;
        public String name;
        public String gender;
        public LocalDate birthDate;
        public String ethnicity;
        public LocalDate partyDate;
        public LocalDate workStartDate;
        public String education;
        public String rankCode;
        public Long unitId;
        public Long postId;
        public String status = "ACTIVE";
    }
}
