package cn.cadreflow.annualreview.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import cn.cadreflow.annualreview.Evidence;

/** Evidence a cadre enters, its files, and the queue HR verifies. */
@Mapper
interface EvidenceFileMapper {

    void insertEntered(EnteredRow row);

    void insertFile(@Param("evidenceId") long evidenceId, @Param("fileName") String fileName,
                    @Param("contentType") String contentType, @Param("content") byte[] content,
                    @Param("size") long size, @Param("at") Instant at);

    List<FileInfo> files(@Param("cadreId") long cadreId, @Param("year") int year);

    StoredFile file(@Param("id") long id);

    /** Entered evidence of the cadres that nobody has verified yet, oldest first. */
    List<Pending> pending(@Param("cadreIds") Collection<Long> cadreIds);

    Long cadreOfEvidence(@Param("evidenceId") long evidenceId);

    final class EnteredRow {
        public Long id;
        public long cadreId;
        public int year;
        public String indicatorCode;
        public BigDecimal value;
        public String note;
        public String createdBy;
        public Instant createdAt;
    }

    record FileInfo(Long id, Long evidenceId, String fileName) {
    }

    record StoredFile(Long id, Long evidenceId, Long cadreId, String fileName, String contentType, byte[] content) {
    }

    /** Entered evidence not yet verified. */
    record Pending(Long id, Long cadreId, int evidenceYear, String indicatorCode, BigDecimal evidenceValue,
                   String note, Instant createdAt) {
    }
}
