package cn.cadreflow.trainingplan.internal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import cn.cadreflow.trainingplan.PlanReview;
import cn.cadreflow.trainingplan.TrainingReport;

/** The report's workbook and coverage chart carry the figures they are given, the totals last. */
class ReportSheetsTest {

    static final BiFunction<String, Object[], String> WORDS = (key, args) -> args.length == 0 ? key
            : key + Arrays.toString(args);

    final TrainingReport report = new TrainingReport(2027,
            List.of(new TrainingReport.Coverage(1L, "青山镇", 6, 5, 2)), new TrainingReport.Coverage(null, null, 6, 5, 2),
            List.of(new TrainingReport.Hours("青山镇", 6, 4, new BigDecimal("61.5"))),
            List.of(new TrainingReport.Hours("KEYUAN", 6, 4, new BigDecimal("61.5"))),
            new TrainingReport.Hours(null, 6, 4, new BigDecimal("61.5")), 2,
            List.of(new PlanReview.UnitWeeks(1, "青山镇", 6, 4, new int[] {1, 2}, new int[] {1, 0})));

    @Test
    void theWorkbookHasASheetPerFigure() throws IOException {
        byte[] bytes = ReportSheets.xlsx(report, WORDS, (code, args) -> "rank:" + code);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet coverage = book.getSheetAt(0);
            assertThat(coverage.getRow(1).getCell(0).getStringCellValue()).isEqualTo("青山镇");
            assertThat(coverage.getRow(1).getCell(4).getNumericCellValue()).isEqualTo(33);
            assertThat(coverage.getRow(2).getCell(0).getStringCellValue()).isEqualTo("trainingplan.report.total");
            Sheet ranks = book.getSheetAt(2);
            assertThat(ranks.getRow(1).getCell(0).getStringCellValue()).isEqualTo("rank:KEYUAN");
            assertThat(ranks.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(2);
            assertThat(ranks.getRow(1).getCell(4).getNumericCellValue()).isEqualTo(61.5);
            Sheet staffing = book.getSheetAt(3);
            assertThat(staffing.getRow(0).getCell(4).getStringCellValue()).isEqualTo("trainingplan.report.col.week[2]");
            assertThat(staffing.getRow(1).getCell(4).getNumericCellValue()).isEqualTo(0);
            assertThat(book.getSheetAt(1).getRow(1).getCell(2).getNumericCellValue())
                    .isEqualTo(4);
        }
    }

    @Test
    void theChartStacksTakenPendingAndUnplanned() {
        assertThat(ReportSheets.coverageChart(report, WORDS)).contains("\"stack\":\"cadres\"", "\"data\":[2]",
                "\"data\":[3]", "\"data\":[1]", "青山镇");
    }
}
