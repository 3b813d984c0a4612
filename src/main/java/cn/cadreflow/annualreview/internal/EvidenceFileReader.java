package cn.cadreflow.annualreview.internal;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import cn.cadreflow.annualreview.AppraisalException;

/**
 * Reads an evidence import file (.csv in UTF-8, or the first sheet of an .xlsx) into lines of the header's known
 * columns, within bounds, so a small file cannot expand in memory.
 *
 * <p>Line {@code i} of the result is line {@code i + 1} of the file (the header is line 1); each holds the cells
 * of the known columns the header names, in the header's order, blank where the file has none; a line with none
 * of them is empty. Cells of other columns are never kept, whatever a sheet's dimension or last column says.
 * An .xlsx is read as a stream (POI's {@link XSSFReader} with a SAX handler), never as a workbook. Refused with a
 * message key: a file over {@code maxBytes}, a non-blank line after the first {@code maxRows} data lines, an
 * .xlsx whose parts expand beyond the zip limits (a zip bomb), an unreadable file, another format.
 */
final class EvidenceFileReader {

    /** Below this ratio of compressed to expanded size a part is taken for a zip bomb (POI's default). */
    static final double MIN_INFLATE_RATIO = 0.01;
    /**
     * The most any part of a workbook may expand to. 20,000 lines with a full note each take about 40 MB in the
     * sheet and its shared strings; the shared strings are the only part held in memory.
     */
    static final long MAX_EXPANDED_PART = 64L * 1024 * 1024;
    /** Longer cells are cut here: no known column holds anything near as long (a note has at most 500). */
    static final int MAX_CELL_CHARS = 1000;

