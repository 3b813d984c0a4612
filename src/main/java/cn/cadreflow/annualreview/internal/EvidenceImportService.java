package cn.cadreflow.annualreview.internal;

import java.math.BigDecimal;
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

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cadreflow.annualreview.AppraisalException;
import cn.cadreflow.annualreview.AppraisalSettings;
import cn.cadreflow.annualreview.DigitalIndicator;
import cn.cadreflow.annualreview.Evidence;
import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.security.UserContext;

/**
 * Digital-capability evidence (数字化能力佐证): imported for many cadres at once from a .csv (UTF-8) or .xlsx
 * file, or entered one by one and verified by an HR officer.
 *
 * <p>Columns (by header, in any order): 干部编号 (the cadre's id), 指标编码 (indicator code), 数值 (value), and
 * optionally 姓名 (checked against the cadre) and 说明 (note); other columns are not read, and the file's size
 * and lines are bounded ({@link EvidenceFileReader}). Every bad row is reported with its line number and reason;
 * when any row is bad nothing is imported. An import replaces the earlier imported figures of the
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
    private final EvidenceFileReader files;

    public EvidenceImportService(AppraisalMapper mapper, AppraisalSettings settings, CadreService cadres,
                                 Clock clock, EvidenceImportLimits limits) {
        this.mapper = mapper;
        this.settings = settings;
        this.cadres = cadres;
        this.clock = clock;
        this.files = new EvidenceFileReader(Set.of(COL_CADRE, COL_NAME, COL_INDICATOR, COL_VALUE, COL_NOTE),
                limits.maxBytes(), limits.maxRows());
    }

    /**
     * Imports a file's rows as verified evidence of {@code year}; returns the number of rows imported. Only cadres
     * in the officer's HR scope can be named: any other id reads as unknown, and no message shows a stored name.
     */
    @Transactional
    public int importFile(String fileName, byte[] content, int year, UserContext hr) {
        AppraisalYears.check(year, LocalDate.now(clock));
        String username = hr.username();
        List<List<String>> table = files.read(fileName, content);
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
        Map<Long, Cadre> known = new HashMap<>(cadres.findAll(table.subList(1, table.size()).stream()
                .map(row -> wholeNumber(cell(row, columns.get(COL_CADRE)))).filter(Objects::nonNull).toList()));
        known.values().removeIf(c -> !hr.hrUnitIds().contains(c.unitId()));
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
                    errors.add(AppraisalException.RowError.of(line, "appraisal.error.rowName", line, name, cadreText));
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

    /** The rules for one entered figure: a known indicator and a value of zero or more. */
    void check(String indicatorCode, BigDecimal value) {
        if (settings.indicators().stream().noneMatch(i -> i.code().equals(indicatorCode))) {
            throw new AppraisalException("appraisal.error.unknownIndicator", indicatorCode);
        }
        if (value == null || value.signum() < 0) {
            throw new AppraisalException("appraisal.error.valueNegative");
        }
    }

    /** Marks the evidence verified; {@link EvidenceService#verify} checks the officer's scope first. */
    void markVerified(long evidenceId, String username) {
        mapper.verifyEvidence(evidenceId, username, clock.instant());
    }

    /** The cadre's evidence of the year; {@link EvidenceService} reads it for the cadre or an officer in scope. */
    List<Evidence> evidence(long cadreId, int year) {
        return mapper.evidence(cadreId, year);
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
