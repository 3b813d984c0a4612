package cn.cadreflow.annualreview.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cadreflow.annualreview.AppraisalException;
import cn.cadreflow.annualreview.AppraisalSettings;
import cn.cadreflow.annualreview.DigitalIndicator;
import cn.cadreflow.annualreview.Evidence;
import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.cadre.CadreService;

/**
 * Digital-capability evidence (数字化能力佐证): imported for many cadres at once from a .csv (UTF-8) or .xlsx
 * file, or entered one by one and verified by an HR officer.
 *
 * <p>Columns (by header, in any order): 干部编号 (the cadre's id), 指标编码 (indicator code), 数值 (value), and
 * optionally 姓名 (checked against the cadre) and 说明 (note). Every bad row is reported with its line number
 * and reason; when any row is bad nothing is imported. An import replaces the earlier imported figures of the
 * same cadre, indicator and year (a platform's yearly figures are re-exported whole), in one transaction.
 */
@Service
public class EvidenceImportService {

    static final String COL_CADRE = "干部编号";
    static final String COL_NAME = "姓名";
    static final String COL_INDICATOR = "指标编码";
    static final String COL_VALUE = "数值";
    static final String COL_NOTE = "说明";
    static final int MAX_NOTE = 500;

    private final AppraisalMapper mapper;
    private final AppraisalSettings settings;
    private final CadreService cadres;
    private final Clock clock;

    public EvidenceImportService(AppraisalMapper mapper, AppraisalSettings settings, CadreService cadres,
                                 Clock clock) {
        this.mapper = mapper;
        this.settings = settings;
        this.cadres = cadres;
        this.clock = clock;
    }

