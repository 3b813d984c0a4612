package cn.cadreflow.trainingplan.internal.ui;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cadreflow.trainingplan.PlanReview;
import cn.cadreflow.trainingplan.TrainingReport;

/**
 * The training report's coverage chart (ECharts option: per unit the cadres whose immersive week is taken, planned
 * and not yet taken, and not planned, stacked) and its workbook (a sheet each: coverage, 学时 by unit, 学时 by rank,
 * staffing headroom per unit and ISO week). Labels come from {@code words} (message key, arguments).
 */
final class ReportSheets {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportSheets() {
    }

    static String coverageChart(TrainingReport report, BiFunction<String, Object[], String> words) {
        List<TrainingReport.Coverage> lines = report.coverage();
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("title", Map.of("text", w(words, "trainingplan.report.chartTitle", report.year()),
                "textStyle", Map.of("fontSize", 14)));
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("bottom", 0));
        option.put("grid", Map.of("left", 40, "right", 20, "top", 50, "bottom", 70, "containLabel", true));
        option.put("xAxis", Map.of("type", "category", "data",
                lines.stream().map(TrainingReport.Coverage::unitName).toList()));
        option.put("yAxis", Map.of("type", "value", "minInterval", 1,
                "name", w(words, "trainingplan.report.cadresAxis")));
        option.put("series", List.of(
                bar(w(words, "trainingplan.report.col.taken"), "#1a9850",
                        lines.stream().map(TrainingReport.Coverage::taken).toList()),
                bar(w(words, "trainingplan.report.col.pending"), "#fee08b",
                        lines.stream().map(l -> l.planned() - l.taken()).toList()),
                bar(w(words, "trainingplan.report.col.unplanned"), "#d73027",
                        lines.stream().map(l -> l.cadres() - l.planned()).toList())));
        try {
            return JSON.writeValueAsString(option);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("coverage chart option", e);
        }
    }

    private static Map<String, Object> bar(String name, String color, List<Integer> data) {
        return Map.of("name", name, "type", "bar", "stack", "cadres", "itemStyle", Map.of("color", color),
                "data", data);
    }

    static byte[] xlsx(TrainingReport report, BiFunction<String, Object[], String> words,
                       BiFunction<String, Object[], String> rankName) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet coverage = book.createSheet(w(words, "trainingplan.report.sheetCoverage"));
            header(coverage, words, "trainingplan.report.col.unit", "trainingplan.report.col.cadres",
                    "trainingplan.report.col.planned", "trainingplan.report.col.taken",
                    "trainingplan.report.col.share");
            int n = 1;
            List<TrainingReport.Coverage> lines = new ArrayList<>(report.coverage());
            lines.add(report.coverageTotal());
            for (TrainingReport.Coverage c : lines) {
                Row row = coverage.createRow(n++);
                row.createCell(0).setCellValue(c.unitId() == null ? w(words, "trainingplan.report.total")
                        : c.unitName());
                row.createCell(1).setCellValue(c.cadres());
                row.createCell(2).setCellValue(c.planned());
                row.createCell(3).setCellValue(c.taken());
                row.createCell(4).setCellValue(c.sharePercent());
            }
            hours(book.createSheet(w(words, "trainingplan.report.sheetUnits")), words, "trainingplan.report.col.unit",
                    report.byUnit(), report.hoursTotal(), (label, args) -> label);
            hours(book.createSheet(w(words, "trainingplan.report.sheetRanks")), words, "trainingplan.report.col.rank",
                    report.byRank(), report.hoursTotal(), rankName);

            Sheet staffing = book.createSheet(w(words, "trainingplan.report.sheetStaffing"));
            Row head = staffing.createRow(0);
            head.createCell(0).setCellValue(w(words, "trainingplan.report.col.unit"));
            head.createCell(1).setCellValue(w(words, "trainingplan.report.col.headcount"));
            head.createCell(2).setCellValue(w(words, "trainingplan.report.col.minimum"));
            for (int week = 1; week <= report.weeks(); week++) {
                head.createCell(2 + week).setCellValue(w(words, "trainingplan.report.col.week", week));
            }
            n = 1;
            for (PlanReview.UnitWeeks unit : report.staffing()) {
                Row row = staffing.createRow(n++);
                row.createCell(0).setCellValue(unit.name());
                row.createCell(1).setCellValue(unit.headcount());
                row.createCell(2).setCellValue(unit.minimumOnDuty());
                for (int week = 0; week < unit.headroom().length; week++) {
                    row.createCell(3 + week).setCellValue(unit.headroom()[week]);
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void hours(Sheet sheet, BiFunction<String, Object[], String> words, String firstKey,
                              List<TrainingReport.Hours> lines, TrainingReport.Hours total,
                              BiFunction<String, Object[], String> label) {
        header(sheet, words, firstKey, "trainingplan.report.col.cadres", "trainingplan.report.col.met",
                "trainingplan.report.col.notMet", "trainingplan.report.col.average");
        int n = 1;
        List<TrainingReport.Hours> all = new ArrayList<>(lines);
        all.add(total);
        for (TrainingReport.Hours h : all) {
            Row row = sheet.createRow(n++);
            row.createCell(0).setCellValue(h.label() == null ? w(words, "trainingplan.report.total")
                    : label.apply(h.label(), new Object[0]));
            row.createCell(1).setCellValue(h.cadres());
            row.createCell(2).setCellValue(h.met());
            row.createCell(3).setCellValue(h.notMet());
            row.createCell(4).setCellValue(h.averageHours().doubleValue());
        }
    }

    private static void header(Sheet sheet, BiFunction<String, Object[], String> words, String... keys) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < keys.length; i++) {
            row.createCell(i).setCellValue(w(words, keys[i]));
        }
    }

    private static String w(BiFunction<String, Object[], String> words, String key, Object... args) {
        return words.apply(key, args);
    }
}
