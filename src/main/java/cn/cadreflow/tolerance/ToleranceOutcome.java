package cn.cadreflow.tolerance;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One 容错认定结果: the committee's outcome for one matter (事项) of a cadre, with the decision's date and document
 * number (认定文号), who recorded it and when. Cadre and unit names come along for lists.
 */
public record ToleranceOutcome(Long id, Long cadreId, String cadreName, Long unitId, String unitName, String matter,
                               LocalDate matterDate, Outcome outcome, LocalDate decisionDate, String decisionNo,
                               String recordedBy, LocalDateTime recordedAt) {

    /** 免责, 从轻减轻, 不予容错: the first two are 容错 and protect the cadre in later reviews. */
    public enum Outcome { EXEMPT, MITIGATED, NOT_TOLERATED }
}