    /** Imports a file's rows as verified evidence of {@code year}; returns the number of rows imported. */
    @Transactional
    public int importFile(String fileName, byte[] content, int year, String username) {
        AppraisalYears.check(year, LocalDate.now(clock));
        List<List<String>> table = read(fileName, content);
        if (table.isEmpty()) {
            throw new AppraisalException("appraisal.error.importEmpty");
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = table.get(0);
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i).strip().replace("\uFEFF", ""), i);
        }
        for (String required : List.of(COL_CADRE, COL_INDICATOR, COL_VALUE)) {
            if (!columns.containsKey(required)) {
                throw new AppraisalException("appraisal.error.importColumns", required);
            }
        }
        Set<String> indicators = settings.indicators().stream().map(DigitalIndicator::code).collect(Collectors.toSet());
        List<AppraisalException.RowError> errors = new ArrayList<>();
        List<Evidence> rows = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        LocalDateTime now = LocalDateTime.now(clock);
        // the file's cadres in one batch lookup, not one query per row
        Map<Long, Cadre> known = cadres.findAll(table.subList(1, table.size()).stream()
                .map(row -> wholeNumber(cell(row, columns.get(COL_CADRE)))).filter(Objects::nonNull).toList());
        for (int r = 1; r < table.size(); r++) {
            List<String> row = table.get(r);
            int line = r + 1;
            if (row.stream().allMatch(String::isBlank)) {
                continue;
            }
            String cadreText = cell(row, columns.get(COL_CADRE));
            String code = cell(row, columns.get(COL_INDICATOR)).toUpperCase(Locale.ROOT);
            String valueText = cell(row, columns.get(COL_VALUE));
            String note = columns.containsKey(COL_NOTE) ? cell(row, columns.get(COL_NOTE)) : "";
            String name = columns.containsKey(COL_NAME) ? cell(row, columns.get(COL_NAME)) : "";
            int before = errors.size();
            Cadre cadre = null;
            if (cadreText.isEmpty()) {
                errors.add(AppraisalException.RowError.of(line, "appraisal.error.rowMissing", line, COL_CADRE));
            } else {
                Long cadreId = wholeNumber(cadreText);
                cadre = cadreId == null ? null : known.get(cadreId);
                if (cadre == null) {
                    errors.add(AppraisalException.RowError.of(line, "appraisal.error.rowCadre", line, cadreText));
                } else if (!name.isEmpty() && !name.equals(cadre.name())) {
                    errors.add(AppraisalException.RowError.of(line, "appraisal.error.rowName", line, name, cadre.name()));
                }
            }
            if (code.isEmpty()) {
                errors.add(AppraisalException.RowError.of(line, "appraisal.error.rowMissing", line, COL_INDICATOR));
            } else if (!indicators.contains(code)) {
                errors.add(AppraisalException.RowError.of(line, "appraisal.error.rowIndicator", line, code));
            }
            BigDecimal value = null;
            if (valueText.isEmpty()) {
                errors.add(AppraisalException.RowError.of(line, "appraisal.error.rowMissing", line, COL_VALUE));
            } else {
                try {
                    value = new BigDecimal(valueText.replace(",", ""));
                    if (value.signum() < 0) {
                        errors.add(AppraisalException.RowError.of(line, "appraisal.error.rowNegative", line));
                    } else if (value.compareTo(new BigDecimal("99999999.99")) > 0 || value.scale() > 2) {
                        errors.add(AppraisalException.RowError.of(line, "appraisal.error.rowNumber", line, valueText));
                    }
                } catch (NumberFormatException e) {
                    errors.add(AppraisalException.RowError.of(line, "appraisal.error.rowNumber", line, valueText));
                }
            }
            if (note.length() > MAX_NOTE) {
                errors.add(AppraisalException.RowError.of(line, "appraisal.error.rowNoteTooLong", line));
            }
            if (cadre != null && indicators.contains(code)) {
                Integer first = seen.putIfAbsent(cadre.id() + "/" + code, line);
                if (first != null) {
                    errors.add(AppraisalException.RowError.of(line, "appraisal.error.rowDuplicate", line, first));
                }
            }
            if (errors.size() == before) {
                rows.add(new Evidence(null, cadre.id(), year, code, value, note.isEmpty() ? null : note,
                        Evidence.Source.IMPORT.name(), username, now, username, now));
            }
        }
        if (!errors.isEmpty()) {
            throw new AppraisalException("appraisal.error.importFailed", errors,
                    errors.stream().map(AppraisalException.RowError::line).distinct().count());
        }
        if (rows.isEmpty()) {
            throw new AppraisalException("appraisal.error.importEmpty");
        }
        for (Evidence e : rows) {
            mapper.deleteImported(e.cadreId(), year, e.indicatorCode());
            mapper.insertEvidence(e);
        }
        return rows.size();
    }

    /** One piece of evidence entered by hand (with its attachment elsewhere); counts once an HR officer verifies it. */
    @Transactional
    public void enter(long cadreId, int year, String indicatorCode, BigDecimal value, String note, String username) {
        check(cadreId, indicatorCode, value);
        mapper.insertEvidence(new Evidence(null, cadreId, year, indicatorCode, value, note,
                Evidence.Source.ENTERED.name(), username, LocalDateTime.now(clock), null, null));
    }

    @Transactional
    /** The rules for one entered figure: a known cadre and indicator, and a value of zero or more. */
    void check(long cadreId, String indicatorCode, BigDecimal value) {
        if (cadres.find(cadreId).isEmpty()) {
            throw new AppraisalException("appraisal.error.unknownCadre", cadreId);
        }
        if (settings.indicators().stream().noneMatch(i -> i.code().equals(indicatorCode))) {
            throw new AppraisalException("appraisal.error.unknownIndicator", indicatorCode);
        }
        if (value == null || value.signum() < 0) {
            throw new AppraisalException("appraisal.error.valueNegative");
        }
    }

    public void verify(long evidenceId, String username) {
        mapper.verifyEvidence(evidenceId, username, clock.instant());
    }

    public List<Evidence> evidence(long cadreId, int year) {
        return mapper.evidence(cadreId, year);
    }

    // ------------------------------------------------------------------ reading files

    static List<List<String>> read(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (content == null || content.length == 0) {
            return List.of();
        }
        if (name.endsWith(".csv")) {
            return csv(new String(content, StandardCharsets.UTF_8));
        }
        if (name.endsWith(".xlsx")) {
            return xlsx(content);
        }
        throw new AppraisalException("appraisal.error.importFormat");
    }

    /** RFC 4180: comma-separated, fields optionally in double quotes (a doubled quote is a quote). */
    static List<List<String>> csv(String text) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    static List<List<String>> xlsx(byte[] content) {
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            List<List<String>> rows = new ArrayList<>();
            if (book.getNumberOfSheets() == 0) {
                return rows;
            }
            Sheet sheet = book.getSheetAt(0);
            DataFormatter format = new DataFormatter(Locale.ROOT);
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        Cell cell = row.getCell(c);
                        if (cell == null) {
                            cells.add("");
                        } else if (cell.getCellType() == CellType.NUMERIC) {
                            cells.add(BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString());
                        } else {
                            cells.add(format.formatCellValue(cell));
                        }
                    }
                }
                rows.add(cells);
            }
            // trailing empty rows do not count
            while (!rows.isEmpty() && rows.get(rows.size() - 1).stream().allMatch(String::isBlank)) {
                rows.remove(rows.size() - 1);
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            if (e instanceof AppraisalException a) {
                throw a;
            }
            throw new AppraisalException("appraisal.error.importUnreadable", String.valueOf(e.getMessage()));
        }
    }

    private static String cell(List<String> row, int index) {
        return index < row.size() && row.get(index) != null ? row.get(index).strip() : "";
    }

    private static Long wholeNumber(String text) {
        try {
            BigDecimal d = new BigDecimal(text);
            return d.stripTrailingZeros().scale() <= 0 ? d.longValueExact() : null;
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }
}
