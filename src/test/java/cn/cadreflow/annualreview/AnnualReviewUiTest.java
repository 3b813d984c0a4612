package cn.cadreflow.annualreview;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.annualreview.internal.AppraisalReports;
import cn.cadreflow.annualreview.internal.CampaignProgressView;
import cn.cadreflow.annualreview.internal.CampaignsView;
import cn.cadreflow.ui.EChart;
import cn.cadreflow.annualreview.internal.EvidenceImportView;
import cn.cadreflow.annualreview.internal.ReviewFormView;
import cn.cadreflow.org.OrgUnit;
import cn.cadreflow.ui.KaribuSupport;
import cn.cadreflow.workflow.ProcessStarts;

/**
 * The HR officer's annual-review views: launch with progress, progress per unit and step with the quota,
 * Excel export, the printable registration form, evidence import, charts, and who may not use them.
 * Campaign years 2001–2003, 2005 and 2006 belong to this class only.
 */
@CadreFlowTest
class AnnualReviewUiTest extends KaribuSupport {

    @Autowired
    ProcessStarts starts;
    @Autowired
    CampaignLauncher launcher;
    @Autowired
    CampaignService campaigns;
    @Autowired
    AppraisalReports reports;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;

    long qingshan() {
        return ((Number) starts.knownData("zhangwei").get("unitId")).longValue();
    }

    long zhangweiCadre() {
        return ((Number) starts.knownData("zhangwei").get("cadreId")).longValue();
    }

