package cn.cadreflow.tolerance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface ToleranceMapper {

    void insert(OutcomeRow row);

    ToleranceOutcome outcome(@Param("id") long id);

    List<ToleranceOutcome> ofCadre(@Param("cadreId") long cadreId);

    List<ToleranceOutcome> inUnits(@Param("unitIds") Collection<Long> unitIds, @Param("limit") int limit);

    /** EXEMPT and MITIGATED outcomes whose matter happened, or that were decided, in [from, to). */
    List<ToleranceOutcome> tolerated(@Param("cadreId") long cadreId, @Param("from") LocalDate from,
                                     @Param("to") LocalDate to);

    final class OutcomeRow {
        public Long id;
        public Long cadreId;
        public String matter;
        public LocalDate matterDate;
        public ToleranceOutcome.Outcome outcome;
        public LocalDate decisionDate;
        public String decisionNo;
        public String recordedBy;
        public Instant recordedAt;
    }
}
