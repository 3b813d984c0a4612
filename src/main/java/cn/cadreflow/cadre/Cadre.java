package cn.cadreflow.cadre;

import java.time.LocalDate;

/** A cadre's basic record (干部基本信息). Codes (gender, education, rank, status) are translated in the UI. */
public record Cadre(Long id, String name, String gender, LocalDate birthDate, String ethnicity,
                   LocalDate partyDate, LocalDate workStartDate, String education, String rankCode,
                   Long unitId, Long postId, String status) {
}
