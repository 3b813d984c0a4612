package cn.cadreflow.tolerance.internal;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import cn.cadreflow.security.AppRoles;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;
import cn.cadreflow.tolerance.ToleranceCase;
import cn.cadreflow.tolerance.ToleranceException;
import cn.cadreflow.ui.DatePickers;
import cn.cadreflow.ui.EChart;
import cn.cadreflow.ui.Notices;
import cn.cadreflow.ui.Texts;
import jakarta.annotation.security.RolesAllowed;

/**
 * 容错纠错统计: for an HR officer, the cases of the cadres in their scope opened in a chosen period, per unit by
 * result and kind, with the days from opening to the committee's decision, and per category of matter (事项类别);
 * charts and an Excel export of the same.
 */
@Route("tolerance/report")
@Menu(order = 8.5, title = "tolerance.report.nav", icon = "vaadin:bar-chart")
@RolesAllowed(AppRoles.HR_OFFICER)
public class ToleranceReportView extends VerticalLayout implements HasDynamicTitle {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final CaseReports reports;
    private final UserContext user;
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Paragraph summary = new Paragraph();
    private final EChart chart = new EChart();
    private final Grid<CaseReport.Line> grid = new Grid<>();
    private final EChart categoryChart = new EChart();
    private final Grid<Map.Entry<ToleranceCase.Category, CaseReport.Line>> categoryGrid = new Grid<>();
    private final Anchor export = new Anchor();
    private CaseReport report;

    public ToleranceReportView(CaseReports reports, UserService users, Texts texts, Clock clock) {
        this.reports = reports;
        this.user = users.current();
        addClassName("view");
        LocalDate today = LocalDate.now(clock);
        from.setId("report-from");
        from.setLabel(getTranslation("tolerance.report.from"));
        from.setValue(today.withDayOfYear(1));
        to.setId("report-to");
        to.setLabel(getTranslation("tolerance.report.to"));
        to.setValue(today);
        for (DatePicker d : List.of(from, to)) {
            d.setI18n(DatePickers.i18n(texts, getLocale()));
            d.setRequiredIndicatorVisible(true);
            d.setManualValidation(true);
        }
        Button show = new Button(getTranslation("tolerance.report.show"), e -> refresh());
        show.setId("report-show");
        show.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout period = new HorizontalLayout(from, to, show);
        period.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        summary.setId("report-summary");
        chart.setId("report-chart");
        grid.setId("report-units");
        grid.setAllRowsVisible(true);
        grid.addColumn(CaseReport.Line::unitName).setHeader(getTranslation("tolerance.report.col.unit"))
                .setAutoWidth(true);
        grid.addColumn(CaseReport.Line::cases).setHeader(getTranslation("tolerance.report.col.cases"));
        for (CaseReport.Result r : CaseReport.Result.values()) {
            grid.addColumn(l -> l.count(r)).setHeader(reports.result(r, getLocale()));
        }
        grid.addColumn(CaseReport.Line::applications).setHeader(getTranslation("tolerance.report.col.applications"));
        grid.addColumn(CaseReport.Line::leads).setHeader(getTranslation("tolerance.report.col.leads"));
        grid.addColumn(l -> l.averageDays() == null ? "—" : String.valueOf(l.averageDays()))
                .setHeader(getTranslation("tolerance.report.col.averageDays"));
        grid.addColumn(l -> l.longestDays() == null ? "—" : String.valueOf(l.longestDays()))
                .setHeader(getTranslation("tolerance.report.col.longestDays"));
        grid.setEmptyStateText(getTranslation("tolerance.report.none"));

        categoryChart.setId("report-category-chart");
        categoryGrid.setId("report-categories");
        categoryGrid.setAllRowsVisible(true);
        categoryGrid.addColumn(e -> reports.category(e.getKey(), getLocale()))
                .setHeader(getTranslation("tolerance.category")).setAutoWidth(true);
        categoryGrid.addColumn(e -> e.getValue().cases()).setHeader(getTranslation("tolerance.report.col.cases"));
        for (CaseReport.Result r : CaseReport.Result.values()) {
            categoryGrid.addColumn(e -> e.getValue().count(r)).setHeader(reports.result(r, getLocale()));
        }
        categoryGrid.addColumn(e -> e.getValue().averageDays() == null ? "—"
                        : String.valueOf(e.getValue().averageDays()))
                .setHeader(getTranslation("tolerance.report.col.averageDays"));
        categoryGrid.setEmptyStateText(getTranslation("tolerance.report.none"));

        export.setId("report-export");
        export.setText(getTranslation("tolerance.report.export"));
        export.setHref(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = reports.xlsx(report, getLocale());
            return new DownloadResponse(new ByteArrayInputStream(bytes),
                    getTranslation("tolerance.report.fileName", report.from(), report.to()), XLSX, bytes.length);
        }));

        add(new H2(getTranslation("tolerance.report.title")), new Paragraph(getTranslation("tolerance.report.hint")),
                period, summary, chart, grid, new H3(getTranslation("tolerance.report.byCategory")), categoryChart,
                categoryGrid, export);
        refresh();
    }

    private void refresh() {
        Map<String, HasValidation> fields = Map.of("from", from, "to", to);
        fields.values().forEach(f -> f.setInvalid(false));
        try {
            report = reports.report(user, from.getValue(), to.getValue());
        } catch (ToleranceException ex) {
            for (ToleranceException.Problem p : ex.problems()) {
                HasValidation field = p.field() == null ? null : fields.get(p.field());
                if (field != null) {
                    field.setErrorMessage(getTranslation(p.key(), p.args().toArray()));
                    field.setInvalid(true);
                }
            }
            Notices.error(String.join("；", ex.problems().stream()
                    .map(p -> getTranslation(p.key(), p.args().toArray())).toList()));
            return;
        }
        CaseReport.Line total = report.total();
        summary.setText(getTranslation("tolerance.report.summary", report.from(), report.to(), total.cases(),
                total.applications(), total.leads(), total.decided(),
                total.averageDays() == null ? "—" : String.valueOf(total.averageDays()),
                total.longestDays() == null ? "—" : String.valueOf(total.longestDays())));
        chart.setOption(reports.chart(report, getLocale()));
        grid.setItems(report.units());
        categoryChart.setOption(reports.categoryChart(report, getLocale()));
        categoryGrid.setItems(List.copyOf(report.categories().entrySet()));
        export.setEnabled(total.cases() > 0);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tolerance.report.title") + " · " + getTranslation("app.name");
    }
}
