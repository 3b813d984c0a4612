package cn.cadreflow.tolerance.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import cn.cadreflow.tolerance.ToleranceOutcome;

@Mapper
public interface ToleranceMapper {

    void insert(OutcomeRow row);

    OutcomeRecord outcome(@Param("id") long id);

    List<OutcomeRecord> ofCadre(@Param("cadreId") long cadreId);

    /** The newest decisions first, at most {@code limit}. */
    List<OutcomeRecord> ofCadres(@Param("cadreIds") Collection<Long> cadreIds, @Param("limit") int limit);

    /** EXEMPT, MITIGATED and CLEARED outcomes whose matter happened, or that were decided, in [from, to). */
    List<OutcomeRecord> tolerated(@Param("cadreId") long cadreId, @Param("from") LocalDate from,
                                  @Param("to") LocalDate to);

    /** A tolerance_outcome row as stored; whose it is (names, unit) comes from the cadre and org modules. */
    record OutcomeRecord(Long id, Long cadreId, String matter, LocalDate matterDate, ToleranceOutcome.Outcome outcome,
                         LocalDate decisionDate, String decisionNo, String recordedBy, LocalDateTime recordedAt,
                         ToleranceOutcome.Source source, Long caseId) {
    }

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
        public ToleranceOutcome.Source source = ToleranceOutcome.Source.PAPER;
        public Long caseId;
    }
}
