package cn.cadreflow.tolerance.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.org.OrgUnit;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.tolerance.ToleranceCase;
import cn.cadreflow.tolerance.ToleranceException;

/**
 * 容错纠错统计 for an HR officer: the cases of the cadres in the officer's scope (the confidentiality rule of
 * {@code ToleranceService.mayRead}: HR over the cadre's unit) opened in a period, as a {@link CaseReport}, its chart
 * (an ECharts option, labels in the reader's language) and its Excel workbook. Nobody else's cases are ever read.
 */
@Service
public class CaseReports {

    /** A report spans at most ten years. */
    static final int MAX_YEARS = 10;
    /** Cadre ids per query, well under what either database takes in an IN list. */
    private static final int CHUNK = 1000;

    private final CaseMapper mapper;
    private final CadreService cadres;
    private final OrgService org;
    private final MessageSource messages;
    private final ObjectMapper json = new ObjectMapper();

    CaseReports(CaseMapper mapper, CadreService cadres, OrgService org, MessageSource messages) {
        this.mapper = mapper;
        this.cadres = cadres;
        this.org = org;
        this.messages = messages;
    }

    /** The report of the cases opened from {@code from} to {@code to} (both days included); a bad period is refused. */
    public CaseReport report(UserContext hr, LocalDate from, LocalDate to) {
        if (hr.hrUnitIds().isEmpty()) {
            throw new ToleranceException("tolerance.error.notHrOfficer");
        }
        List<ToleranceException.Problem> problems = new ArrayList<>();
        if (from == null) {
            problems.add(ToleranceException.Problem.of("from", "tolerance.report.error.fromRequired"));
        }
        if (to == null) {
            problems.add(ToleranceException.Problem.of("to", "tolerance.report.error.toRequired"));
        }
        if (from != null && to != null && to.isBefore(from)) {
            problems.add(ToleranceException.Problem.of("to", "tolerance.report.error.toBeforeFrom"));
        } else if (from != null && to != null && to.isAfter(from.plusYears(MAX_YEARS))) {
            problems.add(ToleranceException.Problem.of("to", "tolerance.report.error.tooLong", MAX_YEARS));
        }
        if (!problems.isEmpty()) {
            throw new ToleranceException(problems);
        }
        List<Long> inScope = cadres.idsInUnits(hr.hrUnitIds());
        List<ToleranceCase> cases = new ArrayList<>();
        for (int i = 0; i < inScope.size(); i += CHUNK) {
            cases.addAll(mapper.openedBetween(inScope.subList(i, Math.min(inScope.size(), i + CHUNK)),
                    from.atStartOfDay(), to.plusDays(1).atStartOfDay()));
        }
        Map<Long, Cadre> people = cadres.findAll(cases.stream().map(ToleranceCase::cadreId).distinct().toList());
        Map<Long, OrgUnit> units = org.units(cases.stream().map(ToleranceCase::unitId).distinct().toList());
        return CaseReport.of(from, to, cases,
                u -> units.containsKey(u) ? units.get(u).name() : String.valueOf(u),
                c -> people.containsKey(c) ? people.get(c).name() : "");
    }

    /** The chart: per unit, one bar stacked by result; whole numbers only. */
    public String chart(CaseReport report, Locale locale) {
        return bars(text("tolerance.report.chartTitle", locale, report.from().toString(), report.to().toString()),
                report.units().stream().map(CaseReport.Line::unitName).toList(), report.units(), locale);
    }

    /** The chart by category of matter (事项类别): one bar per category with cases, stacked by result. */
    public String categoryChart(CaseReport report, Locale locale) {
        return bars(text("tolerance.report.categoryChartTitle", locale, report.from().toString(),
                report.to().toString()), report.categories().keySet().stream()
                .map(k -> category(k, locale)).toList(), List.copyOf(report.categories().values()), locale);
    }

    private String bars(String title, List<String> names, List<CaseReport.Line> lines, Locale locale) {
        List<Map<String, Object>> series = new ArrayList<>();
        for (CaseReport.Result r : CaseReport.Result.values()) {
            series.add(Map.of("name", result(r, locale), "type", "bar", "stack", "cases",
                    "data", lines.stream().map(l -> l.count(r)).toList()));
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("title", Map.of("text", title, "textStyle", Map.of("fontSize", 14)));
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("bottom", 0));
        option.put("grid", Map.of("left", 40, "right", 20, "top", 50, "bottom", 70, "containLabel", true));
        option.put("xAxis", Map.of("type", "category", "data", names));
        option.put("yAxis", Map.of("type", "value", "minInterval", 1,
                "name", text("tolerance.report.casesAxis", locale)));
        option.put("series", series);
        try {
            return json.writeValueAsString(option);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("writing the chart option", e);
        }
    }

