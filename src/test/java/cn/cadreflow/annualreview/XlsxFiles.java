package cn.cadreflow.annualreview;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Hand-made .xlsx files: one sheet whose XML the test writes as it likes (inline strings, far cells, a sheet
 * dimension, parts that expand far beyond their compressed size), in the smallest package Excel and POI open.
 */
public final class XlsxFiles {

    /** Writes the sheet part; it may write as much as it likes, the package is compressed as it goes. */
    @FunctionalInterface
    public interface SheetWriter {
        void write(OutputStream sheet) throws IOException;
    }

    static final String HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">";

    private XlsxFiles() {
    }

    /** A sheet of the given {@code <sheetData>} content, with the given dimension (e.g. A1:XFD1048576). */
    public static byte[] sheet(String dimension, String sheetData) throws IOException {
        return xlsx(out -> out.write((HEAD + "<dimension ref=\"" + dimension + "\"/><sheetData>" + sheetData
                + "</sheetData></worksheet>").getBytes(StandardCharsets.UTF_8)));
    }

    /** One row of inline-string and number cells: {@code row(2, "A", "干部编号", "C", 150)}. */
    public static String row(int number, Object... columnsAndValues) {
        StringBuilder row = new StringBuilder("<row r=\"").append(number).append("\">");
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            String ref = columnsAndValues[i] + String.valueOf(number);
            Object value = columnsAndValues[i + 1];
            if (value instanceof Number n) {
                row.append("<c r=\"").append(ref).append("\"><v>").append(n).append("</v></c>");
            } else {
                row.append("<c r=\"").append(ref).append("\" t=\"inlineStr\"><is><t>").append(value)
                        .append("</t></is></c>");
            }
        }
        return row.append("</row>").toString();
    }

    public static byte[] xlsx(SheetWriter sheet) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            entry(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                    + "</Types>");
            entry(zip, "_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                    + "</Relationships>");
            entry(zip, "xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
                    + " xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
                    + "<sheets><sheet name=\"佐证\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            entry(zip, "xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + "</Relationships>");
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            sheet.write(zip);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
