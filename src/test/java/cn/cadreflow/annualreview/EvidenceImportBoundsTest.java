package cn.cadreflow.annualreview;

import static cn.cadreflow.annualreview.XlsxFiles.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.annualreview.internal.EvidenceImportService;
import cn.cadreflow.annualreview.internal.EvidenceService;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;

/**
 * An evidence import cannot make a small file expand in memory: only the columns its header names are read,
 * and a file with too many lines, over the size limit, or whose parts expand like a zip bomb is refused with a
 * clear message and writes nothing (year 2052, no other test's).
 */
@CadreFlowTest
class EvidenceImportBoundsTest {

    static final int YEAR = 2016; // evidence only: 2016 holds no reviews and no other evidence
    static final String HEADER = row(1, "A", "干部编号", "B", "指标编码", "C", "数值", "XFD", "备注");

    @Autowired
    EvidenceImportService imports;
    @Autowired
    EvidenceService evidence;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserService users;

    UserContext officer() {
        return users.context("wangfang").orElseThrow();
    }

    long cadre(String username) {
        return users.find(username).orElseThrow().cadreId();
    }

    int evidenceRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM digital_evidence", Integer.class);
    }

    AppraisalException refused(String file, byte[] content) {
        int before = evidenceRows();
        Throwable e = org.assertj.core.api.Assertions.catchThrowable(
                () -> imports.importFile(file, content, YEAR, officer()));
        assertThat(e).isInstanceOf(AppraisalException.class);
        assertThat(evidenceRows()).as("nothing imported").isEqualTo(before);
        return (AppraisalException) e;
    }

    static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    @Test
    void aSheetWithCellsInItsLastColumnAndRowImportsOnlyWhatItsHeaderNames() throws IOException {
        long zhangwei = cadre("zhangwei");
        StringBuilder rows = new StringBuilder(HEADER)
                .append(row(2, "A", zhangwei, "B", "PLATFORM_USAGE", "C", 150))
                .append(row(3, "A", zhangwei, "B", "NEW_MEDIA_OUTREACH", "C", 4, "XFD", "一条备注"));
        for (int r = 4; r < 5000; r++) {
            rows.append(row(r, "XFD", 1));
        }
        rows.append(row(1048576, "XFD", 1));
        byte[] file = XlsxFiles.sheet("A1:XFD1048576", rows.toString());
        assertThat(file.length).as("a small file").isLessThan(64 * 1024);

        imports.importFile("warm-up.xlsx", XlsxFiles.sheet("A1:C2", HEADER + row(2, "A", zhangwei, "B",
                "PLATFORM_USAGE", "C", 150)), YEAR, officer());
        int before = evidenceRows();
        long start = allocatedBytes();
        assertThat(imports.importFile("wide.xlsx", file, YEAR, officer())).isEqualTo(2);
        long allocated = allocatedBytes() - start;

        assertThat(evidenceRows() - before).isEqualTo(1); // PLATFORM_USAGE replaced the warm-up's figure
        assertThat(evidence.mine(users.context("zhangwei").orElseThrow(), YEAR)).extracting(Evidence::indicatorCode)
                .contains("PLATFORM_USAGE", "NEW_MEDIA_OUTREACH");
        // 5,000 rows by 16,384 columns would be 82 million cells; reading only the named columns takes a few MB
        assertThat(allocated).as("bytes allocated while importing").isLessThan(64L * 1024 * 1024);
    }

    @Test
    void aFileWithMoreLinesThanAllowedIsRefused() throws IOException {
        long zhangwei = cadre("zhangwei");
        byte[] far = XlsxFiles.sheet("A1:XFD1048576", HEADER
                + row(2, "A", zhangwei, "B", "PLATFORM_USAGE", "C", 150)
                + row(1048576, "A", zhangwei, "B", "PLATFORM_USAGE", "C", 1));
        AppraisalException e = refused("far.xlsx", far);
        assertThat(e.key()).isEqualTo("appraisal.error.importTooManyRows");
        assertThat(e.args()).containsExactly(20_000);

        StringBuilder csv = new StringBuilder("干部编号,指标编码,数值\n");
        for (int i = 0; i <= 20_000; i++) {
            csv.append(zhangwei).append(",PLATFORM_USAGE,").append(i % 200).append('\n');
        }
        assertThat(refused("long.csv", csv.toString().getBytes(StandardCharsets.UTF_8)).key())
                .isEqualTo("appraisal.error.importTooManyRows");
    }

    @Test
    void aFileOverTheSizeLimitIsRefused() {
        String file = "干部编号,指标编码,数值\n" + cadre("zhangwei") + ",PLATFORM_USAGE,150\n" + "\n".repeat(5 * 1024 * 1024);
        AppraisalException e = refused("big.csv", file.getBytes(StandardCharsets.UTF_8));
        assertThat(e.key()).isEqualTo("appraisal.error.importTooBig");
        assertThat(e.args()).containsExactly(5.0);
    }

    @Test
    void aZipBombIsRefused() throws IOException {
        // 50 MB of blanks inside the sheet compress to about 50 KB
        byte[] bomb = XlsxFiles.xlsx(sheet -> {
            sheet.write((XlsxFiles.HEAD + "<sheetData>" + HEADER).getBytes(StandardCharsets.UTF_8));
            byte[] blanks = new byte[1024 * 1024];
            java.util.Arrays.fill(blanks, (byte) ' ');
            for (int i = 0; i < 50; i++) {
                sheet.write(blanks);
            }
            sheet.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
        });
        assertThat(bomb.length).isLessThan(1024 * 1024);
        assertThat(refused("bomb.xlsx", bomb).key()).isEqualTo("appraisal.error.importBomb");
    }

    @Test
    void aPartExpandingPastTheLimitIsRefusedEvenAtAnOrdinaryRatio() throws IOException {
        // 80 MB of blanks with a letter every 100 bytes: compresses about 40-fold, not a suspicious ratio
        Random random = new Random(13);
        byte[] big = XlsxFiles.xlsx(sheet -> {
            sheet.write((XlsxFiles.HEAD + "<sheetData>" + HEADER + "</sheetData><!--").getBytes(StandardCharsets.UTF_8));
            byte[] chunk = new byte[1024 * 1024];
            for (int i = 0; i < 80; i++) {
                java.util.Arrays.fill(chunk, (byte) ' ');
                for (int at = 0; at < chunk.length; at += 100) {
                    chunk[at] = (byte) ('a' + random.nextInt(26));
                }
                sheet.write(chunk);
            }
            sheet.write("--></worksheet>".getBytes(StandardCharsets.UTF_8));
        });
        assertThat(big.length).as("within the 5 MB upload limit").isLessThan(5 * 1024 * 1024);
        assertThat(refused("big.xlsx", big).key()).isEqualTo("appraisal.error.importBomb");
    }
}
