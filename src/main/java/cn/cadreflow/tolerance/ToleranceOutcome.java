package cn.cadreflow.tolerance;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One 容错认定结果: the committee's outcome for one matter (事项) of a cadre, with the decision's date and document
 * number (认定文号), who recorded it and when, and whether it came from paper or from a case of the process. Cadre and unit names come along for lists.
 */
public record ToleranceOutcome(Long id, Long cadreId, String cadreName, Long unitId, String unitName, String matter,
                               LocalDate matterDate, Outcome outcome, LocalDate decisionDate, String decisionNo,
                               String recordedBy, LocalDateTime recordedAt, Source source, Long caseId) {

    /**
     * 免责, 从轻减轻, 不予容错, 澄清正名: all but 不予容错 protect the cadre in later reviews (a cleared matter was a false
     * accusation).
     */
    public enum Outcome { EXEMPT, MITIGATED, NOT_TOLERATED, CLEARED }

    /** Registered from a decision made on paper, or written by the 容错纠错 process (its case is {@code caseId}). */
    public enum Source { PAPER, PROCESS }
}