    /**
     * The workbook: a sheet of the figures per unit and their total, the same per category of matter, and a sheet
     * listing the cases.
     */
    public byte[] xlsx(CaseReport report, Locale locale) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet byUnit = book.createSheet(text("tolerance.report.sheetUnits", locale));
            List<String> head = new ArrayList<>(List.of(text("tolerance.report.col.unit", locale),
                    text("tolerance.report.col.cases", locale)));
            for (CaseReport.Result r : CaseReport.Result.values()) {
                head.add(result(r, locale));
            }
            head.addAll(List.of(text("tolerance.report.col.applications", locale),
                    text("tolerance.report.col.leads", locale), text("tolerance.report.col.decided", locale),
                    text("tolerance.report.col.averageDays", locale),
                    text("tolerance.report.col.longestDays", locale)));
            header(byUnit, head);
            int n = 1;
            for (CaseReport.Line line : report.units()) {
                unitRow(byUnit.createRow(n++), line.unitName(), line);
            }
            unitRow(byUnit.createRow(n), text("tolerance.report.total", locale), report.total());

            Sheet byCategory = book.createSheet(text("tolerance.report.sheetCategories", locale));
            List<String> categoryHead = new ArrayList<>(head);
            categoryHead.set(0, text("tolerance.category", locale));
            header(byCategory, categoryHead);
            n = 1;
            for (Map.Entry<ToleranceCase.Category, CaseReport.Line> e : report.categories().entrySet()) {
                unitRow(byCategory.createRow(n++), category(e.getKey(), locale), e.getValue());
            }
            unitRow(byCategory.createRow(n), text("tolerance.report.total", locale), report.total());

            Sheet list = book.createSheet(text("tolerance.report.sheetCases", locale));
            header(list, List.of(text("tolerance.report.col.caseNo", locale),
                    text("tolerance.report.col.cadre", locale),
                    text("tolerance.report.col.unit", locale), text("tolerance.report.col.kind", locale),
                    text("tolerance.category", locale), text("tolerance.report.col.opened", locale),
                    text("tolerance.report.col.result", locale),
                    text("tolerance.report.col.decidedOn", locale), text("tolerance.report.col.days", locale)));
            n = 1;
            for (CaseReport.Row r : report.rows()) {
                Row row = list.createRow(n++);
                row.createCell(0).setCellValue("RC-" + r.caseId());
                row.createCell(1).setCellValue(r.cadreName());
                row.createCell(2).setCellValue(r.unitName());
                row.createCell(3).setCellValue(text("tolerance.case.kind." + r.kind().name(), locale));
                row.createCell(4).setCellValue(category(r.category(), locale));
                row.createCell(5).setCellValue(r.openedOn().toString());
                row.createCell(6).setCellValue(result(r.result(), locale));
                row.createCell(7).setCellValue(r.decidedOn() == null ? "" : r.decidedOn().toString());
                if (r.days() != null) {
                    row.createCell(8).setCellValue(r.days());
                }
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void header(Sheet sheet, List<String> names) {
        Row row = sheet.createRow(0);
        for (int i = 0; i < names.size(); i++) {
            row.createCell(i).setCellValue(names.get(i));
        }
    }

    private static void unitRow(Row row, String name, CaseReport.Line line) {
        int c = 0;
        row.createCell(c++).setCellValue(name);
        row.createCell(c++).setCellValue(line.cases());
        for (CaseReport.Result r : CaseReport.Result.values()) {
            row.createCell(c++).setCellValue(line.count(r));
        }
        row.createCell(c++).setCellValue(line.applications());
        row.createCell(c++).setCellValue(line.leads());
        row.createCell(c++).setCellValue(line.decided());
        if (line.averageDays() != null) {
            row.createCell(c).setCellValue(line.averageDays());
            row.createCell(c + 1).setCellValue(line.longestDays());
        }
    }

    /** A category of matter (事项类别) in the reader's language. */
    public String category(ToleranceCase.Category c, Locale locale) {
        return text("tolerance.category." + c.name(), locale);
    }

    /** A result in the reader's language. */
    public String result(CaseReport.Result r, Locale locale) {
        return text("tolerance.report.result." + r.name(), locale);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
