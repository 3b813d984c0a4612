package cn.cadreflow.cadre;

import java.time.LocalDate;

public record PostHistoryEntry(Long id, Long cadreId, Long unitId, String unitName, String postName,
                               LocalDate startDate, LocalDate endDate) {
}
