package cn.cadreflow.tolerance;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.VaadinSession;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.OrgLevel;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.security.AppRoles;
import cn.cadreflow.tolerance.internal.ToleranceReportView;
import cn.cadreflow.ui.EChart;
import cn.cadreflow.ui.KaribuSupport;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.TaskCommands;

/**
 * 容错纠错统计 as an HR officer reads it: a township of its own (统计镇) with three cases opened today by its HR
 * officer 蒋华 and its cadre 韩冰: an application exempted (免责) by the committee the same day, an accountability
 * lead not accepted, and an application still waiting for 受理. The figures per unit, the chart and the Excel file
 * say so, in Chinese and in English; a bad period is refused; an HR officer of another county sees no case.
 */
@CadreFlowTest
class ToleranceReportUiTest extends KaribuSupport {

    static final String HR = "jianghua";
    static final String CADRE = "hanbing";

    @Autowired
    ProcessStarts starts;
    @Autowired
    TaskCommands commands;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OrgService org;
    @Autowired
    CadreService cadres;

    static boolean casesOpened;

    @BeforeEach
    void cases() {
        synchronized (ToleranceReportUiTest.class) {
            if (casesOpened) {
                return;
            }
            long county = jdbc.queryForObject("SELECT id FROM org_unit WHERE name = '清河县'", Long.class);
            long town = org.addUnit("TONGJI", "统计镇", OrgLevel.TOWNSHIP, county, 0);
            long cadre = cadres.add(new CadreService.NewCadre("韩冰", "F", LocalDate.of(1988, 3, 1), "汉族", null,
                    LocalDate.of(2010, 7, 1), "大学", "FUKE", town, org.addPost(town, "党政办主任", false)));
            users.grant(users.addUser(CADRE, "韩冰", cadre, ToleranceFixture.PASSWORD), AppRoles.CADRE, null);
            users.grant(users.addUser(HR, "蒋华", null, ToleranceFixture.PASSWORD), AppRoles.HR_OFFICER, town);

            String exempt = starts.start(ToleranceStep.PROCESS_KEY, CADRE, ToleranceFixture.application("统计：先行先试"));
            submit(exempt, ToleranceStep.ACCEPTANCE, HR, Map.of("acceptance", "ACCEPT", "acceptanceReason",
                    "属于受理范围。", "investigator", ToleranceFixture.DISCIPLINE));
            submit(exempt, ToleranceStep.STATEMENT, CADRE, Map.of("statement", "出于公心，未谋私利。"));
            submit(exempt, ToleranceStep.INVESTIGATION, ToleranceFixture.DISCIPLINE, ToleranceFixture.findings());
            Map<String, Object> decision = new HashMap<>(Map.of("outcome", "EXEMPT", "decisionNo", "清组容〔2026〕90号",
                    "decisionDate", LocalDate.now().toString()));
            submit(exempt, ToleranceStep.COMMITTEE_DECISION, HR, decision);
            submit(exempt, ToleranceStep.OUTCOME_NOTICE, CADRE, Map.of("appeal", false));

            String lead = starts.start(ToleranceStep.PROCESS_KEY, HR, ToleranceFixture.lead(cadre, "统计：问责线索"));
            submit(lead, ToleranceStep.ACCEPTANCE, HR, Map.of("acceptance", "DECLINE", "acceptanceReason",
                    "线索不具体，不予受理。"));
            Map<String, Object> waiting = ToleranceFixture.application("统计：待受理");
            waiting.put("category", "SAFETY");
            starts.start(ToleranceStep.PROCESS_KEY, CADRE, waiting);
            casesOpened = true;
        }
    }

    void submit(String pi, String step, String user, Map<String, ?> values) {
        commands.submitForm(tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(step).singleResult()
                .getId(), user, values);
    }

