package cn.cadreflow.annualreview.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How much one evidence import may hold ({@code cadreflow.evidence-import.*}).
 *
 * @param maxSize the largest file ({@code 5MB}; a plain number is bytes)
 * @param maxRows the most data lines after the header (a city's cadres times the indicators fit easily)
 */
@ConfigurationProperties("cadreflow.evidence-import")
public record EvidenceImportLimits(DataSize maxSize, Integer maxRows) {

    public EvidenceImportLimits {
        maxSize = maxSize == null ? DataSize.ofMegabytes(5) : maxSize;
        maxRows = maxRows == null ? 20_000 : maxRows;
    }

    /** The largest file, in bytes. */
    public long maxBytes() {
        return maxSize.toBytes();
    }
}
