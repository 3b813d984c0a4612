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

    /** The directory's page: active cadres of the units matching the search (see {@code directoryFilter}). */
    List<Cadre> directory(@Param("unitIds") Collection<Long> unitIds, @Param("search") DirectorySearch search,
                          @Param("offset") int offset, @Param("limit") int limit);

    int countDirectory(@Param("unitIds") Collection<Long> unitIds, @Param("search") DirectorySearch search);

    /** The posts the active cadres of the units hold now. */
    List<Long> postIdsInUnits(@Param("unitIds") Collection<Long> unitIds);

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

    /**
     * A directory search: a name fragment, or a cadre of one of the matched units, holding one of the matched posts,
     * or with the matched account; null when the search is blank (every cadre of the units).
     */
    record DirectorySearch(String text, Collection<Long> unitIds, Collection<Long> postIds,
                           Collection<Long> cadreIds) {
    }

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
        public String politicalStatus;
    }
}
