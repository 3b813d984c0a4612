package cn.cadreflow.trainingplan.internal.ui;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import cn.cadreflow.security.AppRoles;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;
import cn.cadreflow.trainingplan.CatalogueException;
import cn.cadreflow.trainingplan.TrainingReport;
import cn.cadreflow.trainingplan.TrainingReports;
import cn.cadreflow.ui.EChart;
import cn.cadreflow.ui.Notices;
import jakarta.annotation.security.RolesAllowed;

/**
 * 培训统计 for an HR officer, over the units of their scope and a chosen year: the immersive-week coverage per unit
 * (chart and table), the 学时 against the requirement per unit and per rank, the staffing-headroom heat map of the
 * year's published plans, and an Excel export of all of it.
 */
@Route("training/report")
@Menu(order = 10.6, title = "trainingplan.nav.report", icon = "vaadin:chart")
@RolesAllowed(AppRoles.HR_OFFICER)
public class TrainingReportView extends VerticalLayout implements HasDynamicTitle {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final TrainingReports reports;
    private final UserContext user;
    final IntegerField year = new IntegerField();
    final Paragraph summary = new Paragraph();
    final EChart coverageChart = new EChart();
    final Grid<TrainingReport.Coverage> coverage = new Grid<>();
    final Grid<TrainingReport.Hours> byUnit = new Grid<>();
    final Grid<TrainingReport.Hours> byRank = new Grid<>();
    final EChart heatMap = new EChart();
    final Paragraph noPlan = new Paragraph();
    final Anchor export = new Anchor();
    private TrainingReport report;

    public TrainingReportView(TrainingReports reports, UserService users, Clock clock) {
        this.reports = reports;
        this.user = users.current();
        addClassName("view");
        year.setId("report-year");
        year.setLabel(getTranslation("trainingplan.report.year"));
        year.setStepButtonsVisible(true);
        year.setValue(LocalDate.now(clock).getYear());
        Button show = new Button(getTranslation("trainingplan.report.show"), e -> refresh());
        show.setId("report-show");
        show.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout pick = new HorizontalLayout(year, show);
        pick.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        summary.setId("report-summary");
        coverageChart.setId("report-coverage-chart");
        coverage.setId("report-coverage");
        coverage.setAllRowsVisible(true);
        coverage.addColumn(c -> c.unitId() == null ? getTranslation("trainingplan.report.total") : c.unitName())
                .setHeader(getTranslation("trainingplan.report.col.unit")).setAutoWidth(true);
        coverage.addColumn(TrainingReport.Coverage::cadres).setHeader(getTranslation("trainingplan.report.col.cadres"));
        coverage.addColumn(TrainingReport.Coverage::planned)
                .setHeader(getTranslation("trainingplan.report.col.planned"));
        coverage.addColumn(TrainingReport.Coverage::taken).setHeader(getTranslation("trainingplan.report.col.taken"));
        coverage.addColumn(c -> c.sharePercent() + "%").setHeader(getTranslation("trainingplan.report.col.share"));
        coverage.setEmptyStateText(getTranslation("trainingplan.report.none"));
        hoursColumns(byUnit, "report-units", "trainingplan.report.col.unit", label -> label);
        hoursColumns(byRank, "report-ranks", "trainingplan.report.col.rank", code -> getTranslation("rank." + code));
        heatMap.setId("report-heatmap");
        heatMap.setHeight("480px");
        noPlan.setId("report-no-plan");
        noPlan.setText(getTranslation("trainingplan.report.noPlan"));

        export.setId("report-export");
        export.setText(getTranslation("trainingplan.report.export"));
        export.setHref(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = ReportSheets.xlsx(report, this::getTranslation,
                    (code, args) -> getTranslation("rank." + code));
            return new DownloadResponse(new ByteArrayInputStream(bytes),
                    getTranslation("trainingplan.report.fileName", report.year()), XLSX, bytes.length);
        }));

        add(new H2(getTranslation("trainingplan.report.title")),
                new Paragraph(getTranslation("trainingplan.report.hint")), pick, summary, new H3(getTranslation("trainingplan.report.coverage")), coverageChart, coverage,
                new H3(getTranslation("trainingplan.report.hoursByUnit")), byUnit,
                new H3(getTranslation("trainingplan.report.hoursByRank")), byRank,
                new H3(getTranslation("trainingplan.report.staffing")), noPlan, heatMap, export);
        refresh();
    }

    private void hoursColumns(Grid<TrainingReport.Hours> grid, String id, String firstKey,
                              Function<String, String> label) {
        grid.setId(id);
        grid.setAllRowsVisible(true);
        grid.addColumn(h -> h.label() == null ? getTranslation("trainingplan.report.total") : label.apply(h.label()))
                .setHeader(getTranslation(firstKey)).setAutoWidth(true);
        grid.addColumn(TrainingReport.Hours::cadres).setHeader(getTranslation("trainingplan.report.col.cadres"));
        grid.addColumn(TrainingReport.Hours::met).setHeader(getTranslation("trainingplan.report.col.met"));
        grid.addColumn(TrainingReport.Hours::notMet).setHeader(getTranslation("trainingplan.report.col.notMet"));
        grid.addColumn(h -> h.averageHours().toPlainString())
                .setHeader(getTranslation("trainingplan.report.col.average"));
        grid.setEmptyStateText(getTranslation("trainingplan.report.none"));
    }

    private void refresh() {
        year.setInvalid(false);
        try {
            report = reports.report(year.getValue() == null ? -1 : year.getValue(), user);
        } catch (CatalogueException ex) {
            String words = String.join("；", ex.problems().stream()
                    .map(p -> getTranslation(p.key(), p.args().toArray())).toList());
            year.setErrorMessage(words);
            year.setInvalid(true);
            Notices.error(words);
            return;
        }
        TrainingReport.Coverage total = report.coverageTotal();
        summary.setText(getTranslation("trainingplan.report.summary", report.year(), total.cadres(), total.planned(),
                total.taken(), total.sharePercent(), report.hoursTotal().met(), report.hoursTotal().notMet()));
        coverageChart.setOption(ReportSheets.coverageChart(report, this::getTranslation));
        coverage.setItems(report.coverage().isEmpty() ? List.of()
                : Stream.concat(report.coverage().stream(), Stream.of(total)).toList());
        byUnit.setItems(withTotal(report.byUnit(), report.hoursTotal()));
        byRank.setItems(withTotal(report.byRank(), report.hoursTotal()));
        boolean planned = !report.staffing().isEmpty();
        heatMap.setVisible(planned);
        noPlan.setVisible(!planned);
        heatMap.setOption(HeatMap.option(report.staffing(), report.weeks(), this::getTranslation));
        export.setEnabled(total.cadres() > 0);
    }

    private static List<TrainingReport.Hours> withTotal(List<TrainingReport.Hours> lines,
                                                        TrainingReport.Hours total) {
        return lines.isEmpty() ? lines : Stream.concat(lines.stream(), Stream.of(total)).toList();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("trainingplan.report.title") + " · " + getTranslation("app.name");
    }
}