    static {
        // POI's zip limits are JVM-wide, and this is the only code that reads workbooks. IOUtils' byte-array
        // override is left alone: it would replace POI's smaller per-record limits, not add to them.
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_EXPANDED_PART);
    }

    private final Set<String> columns;
    private final long maxBytes;
    private final int maxRows;

    /**
     * @param columns  the known column names; others are skipped
     * @param maxBytes the largest file
     * @param maxRows  the most data lines after the header
     */
    EvidenceFileReader(Set<String> columns, long maxBytes, int maxRows) {
        this.columns = Set.copyOf(columns);
        this.maxBytes = maxBytes;
        this.maxRows = maxRows;
    }

    List<List<String>> read(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (content == null || content.length == 0) {
            return List.of();
        }
        if (content.length > maxBytes) {
            throw new AppraisalException("appraisal.error.importTooBig", maxBytes / (1024.0 * 1024.0));
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
    List<List<String>> csv(String text) {
        Lines lines = new Lines();
        int start = text.startsWith("\uFEFF") ? 1 : 0;
        int row = 0;
        int col = 0;
        Cell cell = new Cell(lines.wants(row, col));
        boolean quoted = false;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append(c);
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',' || c == '\n' || c == '\r') {
                lines.cell(row, col, cell);
                if (c == ',') {
                    col++;
                } else {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    row++;
                    col = 0;
                }
                cell = new Cell(lines.wants(row, col));
            } else {
                cell.append(c);
            }
        }
        lines.cell(row, col, cell);
        return lines.table();
    }

    /** The first sheet, streamed from a private temporary copy (POI checks each part as it expands). */
    List<List<String>> xlsx(byte[] content) {
        Path file = null;
        try {
            file = Files.createTempFile("evidence-import-", ".xlsx");
            Files.write(file, content);
            try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
                XSSFReader reader = new XSSFReader(pkg);
                Iterator<InputStream> sheets = reader.getSheetsData();
                if (!sheets.hasNext()) {
                    return List.of();
                }
                Lines lines = new Lines();
                SheetHandler handler = new SheetHandler(lines, new ReadOnlySharedStringsTable(pkg, false));
                try (InputStream sheet = sheets.next()) {
                    XMLReader parser = XMLHelper.newXMLReader();
                    parser.setContentHandler(handler);
                    parser.parse(new InputSource(sheet));
                }
                return lines.table();
            }
        } catch (AppraisalException e) {
            throw e;
        } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException
                 | RuntimeException e) {
            if (bomb(e)) {
                throw new AppraisalException("appraisal.error.importBomb");
            }
            throw new AppraisalException("appraisal.error.importUnreadable", String.valueOf(e.getMessage()));
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // the temporary directory's own clean-up takes it
                }
            }
        }
    }

    /** POI refused a part for expanding too far or too much (its zip-bomb checks), or the file for its parts. */
    private static boolean bomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.startsWith("Zip bomb detected") || message.startsWith("The file appears to be potentially malicious")) {
                return true;
            }
            if (t instanceof SAXException sax && sax.getException() != null && bomb(sax.getException())) {
                return true;
            }
        }
        return false;
    }

    /** One cell's text as it is read, kept only for a wanted column and cut at {@link #MAX_CELL_CHARS}. */
    private static final class Cell {
        private final StringBuilder text;
        private boolean blank = true;

        Cell(boolean wanted) {
            text = wanted ? new StringBuilder() : null;
        }

        void append(char c) {
            blank &= Character.isWhitespace(c);
            if (text != null && text.length() < MAX_CELL_CHARS) {
                text.append(c);
            }
        }

        void append(char[] chars, int start, int length) {
            for (int i = start; i < start + length; i++) {
                append(chars[i]);
            }
        }
    }

    /**
     * The lines being read: line 0 names the columns (the first of each known name counts), later lines keep
     * those columns only. A non-blank kept cell beyond the row limit refuses the file.
     */
    private final class Lines {
        private final List<String> header = new ArrayList<>();
        private final Map<Integer, Integer> positions = new HashMap<>();
        private final List<List<String>> rows = new ArrayList<>();
        private String[] current;
        private int currentRow = -1;
        private boolean content;

        boolean wants(int row, int col) {
            return row == 0 || positions.containsKey(col);
        }

        void cell(int row, int col, Cell cell) {
            if (cell.blank) {
                return;
            }
            content = true;
            if (cell.text == null) {
                return;
            }
            put(row, col, cell.text.toString());
        }

        void put(int row, int col, String text) {
            if (text.isBlank()) {
                return;
            }
            content = true;
            if (row == 0) {
                String name = text.strip().replace("\uFEFF", "");
                if (columns.contains(name) && !header.contains(name)) {
                    positions.put(col, header.size());
                    header.add(name);
                }
                return;
            }
            Integer at = positions.get(col);
            if (at == null) {
                return;
            }
            if (row > maxRows) {
                throw new AppraisalException("appraisal.error.importTooManyRows", maxRows);
            }
            if (row != currentRow) {
                flush();
                currentRow = row;
                current = new String[header.size()];
                Arrays.fill(current, "");
            }
            current[at] = text;
        }

        private void flush() {
            if (current == null) {
                return;
            }
            while (rows.size() < currentRow - 1) {
                rows.add(List.of());
            }
            rows.add(List.of(current));
            current = null;
        }

        List<List<String>> table() {
            flush();
            if (!content) {
                return List.of();
            }
            List<List<String>> table = new ArrayList<>(rows.size() + 1);
            table.add(List.copyOf(header));
            table.addAll(rows);
            return table;
        }
    }

    /**
     * A sheet's cells as SAX events: {@code row/@r}, {@code c/@r}, {@code c/@t}, the value {@code v} or the
     * inline string {@code is} (its runs' {@code t}, phonetic runs left out). Numbers read as the workbook
     * stores them, written plainly ({@code 1.80E2} is {@code 180}); booleans as TRUE/FALSE.
     */
    private static final class SheetHandler extends DefaultHandler {
        private final Lines lines;
        private final ReadOnlySharedStringsTable strings;
        private int row = -1;
        private int col = -1;
        private String type;
        private Cell cell;
        private boolean inValue;
        private boolean inInline;
        private boolean inText;
        private boolean inPhonetic;

        SheetHandler(Lines lines, ReadOnlySharedStringsTable strings) {
            this.lines = lines;
            this.strings = strings;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "row" -> {
                    String r = attributes.getValue("r");
                    row = r == null ? row + 1 : Integer.parseInt(r) - 1;
                    col = -1;
                }
                case "c" -> {
                    String r = attributes.getValue("r");
                    col = r == null ? col + 1 : CellReference.convertColStringToIndex(r.replaceAll("\\d", ""));
                    type = attributes.getValue("t");
                    cell = new Cell(lines.wants(row, col));
                }
                case "v" -> inValue = cell != null;
                case "is" -> inInline = cell != null;
                case "t" -> inText = inInline;
                case "rPh" -> inPhonetic = true;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] chars, int start, int length) {
            if (inValue || (inText && !inPhonetic)) {
                cell.append(chars, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "v" -> inValue = false;
                case "t" -> inText = false;
                case "is" -> inInline = false;
                case "rPh" -> inPhonetic = false;
                case "c" -> {
                    if (cell != null && !cell.blank) {
                        if (cell.text == null) {
                            lines.cell(row, col, cell);
                        } else {
                            lines.put(row, col, value(cell.text.toString().strip()));
                        }
                    }
                    cell = null;
                }
                default -> {
                }
            }
        }

        private String value(String raw) {
            if (type == null || "n".equals(type)) {
                try {
                    return BigDecimal.valueOf(Double.parseDouble(raw)).stripTrailingZeros().toPlainString();
                } catch (NumberFormatException e) {
                    return raw;
                }
            }
            return switch (type) {
                case "s" -> strings.getItemAt(Integer.parseInt(raw)).getString();
                case "b" -> "1".equals(raw) ? "TRUE" : "FALSE";
                default -> raw;
            };
        }
    }
}
