package cn.cadreflow.annualreview.internal;

import java.math.BigDecimal;

/**
 * A figure of digital-capability evidence as its column keeps it ({@code digital_evidence.evidence_value
 * DECIMAL(10, 2)}): zero or more, at most {@link #MAX}, at most {@value #SCALE} decimal places.
 */
public final class EvidenceValues {

    public static final BigDecimal MAX = new BigDecimal("99999999.99");
    public static final int SCALE = 2;

    private EvidenceValues() {
    }

    /** The message key of what is wrong with the figure, or null when it may be stored. */
    public static String problem(BigDecimal value) {
        if (value == null || value.signum() < 0) {
            return "appraisal.error.valueNegative";
        }
        if (value.compareTo(MAX) > 0) {
            return "appraisal.error.valueTooLarge";
        }
        if (value.stripTrailingZeros().scale() > SCALE) {
            return "appraisal.error.valueDecimals";
        }
        return null;
    }
}
