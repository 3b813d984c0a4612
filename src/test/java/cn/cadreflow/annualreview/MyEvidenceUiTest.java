package cn.cadreflow.annualreview;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.upload.Upload;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.annualreview.internal.EvidenceService;
import cn.cadreflow.ui.KaribuSupport;

/**
 * A cadre records digital-capability evidence with a proof file; it counts only after an HR officer over the
 * cadre's unit verifies it, and nobody else can read the file or verify it.
 */
@CadreFlowTest
class MyEvidenceUiTest extends KaribuSupport {

    @Autowired
    EvidenceService evidence;
    @Autowired
    AnnualReviews appraisal;
    @Autowired
    JdbcTemplate jdbc;

    int year = LocalDate.now().getYear();

    long zhangwei() {
        return users.find("zhangwei").orElseThrow().cadreId();
    }

    BigDecimal outreach() {
        return appraisal.indicatorScores(zhangwei(), year).get("NEW_MEDIA_OUTREACH").value();
    }

    @Test
    void recordedEvidenceCountsOnlyOnceVerified() {
        BigDecimal before = outreach();
        login("zhangwei");
        navigate("appraisal/my-evidence");
        _setValue(_get(Select.class, spec -> spec.withId("evidence-indicator")), "NEW_MEDIA_OUTREACH");
        _setValue(_get(BigDecimalField.class, spec -> spec.withId("evidence-value")), new BigDecimal("3"));
        _setValue(_get(TextArea.class, spec -> spec.withId("evidence-note")), "“青山发布”政务号直播三场，覆盖群众两万人次");
        byte[] pdf = "%PDF-1.4 直播截图".getBytes(StandardCharsets.UTF_8);
        UploadKt._upload(_get(Upload.class, spec -> spec.withId("evidence-upload")), "../直播截图.pdf",
                "application/pdf", pdf);
        _click(_get(Button.class, spec -> spec.withId("evidence-save")));
        assertThat(notificationTexts()).contains("佐证已登记，待组织部核实");
        Grid<Evidence> mine = _get(Grid.class, spec -> spec.withId("my-evidence"));
        String row = GridKt._getFormattedRow(mine, GridKt._size(mine) - 1).toString();
        assertThat(row).contains("新媒体政策宣传与舆情收集", "3", "待核实");
        assertThat(outreach()).as("not counted before verification").isEqualByComparingTo(before);

        // a file that is not what its name says is refused, and nothing is recorded
        int rows = GridKt._size(mine);
        _setValue(_get(Select.class, spec -> spec.withId("evidence-indicator")), "NEW_MEDIA_OUTREACH");
        _setValue(_get(BigDecimalField.class, spec -> spec.withId("evidence-value")), new BigDecimal("1"));
        UploadKt._upload(_get(Upload.class, spec -> spec.withId("evidence-upload")), "fake.pdf", "application/pdf",
                "MZ".getBytes(StandardCharsets.UTF_8));
        _click(_get(Button.class, spec -> spec.withId("evidence-save")));
        assertThat(notificationTexts()).contains("文件内容与扩展名不符，已拒绝上传。");
        assertThat(GridKt._size(mine)).isEqualTo(rows);

        long id = jdbc.queryForObject("SELECT MAX(id) FROM digital_evidence WHERE cadre_id = ? AND source = 'ENTERED'",
                Long.class, zhangwei());
        long fileId = jdbc.queryForObject("SELECT id FROM digital_evidence_file WHERE evidence_id = ?", Long.class, id);
        assertThat(jdbc.queryForObject("SELECT file_name FROM digital_evidence_file WHERE id = ?", String.class,
                fileId)).as("the path is stripped").isEqualTo("直播截图.pdf");

        // HR of another county neither sees nor verifies it, nor reads its file; another cadre cannot read it
        login("sunli");
        assertThat(evidence.pending(users.current())).extracting(EvidenceService.PendingEvidence::id).doesNotContain(id);
        assertThat(refusal(() -> evidence.verify(id, users.current()))).isEqualTo("appraisal.error.evidenceNotInScope");
        assertThat(refusal(() -> evidence.file(fileId, users.current())))
                .isEqualTo("appraisal.error.evidenceNotInScope");
        login("chenjing");
        assertThat(refusal(() -> evidence.file(fileId, users.current())))
                .isEqualTo("appraisal.error.evidenceNotInScope");

        login("wangfang");
        navigate("appraisal/evidence-review");
        Grid<EvidenceService.PendingEvidence> pending = _get(Grid.class, spec -> spec.withId("pending-evidence"));
        assertThat(GridKt._findAll(pending)).extracting(EvidenceService.PendingEvidence::id).contains(id);
        assertThat(evidence.file(fileId, users.current()).content()).isEqualTo(pdf);
        int pendingRow = GridKt._findAll(pending).stream().map(EvidenceService.PendingEvidence::id).toList().indexOf(id);
        _click((Button) GridKt._getCellComponent(pending, pendingRow, "verify"));
        assertThat(GridKt._findAll(pending)).extracting(EvidenceService.PendingEvidence::id).doesNotContain(id);
        assertThat(outreach()).as("counted once verified").isEqualByComparingTo(before.add(new BigDecimal("3")));

        login("zhangwei");
        navigate("appraisal/my-evidence");
        Grid<Evidence> after = _get(Grid.class, spec -> spec.withId("my-evidence"));
        assertThat(List.of(GridKt._getFormattedRow(after, GridKt._size(after) - 1).toString()).get(0))
                .contains("已核实");
    }

    static String refusal(Runnable action) {
        try {
            action.run();
            return null;
        } catch (AppraisalException e) {
            return e.key();
        }
    }
}
