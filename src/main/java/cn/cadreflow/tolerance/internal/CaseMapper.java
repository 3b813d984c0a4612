package cn.cadreflow.tolerance.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import cn.cadreflow.tolerance.ToleranceCase;

/** The table tolerance_case: one row per 容错纠错 case, filled step by step. */
@Mapper
public interface CaseMapper {

    void insert(NewCase row);

    ToleranceCase find(@Param("id") long id);

    /** The cases of these cadres, newest first. */
    List<ToleranceCase> ofCadres(@Param("cadreIds") Collection<Long> cadreIds);

    /** The cases whose unit (the cadre's when the case was opened) is one of these, newest first. */
    List<ToleranceCase> ofUnits(@Param("unitIds") Collection<Long> unitIds);

    /** The case of this process instance, or null. */
    ToleranceCase ofInstance(@Param("processInstanceId") String processInstanceId);

    /** The cases of these cadres opened from {@code from} (inclusive) to {@code until} (exclusive). */
    List<ToleranceCase> openedBetween(@Param("cadreIds") Collection<Long> cadreIds, @Param("from") LocalDateTime from,
                                      @Param("until") LocalDateTime until);

    void attachProcess(@Param("id") long id, @Param("processInstanceId") String processInstanceId);

    void status(@Param("id") long id, @Param("status") ToleranceCase.Status status, @Param("at") Instant at);

    void accept(@Param("id") long id, @Param("accepted") boolean accepted, @Param("by") String by,
                @Param("reason") String reason, @Param("investigator") String investigator, @Param("at") Instant at);

    /** 改派调查人员: the case's investigator is now {@code investigator}. */
    void investigator(@Param("id") long id, @Param("investigator") String investigator, @Param("at") Instant at);

    void declined(@Param("id") long id, @Param("by") String by, @Param("at") Instant at);

    void declineAppeal(@Param("id") long id, @Param("reason") String reason, @Param("at") Instant at);

    void statement(@Param("id") long id, @Param("statement") String statement, @Param("refused") boolean refused,
                   @Param("at") Instant at);

    void findings(@Param("id") long id, @Param("f") Findings findings, @Param("at") Instant at);

    void proposal(@Param("id") long id, @Param("outcome") String outcome, @Param("reason") String reason,
                  @Param("at") Instant at);

    void decision(@Param("id") long id, @Param("outcome") String outcome, @Param("decisionNo") String decisionNo,
                  @Param("decisionDate") LocalDate decisionDate, @Param("differReason") String differReason,
                  @Param("by") String by, @Param("at") Instant at);

    void appeal(@Param("id") long id, @Param("reason") String reason, @Param("at") Instant at);

    void appealDecided(@Param("id") long id, @Param("officer") String officer, @Param("outcome") String outcome,
                       @Param("opinion") String opinion, @Param("at") Instant at);

    void outcomeRecorded(@Param("id") long id, @Param("outcomeId") long outcomeId, @Param("at") Instant at);

    void plan(@Param("id") long id, @Param("owner") String owner, @Param("measures") String measures,
              @Param("deadline") LocalDate deadline, @Param("at") Instant at);

    void verified(@Param("id") long id, @Param("by") String by, @Param("note") String note,
                  @Param("verifiedAt") Instant verifiedAt, @Param("at") Instant at);

    void closed(@Param("id") long id, @Param("at") Instant at);

    final class NewCase {
        public Long id;
        public long cadreId;
        public long unitId;
        public ToleranceCase.Kind kind;
        public ToleranceCase.Category category;
        public String openedBy;
        public String matter;
        public LocalDate matterDate;
        public String decisionTaken;
        public String loss;
        public String mitigation;
        public Instant at;
    }

    /** What 调查核实 found: the text and YES / NO per criterion. */
    record Findings(String findings, String investigator, String founded, String pioneering, String notForbidden,
                    String forDevelopment, String collective, String legalReview, String lossLimited,
                    String privateGain, String collusion) {
    }
}