    @Test
    void theHrOfficerSeesTheCasesOfTheirUnitsByOutcomeKindAndTimeToDecision() throws Exception {
        login(HR);
        navigate("tolerance/report");
        NavigatorKt.expectView(ToleranceReportView.class);
        assertThat(_get(DatePicker.class, spec -> spec.withId("report-from")).getValue())
                .isEqualTo(LocalDate.now().withDayOfYear(1));
        assertThat(summary()).contains("共 3 件（本人申请 2 件，问责线索 1 件）", "已认定 1 件", "平均 0.0 天", "最长 0 天");
        assertThat(rows()).containsExactly("[统计镇, 3, 1, 0, 0, 0, 1, 1, 0, 2, 1, 0.0, 0]");
        String option = _get(EChart.class, spec -> spec.withId("report-chart")).getOption();
        assertThat(option).contains("统计镇", "免责", "不予受理", "办理中", "各单位案件认定结果");

        // by 事项类别: the two applications and the lead are 招商引资 but one, 安全生产, still waiting
        Grid<?> byCategory = _get(Grid.class, spec -> spec.withId("report-categories"));
        assertThat(IntStream.range(0, GridKt._size(byCategory))
                .mapToObj(i -> GridKt._getFormattedRow(byCategory, i).toString()).toList()).containsExactly(
                "[招商引资, 2, 1, 0, 0, 0, 1, 0, 0, 0.0]", "[安全生产, 1, 0, 0, 0, 0, 0, 1, 0, —]");
        assertThat(_get(EChart.class, spec -> spec.withId("report-category-chart")).getOption())
                .contains("招商引资", "安全生产", "各类事项案件认定结果");

        byte[] xlsx = DownloadKt._download(_get(Anchor.class, spec -> spec.withId("report-export")));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(cells(book.getSheet("按单位"), 0)).startsWith("单位", "案件数", "免责");
            assertThat(cells(book.getSheet("按单位"), 1)).startsWith("统计镇", "3", "1");
            assertThat(cells(book.getSheet("按单位"), 2)).startsWith("合计", "3");
            assertThat(cells(book.getSheet("按事项类别"), 0)).startsWith("事项类别", "案件数", "免责");
            assertThat(cells(book.getSheet("按事项类别"), 1)).startsWith("招商引资", "2", "1");
            assertThat(cells(book.getSheet("按事项类别"), 2)).startsWith("安全生产", "1", "0");
            assertThat(cells(book.getSheet("按事项类别"), 3)).startsWith("合计", "3");
            Sheet list = book.getSheet("案件清单");
            assertThat(list.getLastRowNum()).isEqualTo(3);
            assertThat(IntStream.rangeClosed(1, 3).mapToObj(r -> String.join("|", cells(list, r))).toList())
                    .anyMatch(r -> r.contains("|韩冰|统计镇|本人容错申请|招商引资|") && r.contains("|免责|")
                            && r.endsWith("|0"))
                    .anyMatch(r -> r.contains("|问责线索|") && r.contains("|不予受理|"))
                    .anyMatch(r -> r.contains("|办理中|"));
        }

        // a period from before anything was opened to yesterday: no case; a reversed period is refused
        _setValue(_get(DatePicker.class, spec -> spec.withId("report-to")), LocalDate.now().minusDays(1));
        _setValue(_get(DatePicker.class, spec -> spec.withId("report-from")), LocalDate.now().minusYears(1));
        _click(_get(Button.class, spec -> spec.withId("report-show")));
        assertThat(summary()).contains("共 0 件");
        assertThat(rows()).isEmpty();
        _setValue(_get(DatePicker.class, spec -> spec.withId("report-from")), LocalDate.now());
        _click(_get(Button.class, spec -> spec.withId("report-show")));
        assertThat(notificationTexts()).anyMatch(t -> t.contains("截止日期不能早于起始日期"));
        assertThat(_get(DatePicker.class, spec -> spec.withId("report-to")).isInvalid()).isTrue();
    }

    @Test
    void inEnglishTheLabelsAreEnglish() {
        login(HR);
        VaadinSession.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().setLocale(Locale.ENGLISH);
        navigate("tolerance/report");
        assertThat(summary()).contains("3 cases (2 own applications, 1 accountability leads)");
        assertThat(_get(EChart.class, spec -> spec.withId("report-chart")).getOption())
                .contains("Exempt", "Not accepted", "In progress", "Outcomes per unit");
    }

    @Test
    void anHrOfficerOfAnotherCountySeesNoneOfTheseCases() {
        login("sunli");
        navigate("tolerance/report");
        assertThat(rows()).noneMatch(r -> r.contains("统计镇"));
        assertThat(_get(EChart.class, spec -> spec.withId("report-chart")).getOption()).doesNotContain("统计镇");
    }

    static String summary() {
        return _get(Paragraph.class, spec -> spec.withId("report-summary")).getText();
    }

    static List<String> rows() {
        Grid<?> grid = _get(Grid.class, spec -> spec.withId("report-units"));
        return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._getFormattedRow(grid, i).toString())
                .toList();
    }

    static List<String> cells(Sheet sheet, int rowNo) {
        Row row = sheet.getRow(rowNo);
        DataFormatter f = new DataFormatter();
        return IntStream.range(0, row.getLastCellNum()).mapToObj(i -> f.formatCellValue(row.getCell(i))).toList();
    }
}
