package cn.cadreflow.annualreview;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A piece of digital-capability evidence (数字化能力佐证) for a cadre and year. */
public record Evidence(Long id, Long cadreId, int evidenceYear, String indicatorCode, BigDecimal evidenceValue,
                       String note, String source, String createdBy, LocalDateTime createdAt, String verifiedBy,
                       LocalDateTime verifiedAt) {

    public enum Source { IMPORT, ENTERED }
}
