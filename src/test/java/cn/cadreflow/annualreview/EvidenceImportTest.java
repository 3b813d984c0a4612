package cn.cadreflow.annualreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.annualreview.internal.EvidenceImportService;
import cn.cadreflow.annualreview.internal.EvidenceService;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;
import cn.cadreflow.workflow.ProcessStarts;

/** Evidence import from .csv and .xlsx: all or nothing, bad rows reported by line (year 2020, no other test's). */
@CadreFlowTest
class EvidenceImportTest {

    static final int YEAR = 2020;

    @Autowired
    EvidenceImportService imports;
    @Autowired
    EvidenceService evidence;
    @Autowired
    UserService users;
    @Autowired
    AnnualReviews appraisal;
    @Autowired
    ProcessStarts starts;
    @Autowired
    JdbcTemplate jdbc;

    long zhangwei;
    long chenjing;

    @BeforeEach
    void ids() {
        zhangwei = ((Number) starts.knownData("zhangwei").get("cadreId")).longValue();
        chenjing = ((Number) starts.knownData("chenjing").get("cadreId")).longValue();
    }

    UserContext user(String username) {
        return users.context(username).orElseThrow();
    }

    int evidenceRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM digital_evidence", Integer.class);
    }

    static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(Object[]... rows) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("佐证");
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof Number n) {
                        row.createCell(c).setCellValue(n.doubleValue());
                    } else {
                        row.createCell(c).setCellValue(String.valueOf(v));
                    }
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    AppraisalException refused(String file, byte[] content) {
        int before = evidenceRows();
        AppraisalException e = (AppraisalException) org.assertj.core.api.Assertions.catchThrowable(
                () -> imports.importFile(file, content, YEAR, user("wangfang")));
        assertThat(e).isNotNull();
        assertThat(evidenceRows()).as("nothing imported").isEqualTo(before);
        return e;
    }

    @Test
    void aGoodCsvIsImportedVerifiedAndScored() {
        int before = evidenceRows();
        String file = "\uFEFF干部编号,姓名,指标编码,数值,说明\r\n"
                + zhangwei + ",张伟,PLATFORM_USAGE,180,湘政通导出\r\n"
                + zhangwei + ",张伟,CITY_BRAIN_PROPOSALS,4,\"交通信号配时、积水点预警\"\r\n"
                + zhangwei + ",张伟,city_brain_quality,90,\r\n"
                + zhangwei + ",,NEW_MEDIA_OUTREACH,\"1,2\",\r\n"
                + "\r\n"
                + chenjing + ",陈静,PLATFORM_USAGE,50,\r\n";
        assertThat(imports.importFile("evidence.csv", csv(file), YEAR, user("wangfang"))).isEqualTo(5);
        assertThat(evidenceRows() - before).isEqualTo(5);
        List<Evidence> mine = evidence.mine(user("zhangwei"), YEAR);
        assertThat(mine).hasSize(4).allSatisfy(e -> {
            assertThat(e.source()).isEqualTo("IMPORT");
            assertThat(e.verifiedBy()).isEqualTo("wangfang");
        });
        assertThat(mine).filteredOn(e -> e.indicatorCode().equals("CITY_BRAIN_PROPOSALS")).singleElement()
                .extracting(Evidence::note).isEqualTo("交通信号配时、积水点预警");

        // 180/200*30 + 4/4*15 + 90/100*15 + 12/12*20 = 27 + 15 + 13.5 + 20 = 75.5 (+ training ledger, none in 2020)
        var scores = appraisal.indicatorScores(zhangwei, YEAR);
        assertThat(scores.get("PLATFORM_USAGE").achieved()).isEqualByComparingTo("90");
        assertThat(scores.values().stream().map(IndicatorScore::weighted)
                .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("75.5");

        // importing the platform's figures again replaces them, it does not add up
        imports.importFile("again.csv", csv("干部编号,指标编码,数值\n" + zhangwei + ",PLATFORM_USAGE,200\n"), YEAR, user("wangfang"));
        assertThat(appraisal.indicatorScores(zhangwei, YEAR).get("PLATFORM_USAGE").value()).isEqualByComparingTo("200");
    }

    @Test
    void aGoodXlsxIsImported() throws IOException {
        int before = evidenceRows();
        byte[] file = xlsx(new Object[] {"指标编码", "干部编号", "数值", "说明"},
                new Object[] {"DIGITAL_TRAINING_HOURS", chenjing, 16.5, "数字政府专题网络班"},
                new Object[] {"NEW_MEDIA_OUTREACH", chenjing, 3, ""});
        assertThat(imports.importFile("佐证.xlsx", file, YEAR, user("wangfang"))).isEqualTo(2);
        assertThat(evidenceRows() - before).isEqualTo(2);
        assertThat(evidence.mine(user("chenjing"), YEAR)).extracting(Evidence::indicatorCode)
                .contains("DIGITAL_TRAINING_HOURS", "NEW_MEDIA_OUTREACH");
    }

    @Test
    void badRowsAreReportedByLineAndNothingIsImported() {
        String file = "干部编号,姓名,指标编码,数值,说明\n"
                + zhangwei + ",张伟,PLATFORM_USAGE,100,\n"          // line 2: fine
                + "99999999,某某,PLATFORM_USAGE,10,\n"               // line 3: unknown cadre
                + zhangwei + ",张伟,NO_SUCH,10,\n"                   // line 4: unknown indicator
                + zhangwei + ",张伟,NEW_MEDIA_OUTREACH,十二,\n"       // line 5: bad number
                + zhangwei + ",张伟,PLATFORM_USAGE,120,\n"           // line 6: repeats line 2
                + zhangwei + ",李四,CITY_BRAIN_PROPOSALS,1,\n"       // line 7: name does not match
                + zhangwei + ",张伟,CITY_BRAIN_QUALITY,-5,\n"         // line 8: negative
                + ",,CITY_BRAIN_QUALITY,5,\n";                        // line 9: no cadre
        AppraisalException e = refused("bad.csv", csv(file));
        assertThat(e.key()).isEqualTo("appraisal.error.importFailed");
        assertThat(e.rows()).extracting(AppraisalException.RowError::line, AppraisalException.RowError::key)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, "appraisal.error.rowCadre"),
                        org.assertj.core.groups.Tuple.tuple(4, "appraisal.error.rowIndicator"),
                        org.assertj.core.groups.Tuple.tuple(5, "appraisal.error.rowNumber"),
                        org.assertj.core.groups.Tuple.tuple(6, "appraisal.error.rowDuplicate"),
                        org.assertj.core.groups.Tuple.tuple(7, "appraisal.error.rowName"),
                        org.assertj.core.groups.Tuple.tuple(8, "appraisal.error.rowNegative"),
                        org.assertj.core.groups.Tuple.tuple(9, "appraisal.error.rowMissing"));
        assertThat(e.rows().get(3).args()).containsExactly(6, 2);
        // the refusal repeats what the file said, never the stored name of the cadre behind the id
        assertThat(e.rows().get(4).args()).containsExactly(7, "李四", String.valueOf(zhangwei));
        assertThat(e.args()).containsExactly(7L);
    }

    @Test
    void anOfficerImportsOnlyForCadresInHerScopeAndLearnsNothingOfOthers() {
        // sunli is HR of 云溪县; zhangwei and chenjing are cadres of 清河县
        String file = "干部编号,姓名,指标编码,数值\n"
                + zhangwei + ",张伟,PLATFORM_USAGE,100\n"
                + chenjing + ",某某,PLATFORM_USAGE,100\n"
                + "99999999,某某,PLATFORM_USAGE,10\n";
        int before = evidenceRows();
        AppraisalException e = (AppraisalException) org.assertj.core.api.Assertions.catchThrowable(
                () -> imports.importFile("other-county.csv", csv(file), YEAR, user("sunli")));
        assertThat(evidenceRows()).as("nothing imported").isEqualTo(before);
        // a cadre out of scope, with the right or a wrong name, reads exactly as an id that does not exist
        assertThat(e.rows()).extracting(AppraisalException.RowError::line, AppraisalException.RowError::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "appraisal.error.rowCadre"),
                        org.assertj.core.groups.Tuple.tuple(3, "appraisal.error.rowCadre"),
                        org.assertj.core.groups.Tuple.tuple(4, "appraisal.error.rowCadre"));
        assertThat(e.rows().get(1).args()).containsExactly(3, String.valueOf(chenjing));
        assertThat(e.rows().stream().flatMap(r -> r.args().stream()).map(String::valueOf))
                .doesNotContain("陈静", "张伟");
    }

    @Test
    void wrongColumnsEmptyFilesAndOtherFormatsAreRefused() throws IOException {
        assertThat(refused("cols.csv", csv("编号,指标,数值\n1,PLATFORM_USAGE,3\n")).key())
                .isEqualTo("appraisal.error.importColumns");
        assertThat(refused("cols.xlsx", xlsx(new Object[] {"干部编号", "数值"}, new Object[] {zhangwei, 3})).args())
                .containsExactly("指标编码");
        assertThat(refused("empty.csv", new byte[0]).key()).isEqualTo("appraisal.error.importEmpty");
        assertThat(refused("header-only.csv", csv("干部编号,指标编码,数值,说明\n\n")).key())
                .isEqualTo("appraisal.error.importEmpty");
        assertThat(refused("empty.xlsx", xlsx()).key()).isEqualTo("appraisal.error.importEmpty");
        assertThat(refused("data.xls", csv("x")).key()).isEqualTo("appraisal.error.importFormat");
        assertThat(refused("broken.xlsx", csv("not a workbook")).key()).isEqualTo("appraisal.error.importUnreadable");
        AppraisalException bad = refused("bad.xlsx", xlsx(new Object[] {"干部编号", "指标编码", "数值"},
                new Object[] {zhangwei, "PLATFORM_USAGE", "abc"}, new Object[] {"x1", "PLATFORM_USAGE", 3}));
        assertThat(bad.rows()).extracting(AppraisalException.RowError::line).containsExactly(2, 3);
    }

    @Test
    void enteredEvidenceWaitsForVerificationByAnOfficerInScope() {
        int before = evidenceRows();
        evidence.submitOwn(user("zhangwei"), YEAR + 1, "NEW_MEDIA_OUTREACH", BigDecimal.valueOf(2), "抖音政务号直播一次",
                null, null);
        assertThat(evidenceRows() - before).isEqualTo(1);
        Evidence e = evidence.mine(user("zhangwei"), YEAR + 1).get(0);
        assertThat(e.source()).isEqualTo("ENTERED");
        assertThat(e.verifiedBy()).isNull();
        assertThatThrownBy(() -> evidence.verify(e.id(), user("sunli")))
                .extracting(x -> ((AppraisalException) x).key()).isEqualTo("appraisal.error.evidenceNotInScope");
        assertThatThrownBy(() -> evidence.verify(99999999L, user("sunli")))
                .extracting(x -> ((AppraisalException) x).key()).isEqualTo("appraisal.error.evidenceNotInScope");
        assertThat(evidence.mine(user("zhangwei"), YEAR + 1).get(0).verifiedBy()).isNull();
        evidence.verify(e.id(), user("wangfang"));
        assertThat(evidence.mine(user("zhangwei"), YEAR + 1).get(0).verifiedBy()).isEqualTo("wangfang");
        assertThatThrownBy(() -> evidence.submitOwn(user("zhangwei"), YEAR, "NOPE", BigDecimal.ONE, null, null, null))
                .extracting(x -> ((AppraisalException) x).key()).isEqualTo("appraisal.error.unknownIndicator");
    }
}
