package cn.cadreflow.trainingplan.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import cn.cadreflow.trainingplan.CatalogueCourse;
import cn.cadreflow.trainingplan.CatalogueException;

/**
 * The catalogue's .xlsx format, the same for export and import: one header row with {@link #HEADER}, then one
 * course a row. Capabilities are separated by 、; 类型 is 沉浸式 or 课堂; 脱产 is 是 or 否; dates are date cells or
 * yyyy-MM-dd text. Reading reports every bad row by its line number and returns nothing then.
 */
public final class CatalogueXlsx {

    public static final List<String> HEADER = List.of("课程名称", "针对能力", "开始日期", "结束日期", "地点", "名额", "学时",
            "类型", "脱产");
    public static final String IMMERSIVE = "沉浸式";
    public static final String CLASSROOM = "课堂";
    public static final String YES = "是";
    public static final String NO = "否";
    public static final int MAX_ROWS = 1000;

    private CatalogueXlsx() {
    }

    public static byte[] write(List<CatalogueCourse> courses) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("培训课程目录");
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADER.size(); c++) {
                header.createCell(c).setCellValue(HEADER.get(c));
            }
            int r = 1;
            for (CatalogueCourse course : courses) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(course.title());
                row.createCell(1).setCellValue(String.join("、", course.capabilities()));
                row.createCell(2).setCellValue(course.startDate().toString());
                row.createCell(3).setCellValue(course.endDate().toString());
                row.createCell(4).setCellValue(course.place());
                row.createCell(5).setCellValue(course.capacity());
                row.createCell(6).setCellValue(course.hours().doubleValue());
                row.createCell(7).setCellValue(course.immersive() ? IMMERSIVE : CLASSROOM);
                row.createCell(8).setCellValue(course.fullTime() ? YES : NO);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("writing the catalogue workbook", e);
        }
    }

    /**
     * The courses of the file by their line (the header is line 1), unchecked beyond their cells' form; the problems
     * of bad cells go to problems.
     */
    public static Map<Integer, CatalogueCourse> read(byte[] file, List<CatalogueException.Problem> problems) {
        Map<Integer, CatalogueCourse> courses = new LinkedHashMap<>();
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            Sheet sheet = book.getNumberOfSheets() == 0 ? null : book.getSheetAt(0);
            if (sheet == null || !HEADER.equals(cells(sheet.getRow(0), HEADER.size()))) {
                problems.add(problem("trainingplan.import.header", String.join(",", HEADER)));
                return Map.of();
            }
            if (sheet.getLastRowNum() > MAX_ROWS) {
                problems.add(problem("trainingplan.import.tooManyRows", MAX_ROWS));
                return Map.of();
            }
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = cells(row, HEADER.size());
                if (cells.stream().allMatch(String::isEmpty)) {
                    continue;
                }
                CatalogueCourse course = course(row, cells, r + 1, problems);
                if (course != null) {
                    courses.put(r + 1, course);
                }
            }
        } catch (IOException | RuntimeException e) {
            problems.add(problem("trainingplan.import.unreadable"));
            return Map.of();
        }
        return courses;
    }

    private static CatalogueCourse course(Row row, List<String> cells, int line, List<CatalogueException.Problem> problems) {
        int before = problems.size();
        LocalDate start = date(row.getCell(2), cells.get(2), line, HEADER.get(2), problems);
        LocalDate end = date(row.getCell(3), cells.get(3), line, HEADER.get(3), problems);
        Integer capacity = null;
        BigDecimal hours = null;
        try {
            capacity = new BigDecimal(cells.get(5)).intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            problems.add(problem("trainingplan.import.number", line, HEADER.get(5)));
        }
        try {
            hours = new BigDecimal(cells.get(6));
        } catch (NumberFormatException e) {
            problems.add(problem("trainingplan.import.number", line, HEADER.get(6)));
        }
        if (!cells.get(7).equals(IMMERSIVE) && !cells.get(7).equals(CLASSROOM)) {
            problems.add(problem("trainingplan.import.kind", line, IMMERSIVE, CLASSROOM));
        }
        if (!cells.get(8).equals(YES) && !cells.get(8).equals(NO)) {
            problems.add(problem("trainingplan.import.fullTime", line, YES, NO));
        }
        if (problems.size() > before) {
            return null;
        }
        List<String> capabilities = cells.get(1).isEmpty() ? List.of()
                : Arrays.stream(cells.get(1).split("[、,，]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new CatalogueCourse(null, cells.get(0), capabilities, start, end, cells.get(4), capacity, hours,
                cells.get(7).equals(IMMERSIVE), cells.get(8).equals(YES));
    }

    private static LocalDate date(Cell cell, String text, int line, String column,
                                  List<CatalogueException.Problem> problems) {
        if (cell != null && cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate();
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problems.add(problem("trainingplan.import.date", line, column));
            return null;
        }
    }

    private static List<String> cells(Row row, int count) {
        DataFormatter format = new DataFormatter();
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            Cell cell = row == null ? null : row.getCell(c);
            cells.add(cell == null ? "" : format.formatCellValue(cell).strip());
        }
        return cells;
    }

    private static CatalogueException.Problem problem(String key, Object... args) {
        return new CatalogueException.Problem(key, List.of(args));
    }
}
