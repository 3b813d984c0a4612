package cn.cadreflow.annualreview.internal;

import static cn.cadreflow.annualreview.XlsxFiles.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.cadreflow.annualreview.AppraisalException;
import cn.cadreflow.annualreview.XlsxFiles;

/** Reading import files into lines of the known columns, without Spring. */
class EvidenceFileReaderTest {

    static final Set<String> KNOWN = Set.of("干部编号", "姓名", "指标编码", "数值", "说明");

    final EvidenceFileReader reader = new EvidenceFileReader(KNOWN, 1024 * 1024, 5);

    List<List<String>> csv(String text) {
        return reader.read("figures.csv", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aCsvKeepsTheKnownColumnsInTheHeadersOrderByLine() {
        assertThat(csv("\uFEFF备注,数值,干部编号,数值\r\n"
                + "\"a,b\",\"1,2\",7,9\r\n"
                + "\r\n"
                + ",,,\n"
                + "x,3,\"8\"\"\",\n"))
                .containsExactly(List.of("数值", "干部编号"), List.of("1,2", "7"), List.of(), List.of(),
                        List.of("3", "8\""));
        assertThat(csv("")).isEmpty();
        assertThat(csv("\n\n")).isEmpty();
        assertThat(csv("编号,指标\n1,2\n")).containsExactly(List.of());
    }

    @Test
    void anXlsxCellReadsAsItShows() throws IOException {
        String sheet = row(1, "A", "干部编号", "B", "数值", "C", "说明", "D", "指标编码")
                + "<row r=\"2\"><c r=\"A2\"><v>12.0</v></c><c r=\"B2\"><v>1.65E1</v></c>"
                + "<c r=\"C2\" t=\"inlineStr\"><is><r><t>交通</t></r><r><t>信号</t></r><rPh><t>こう</t></rPh></is></c>"
                + "<c r=\"D2\" t=\"b\"><v>1</v></c></row>"
                + "<row r=\"5\"><c r=\"A5\"><f>A2*2</f><v>24</v></c><c r=\"B5\" t=\"str\"><v>abc</v></c></row>";
        assertThat(reader.read("f.xlsx", XlsxFiles.sheet("A1:D5", sheet))).containsExactly(
                List.of("干部编号", "数值", "说明", "指标编码"),
                List.of("12", "16.5", "交通信号", "TRUE"),
                List.of(), List.of(),
                List.of("24", "abc", "", ""));
    }

    @Test
    void aLongCellIsCut() {
        List<List<String>> table = csv("说明\n" + "长".repeat(5000) + "\n");
        assertThat(table.get(1).get(0)).hasSize(EvidenceFileReader.MAX_CELL_CHARS);
    }

    @Test
    void moreDataLinesThanAllowedAreRefusedBlankOnesAreNot() {
        assertThat(csv("干部编号\n1\n2\n3\n4\n5\n\n\n\n")).hasSize(6);
        AppraisalException e = catchThrowableOfType(() -> csv("干部编号\n1\n2\n3\n4\n5\n6\n"),
                AppraisalException.class);
        assertThat(e.key()).isEqualTo("appraisal.error.importTooManyRows");
        assertThat(e.args()).containsExactly(5);
    }

    @Test
    void otherFormatsAndBrokenWorkbooksAreRefused() {
        byte[] text = "not a workbook".getBytes(StandardCharsets.UTF_8);
        assertThat(catchThrowableOfType(() -> reader.read("f.xls", text), AppraisalException.class).key())
                .isEqualTo("appraisal.error.importFormat");
        assertThat(catchThrowableOfType(() -> reader.read("f.xlsx", text), AppraisalException.class).key())
                .isEqualTo("appraisal.error.importUnreadable");
        assertThat(catchThrowableOfType(() -> reader.read("f.csv", new byte[1024 * 1024 + 1]),
                AppraisalException.class).key()).isEqualTo("appraisal.error.importTooBig");
    }
}