    int campaignsOf(int year) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM appraisal_campaign WHERE campaign_year = ?", Integer.class,
                year);
    }

    static void poll() {
        UI ui = UI.getCurrent();
        ComponentUtil.fireEvent(ui, new PollEvent(ui, true));
    }

    /** wangfang launches a campaign for 青山镇 through the view and waits for the background launch. */
    long launchThroughTheView(int year, String name) throws Exception {
        login("wangfang");
        navigate("appraisal");
        _setValue(_get(IntegerField.class, spec -> spec.withId("campaign-year")), year);
        _setValue(_get(TextField.class, spec -> spec.withId("campaign-name")), name);
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<OrgUnit> units = _get(MultiSelectComboBox.class, spec -> spec.withId("campaign-units"));
        OrgUnit qingshan = units.getListDataView().getItems().filter(u -> u.id() == qingshan()).findFirst()
                .orElseThrow();
        _setValue(units, Set.of(qingshan));
        @SuppressWarnings("unchecked")
        Select<Framework> framework = _get(Select.class, spec -> spec.withId("campaign-framework"));
        assertThat(framework.getValue()).isNotNull();
        _click(_get(Button.class, spec -> spec.withId("campaign-launch")));
        long id = jdbc.queryForObject("SELECT id FROM appraisal_campaign WHERE campaign_year = ? AND name = ?",
                Long.class, year, name);
        launcher.progress(id).get(120, TimeUnit.SECONDS);
        return id;
    }

    @Test
    void wangfangLaunchesForQingshanAndSeesTheProgressReachTheTotal() throws Exception {
        int before = campaignsOf(2001);
        long id = launchThroughTheView(2001, "2001年度青山镇干部考核");
        assertThat(campaignsOf(2001)).isEqualTo(before + 1);

        poll();
        @SuppressWarnings("unchecked")
        Grid<Campaign> grid = _get(Grid.class, spec -> spec.withId("campaign-grid"));
        Campaign shown = GridKt._findAll(grid).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
        assertThat(shown.totalCount()).isGreaterThan(3);
        assertThat(shown.launchedCount()).isEqualTo(shown.totalCount());
        assertThat(shown.status()).isEqualTo("RUNNING");
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);

        // the progress page shows the same count, after navigating away and back
        navigate("appraisal/campaign/" + id);
        assertThat(_get(Span.class, spec -> spec.withId("campaign-launched")).getText()).startsWith(UI.getCurrent()
                .getTranslation("appraisal.launchedOf", shown.totalCount(), shown.totalCount()));
    }

    @Test
    void aRefusalIsShownAndAnInterruptedLaunchIsResumed() throws Exception {
        login("wangfang");
        navigate("appraisal");
        _click(_get(Button.class, spec -> spec.withId("campaign-launch")));
        assertThat(notificationTexts()).contains(UI.getCurrent().getTranslation("appraisal.error.campaignName"));

        // a campaign whose launch stopped after one batch of two
        long id = campaigns.create(2006, "2006年度青山镇干部考核", List.of(qingshan()), "GRASSROOTS11", "wangfang");
        campaigns.launch(id, "wangfang", 2, 1);
        navigate("inbox");
        navigate("appraisal");
        @SuppressWarnings("unchecked")
        Grid<Campaign> grid = _get(Grid.class, spec -> spec.withId("campaign-grid"));
        int row = GridKt._findAll(grid).stream().map(Campaign::id).toList().indexOf(id);
        assertThat(GridKt._getFormattedRow(grid, row)).contains(UI.getCurrent()
                .getTranslation("appraisal.status.LAUNCHING"));
        _click((Button) GridKt._getCellComponent(grid, row, "resume").getChildren().findFirst().orElseThrow());
        launcher.progress(id).get(120, TimeUnit.SECONDS);
        poll();
        Campaign done = campaigns.campaign(id);
        assertThat(done.status()).isEqualTo("RUNNING");
        assertThat(done.launchedCount()).isEqualTo(done.totalCount());
        assertThat(done.skippedCount()).isEqualTo(2);
        assertThat(GridKt._getFormattedRow(grid, row)).contains(UI.getCurrent()
                .getTranslation("appraisal.status.RUNNING"));
    }

    @Test
    void progressShowsStepsLateTasksTheQuotaChartsExportAndTheForm() throws Exception {
        long id = launchThroughTheView(2003, "2003年度青山镇干部考核");
        List<Long> reviews = jdbc.queryForList(
                "SELECT id FROM appraisal_review WHERE campaign_id = ? AND unit_id = ? ORDER BY id", Long.class, id,
                qingshan());
        int inUnit = reviews.size();
        assertThat(inUnit).isGreaterThan(1);
        long first = reviews.get(0);
        jdbc.update("UPDATE appraisal_review SET proposed_grade = '优秀', self_score = 90, total_score = 88.5,"
                + " suggested_grade = '优秀', final_grade = '优秀', committee_opinion = '同意' WHERE id = ?", first);
        jdbc.update("UPDATE appraisal_review SET proposed_grade = '优秀' WHERE id = ?", reviews.get(1));
        jdbc.update("UPDATE wf_task SET due_at = ? WHERE state = 'OPEN' AND process_instance_id ="
                + " (SELECT process_instance_id FROM appraisal_review WHERE id = ?)",
                java.sql.Timestamp.valueOf("2001-01-01 00:00:00"), reviews.get(1));
        String lateName = jdbc.queryForObject("SELECT c.name FROM cadre c JOIN appraisal_review r ON r.cadre_id = c.id"
                + " WHERE r.id = ?", String.class, reviews.get(1));
        String firstName = jdbc.queryForObject("SELECT c.name FROM cadre c JOIN appraisal_review r"
                + " ON r.cadre_id = c.id WHERE r.id = ?", String.class, first);

        navigate("appraisal/campaign/" + id);
        UI ui = UI.getCurrent();
        @SuppressWarnings("unchecked")
        Grid<AppraisalReports.UnitProgress> units = _get(Grid.class, spec -> spec.withId("unit-progress"));
        AppraisalReports.UnitProgress row = GridKt._findAll(units).stream()
                .filter(u -> u.unitId() == qingshan()).findFirst().orElseThrow();
        assertThat(row.reviewed()).isEqualTo(inUnit);
        int index = GridKt._findAll(units).indexOf(row);
        List<String> cells = GridKt._getFormattedRow(units, index);
        // every review waits at the self-report right after the launch
        assertThat(cells).contains(ui.getTranslation("process.annualReview.selfReport") + " " + inUnit);
        assertThat(cells).contains(ui.getTranslation("appraisal.quotaText", 1, 1, inUnit * 20 / 100,
                inUnit * 25 / 100));
        assertThat(row.late()).hasSize(1);

        @SuppressWarnings("unchecked")
        Grid<AppraisalReports.LateTask> late = _get(Grid.class, spec -> spec.withId("late-tasks"));
        assertThat(GridKt._size(late)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(late, 0)).contains(lateName);

        // the grade chart gets its option with the grades
        String option = _get(EChart.class, spec -> spec.withId("grade-chart")).getOption();
        assertThat(option).contains(ui.getTranslation("appraisal.grade.优秀"),
                ui.getTranslation("appraisal.grade.称职"), "\"series\"", reports.unitName(qingshan()));
        // the decided 优秀 and the proposed one are counted apart, in whole people
        com.fasterxml.jackson.databind.JsonNode chart = new com.fasterxml.jackson.databind.ObjectMapper().readTree(option);
        int unit = java.util.stream.StreamSupport.stream(chart.get("xAxis").get("data").spliterator(), false)
                .map(com.fasterxml.jackson.databind.JsonNode::asText).toList().indexOf(reports.unitName(qingshan()));
        String excellent = ui.getTranslation("appraisal.grade.优秀");
        java.util.Map<String, Integer> excellentAtUnit = new java.util.HashMap<>();
        chart.get("series").forEach(s -> excellentAtUnit.put(s.get("name").asText(), s.get("data").get(unit).asInt()));
        assertThat(excellentAtUnit).containsEntry(ui.getTranslation("appraisal.chart.finalGrade", excellent), 1)
                .containsEntry(ui.getTranslation("appraisal.chart.suggestedGrade", excellent), 1);
        assertThat(chart.get("yAxis").get("minInterval").asInt()).isEqualTo(1);
        assertThat(_get(EChart.class, spec -> spec.withId("digital-chart")).getOption())
                .contains(ui.getTranslation("appraisal.indicator.PLATFORM_USAGE"));

        // the unit's export: an anchor, and the workbook it serves has one row per cadre
        Anchor export = _get(Anchor.class, spec -> spec.withId("export-" + qingshan()));
        byte[] xlsx = DownloadKt._download(export);
        assertThat(xlsx).isNotEmpty();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(inUnit); // header + one row per cadre
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(firstName);
            assertThat(sheet.getRow(1).getCell(6).getNumericCellValue()).isEqualTo(88.5);
            assertThat(sheet.getRow(1).getCell(8).getStringCellValue())
                    .isEqualTo(ui.getTranslation("appraisal.grade.优秀"));
        }

        // the registration form of the first cadre, with the self-report submitted in the process
        runtime.setVariable(jdbc.queryForObject("SELECT process_instance_id FROM appraisal_review WHERE id = ?",
                String.class, first), "selfReport", "全年完成重点工作十二项");
        navigate("appraisal/form/" + first);
        int year = jdbc.queryForObject("SELECT review_year FROM appraisal_review WHERE id = ?", Integer.class, first);
        assertThat(_get(com.vaadin.flow.component.html.H2.class, spec -> spec.withText(year + "年度公务员年度考核登记表")))
                .as("the year is written as a year, not as a grouped number").isNotNull();
        assertThat(_get(NativeTableCell.class, spec -> spec.withId("form-name")).getText()).isEqualTo(firstName);
        // the official form's own fields, from the cadre's record: 出生年月 written as 1990.01
        assertThat(_get(NativeTableCell.class, spec -> spec.withId("form-birth")).getText()).matches("\\d{4}\\.\\d{2}");
        assertThat(_get(NativeTableCell.class, spec -> spec.withId("form-political")).getText())
                .isIn("中共党员", "中共预备党员", "民主党派成员", "无党派人士", "群众");
        assertThat(_get(NativeTableCell.class, spec -> spec.withId("form-education")).getText())
                .isIn("研究生", "大学本科", "大学专科");
        assertThat(_get(NativeTableCell.class, spec -> spec.withId("form-post-since")).getText())
                .matches("\\d{4}\\.\\d{2}");
        assertThat(_get(NativeTableCell.class, spec -> spec.withId("form-self-report")).getElement()
                .getTextRecursively()).contains("全年完成重点工作十二项");
        assertThat(_get(NativeTableCell.class, spec -> spec.withId("form-grade")).getText())
                .isEqualTo(ui.getTranslation("appraisal.grade.优秀"));
        _click(_get(Button.class, spec -> spec.withId("form-print")));
    }

    @Test
    void aGoodFileIsImportedAndABadOneShowsItsLinesAndImportsNothing() {
        login("wangfang");
        navigate("appraisal/evidence");
        EvidenceImportView view = _get(EvidenceImportView.class);
        _setValue(_get(IntegerField.class, spec -> spec.withId("evidence-year")), 2002);
        long cadre = zhangweiCadre();
        int before = jdbc.queryForObject("SELECT COUNT(*) FROM digital_evidence", Integer.class);

        view.importFile("good.csv", ("干部编号,指标编码,数值\n" + cadre + ",PLATFORM_USAGE,150\n" + cadre
                + ",NEW_MEDIA_OUTREACH,6\n").getBytes(StandardCharsets.UTF_8));
        UI ui = UI.getCurrent();
        assertThat(_get(Paragraph.class, spec -> spec.withId("evidence-result")).getText())
                .isEqualTo(ui.getTranslation("appraisal.evidence.imported", 2, 2002));
        int afterGood = jdbc.queryForObject("SELECT COUNT(*) FROM digital_evidence", Integer.class);
        assertThat(afterGood).isEqualTo(before + 2);

        view.importFile("bad.csv", ("干部编号,指标编码,数值\n" + cadre + ",CITY_BRAIN_PROPOSALS,2\n" + cadre
                + ",NO_SUCH,3\n" + cadre + ",CITY_BRAIN_QUALITY,abc\n").getBytes(StandardCharsets.UTF_8));
        @SuppressWarnings("unchecked")
        Grid<AppraisalException.RowError> errors = _get(Grid.class, spec -> spec.withId("evidence-errors"));
        assertThat(errors.isVisible()).isTrue();
        assertThat(GridKt._size(errors)).isEqualTo(2);
        assertThat(GridKt._getFormattedRow(errors, 0)).containsExactly("3",
                ui.getTranslation("appraisal.error.rowIndicator", 3, "NO_SUCH"));
        assertThat(GridKt._getFormattedRow(errors, 1).get(0)).isEqualTo("4");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM digital_evidence", Integer.class)).isEqualTo(afterGood);
        assertThat(new String(DownloadKt._download(_get(Anchor.class, spec -> spec.withId("evidence-template"))),
                StandardCharsets.UTF_8)).contains("干部编号", "指标编码", "数值");
    }

    @Test
    void sunliCannotLaunchForQingshan() {
        login("sunli");
        navigate("appraisal");
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<OrgUnit> units = _get(MultiSelectComboBox.class, spec -> spec.withId("campaign-units"));
        assertThat(units.getListDataView().getItems().map(OrgUnit::id)).isNotEmpty().doesNotContain(qingshan());

        int before = campaignsOf(2001);
        assertThatThrownBy(() -> launcher.launch(2001, "越权考核", List.of(qingshan()), "GRASSROOTS11", "sunli"))
                .isInstanceOfSatisfying(AppraisalException.class,
                        e -> assertThat(e.key()).isEqualTo("appraisal.error.notHrOfUnit"));
        assertThat(campaignsOf(2001)).isEqualTo(before);

        // nor may she open wangfang's campaigns
        long id = campaigns.create(2005, "2005年度青山镇干部考核", List.of(qingshan()), "GRASSROOTS11", "wangfang");
        navigate("appraisal/campaign/" + id);
        assertThat(_get(Paragraph.class, spec -> spec.withId("appraisal-error")).getText()).isNotBlank();
        _assertNone(Grid.class, spec -> spec.withId("unit-progress"));
    }

    @Test
    void aCadreCannotOpenTheViews() {
        login("wangfang");
        assertThat(menu()).contains(UI.getCurrent().getTranslation("nav.appraisal"));

        login("zhangwei");
        assertThat(menu()).doesNotContain(UI.getCurrent().getTranslation("nav.appraisal"));
        for (String route : List.of("appraisal", "appraisal/evidence", "appraisal/campaign/1", "appraisal/form/1")) {
            expectMissingPage(route);
            _assertNone(CampaignsView.class);
            _assertNone(CampaignProgressView.class);
            _assertNone(EvidenceImportView.class);
            _assertNone(ReviewFormView.class);
        }
    }

    static List<String> menu() {
        return _get(SideNav.class, spec -> spec.withId("main-nav")).getItems().stream()
                .map(SideNavItem::getLabel).toList();
    }
}
