package cn.cadreflow.secondment.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import cn.cadreflow.secondment.Secondment;
import cn.cadreflow.secondment.SecondmentKind;

/** Secondments and what they hold (secondment, secondment_post_hold, secondment_report, secondment_lock). */
@Mapper
public interface SecondmentMapper {

    Secondment find(@Param("id") long id);

    /** Secondments of cadres whose home is one of the units, with one of the statuses, by end date. */
    List<Secondment> ofHomeUnits(@Param("unitIds") Collection<Long> unitIds,
                                 @Param("statuses") Collection<Secondment.Status> statuses);

    List<Secondment> ofCadre(@Param("cadreId") long cadreId);

    /** The secondments of these cadres (a bounded batch), newest first per cadre. */
    List<Secondment> ofCadres(@Param("cadreIds") java.util.Collection<Long> cadreIds);

    /** Approved, current or ended secondments away from the unit that overlap the dates, as absences. */
    List<StaffingRule.Absence> absencesFrom(@Param("unitId") long unitId, @Param("from") LocalDate from,
                                            @Param("to") LocalDate to, @Param("excludeId") Long excludeId);

    /** The cadre's requests and secondments (not withdrawn or ended by 终止) that overlap the dates. */
    int countOverlapping(@Param("cadreId") long cadreId, @Param("from") LocalDate from, @Param("to") LocalDate to,
                         @Param("excludeId") Long excludeId);

    /** Holds on the post by other secondments that overlap the dates. */
    List<Hold> holdsOn(@Param("postId") long postId, @Param("from") LocalDate from, @Param("to") LocalDate to,
                       @Param("excludeId") Long excludeId);

    List<Hold> holdsOf(@Param("secondmentId") long secondmentId);

    void insert(Row row);

    void update(Row row);

    void updateStatus(@Param("id") long id, @Param("status") Secondment.Status status, @Param("at") Instant at);

    void attachProcess(@Param("id") long id, @Param("processInstanceId") String processInstanceId);

    void extend(@Param("id") long id, @Param("endDate") LocalDate endDate, @Param("at") Instant at);

    void finish(@Param("id") long id, @Param("outcome") Secondment.Outcome outcome, @Param("note") String note,
                @Param("returnedOn") LocalDate returnedOn, @Param("endDate") LocalDate endDate,
                @Param("newPostId") Long newPostId, @Param("at") Instant at);

    void insertHold(@Param("postId") long postId, @Param("secondmentId") long secondmentId,
                    @Param("kind") String kind, @Param("from") LocalDate from, @Param("to") LocalDate to);

    void endHolds(@Param("secondmentId") long secondmentId, @Param("to") LocalDate to);

    void deleteHolds(@Param("secondmentId") long secondmentId);

    void insertReport(@Param("secondmentId") long secondmentId, @Param("kind") String kind,
                      @Param("rating") String rating, @Param("body") String body, @Param("author") String author,
                      @Param("at") Instant at);

    List<Report> reports(@Param("secondmentId") long secondmentId);

    int countLock(@Param("key") String key);

    void insertLock(@Param("key") String key);

    /** Locks the row until the transaction ends (SELECT ... FOR UPDATE). */
    String lock(@Param("key") String key);

    /**
     * Moves between units over the dates, counted per pair of units, for secondments of cadres whose home is one of
     * the units (null: of every unit, for a scope too large to name in SQL): departures (the term began in the dates) when {@code returns} is false, returns (the cadre came back,
     * home or in a higher post, in the dates) when true.
     */
    List<UnitFlow> flowCounts(@Param("unitIds") Collection<Long> unitIds, @Param("from") LocalDate from,
                              @Param("to") LocalDate to, @Param("returns") boolean returns);

    /** The same moves one by one (departures when {@code returns} is false), newest first, at most {@code limit}. */
    List<Move> moves(@Param("unitIds") Collection<Long> unitIds, @Param("from") LocalDate from,
                     @Param("to") LocalDate to, @Param("returns") boolean returns, @Param("limit") int limit);

    /**
     * Talent-pump candidates of the home units: secondments running now, and those converted to a transfer (the
     * cadre stayed at the receiving unit for good).
     */
    List<Move> awayOrKept(@Param("unitIds") Collection<Long> unitIds);

    /**
     * The talent pump counted per pair of units (home, receiving) for the home units (null: of every unit): the
     * secondments running now ({@code away}), of them those past their planned end on {@code today}
     * ({@code beyondTerm}), and those converted to a transfer ({@code kept}).
     */
    List<PumpCount> pumpCounts(@Param("unitIds") Collection<Long> unitIds, @Param("today") LocalDate today);

    /** The talent-pump counts of one pair of units. */
    record PumpCount(Long homeUnitId, Long targetUnitId, int away, int beyondTerm, int kept) {
    }

    /** Moves from one unit to another (a return: from the receiving unit; to home, or to a new post when promoted). */
    record UnitFlow(Long fromUnitId, Long toUnitId, Long newPostId, int moves) {
    }

    /** One secondment as a move of the reports. */
    record Move(Long id, Long cadreId, SecondmentKind kind, Long homeUnitId, Long targetUnitId, Long newPostId,
                LocalDate startDate, LocalDate plannedEndDate, LocalDate returnedOn, Secondment.Status status,
                Secondment.Outcome outcome) {
    }

    /** A post held from one day to another by a secondment: HOME (kept for the cadre) or TARGET (filled by them). */
    record Hold(Long postId, Long secondmentId, String holdKind, LocalDate startDate, LocalDate endDate) {
    }

    /** A report of the term: CHECK_IN, MID_TERM, RECALL, DECISION. */
    record Report(Long id, Long secondmentId, String reportKind, String rating, String body, String author,
                  java.time.LocalDateTime createdAt) {
    }

    final class Row {
        public Long id;
        public Long cadreId;
        public SecondmentKind kind;
        public Long homeUnitId;
        public Long homePostId;
        public Long targetUnitId;
        public Long targetPostId;
        public LocalDate startDate;
        public LocalDate endDate;
        public String reason;
        public Secondment.Status status;
        public String requestedBy;
        public Instant at;
    }
}
