package cn.cadreflow.cadre;

import java.time.LocalDate;

/**
 * A cadre's basic record (干部基本信息). Codes (gender, education, rank, political status, status) are translated in
 * the UI. {@code postSince} is 任现职时间, the start of the open post-history line in the cadre's unit (null when
 * the history has none).
 */
public record Cadre(Long id, String name, String gender, LocalDate birthDate, String ethnicity,
                   LocalDate partyDate, LocalDate workStartDate, String education, String rankCode,
                   Long unitId, Long postId, String status, String politicalStatus, LocalDate postSince) {
}
