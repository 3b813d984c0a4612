package cn.cadreflow.annualreview.internal;

import java.io.ByteArrayInputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.shared.Registration;

import cn.cadreflow.annualreview.AppraisalException;
import cn.cadreflow.annualreview.Campaign;
import cn.cadreflow.annualreview.CampaignLauncher;
import cn.cadreflow.security.AppRoles;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;
import cn.cadreflow.ui.EChart;
import jakarta.annotation.security.RolesAllowed;

/**
 * One campaign: launch progress, then per unit how many reviews wait at each step, who is late, the 优秀 quota
 * (proposed and decided against the places at the normal and the widened share) before results are final,
 * each unit's results as Excel, every cadre's registration form to print, and the charts.
 */
@Route("appraisal/campaign/:campaignId")
@RolesAllowed(AppRoles.HR_OFFICER)
public class CampaignProgressView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final AppraisalReports reports;
    private final CampaignLauncher launcher;
    private final UserContext user;
    private long campaignId;
    private String title = "";
    private Registration polling;

    final Span launched = new Span();
    final Grid<AppraisalReports.UnitProgress> units = new Grid<>();
    final FlexLayout exports = new FlexLayout();
    final Grid<AppraisalReports.LateTask> late = new Grid<>();
    final Grid<AppraisalReports.Result> results = new Grid<>();
    final EChart gradeChart = new EChart();
    final EChart digitalChart = new EChart();

    public CampaignProgressView(AppraisalReports reports, CampaignLauncher launcher, UserService users) {
        this.reports = reports;
        this.launcher = launcher;
        this.user = users.current();
        addClassName("view");
        launched.setId("campaign-launched");
        units.setId("unit-progress");
        late.setId("late-tasks");
        results.setId("campaign-results");
        gradeChart.setId("grade-chart");
        digitalChart.setId("digital-chart");
        exports.setId("unit-exports");
        exports.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        exports.getStyle().set("gap", "var(--lumo-space-m)");
        units.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        units.setAllRowsVisible(true);
        late.setAllRowsVisible(true);
        results.setAllRowsVisible(true);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        try {
            campaignId = Long.parseLong(event.getRouteParameters().get("campaignId").orElse(""));
            Campaign c = reports.campaign(campaignId, user);
            title = c.name();
        } catch (NumberFormatException e) {
            showError(getTranslation("appraisal.error.unknownCampaign", event.getRouteParameters()
                    .get("campaignId").orElse("")));
            return;
        } catch (AppraisalException e) {
            showError(getTranslation(e.key(), e.args()));
            return;
        }
        Locale locale = getLocale();
        units.removeAllColumns();
        units.addColumn(AppraisalReports.UnitProgress::unitName).setHeader(getTranslation("appraisal.unit"))
                .setAutoWidth(true);
        units.addColumn(AppraisalReports.UnitProgress::reviewed).setHeader(getTranslation("appraisal.reviewed"))
                .setAutoWidth(true);
        units.addColumn(this::steps).setHeader(getTranslation("appraisal.atSteps")).setFlexGrow(1);
        units.addColumn(u -> u.late().size()).setHeader(getTranslation("appraisal.lateCount")).setAutoWidth(true);
        units.addColumn(this::quota).setHeader(getTranslation("appraisal.quota")).setAutoWidth(true);

        late.removeAllColumns();
        late.addColumn(t -> reports.unitName(t.unitId())).setHeader(getTranslation("appraisal.unit"))
                .setAutoWidth(true);
        late.addColumn(AppraisalReports.LateTask::cadreName).setHeader(getTranslation("appraisal.col.name"))
                .setAutoWidth(true);
        late.addColumn(t -> stepName(t.stepKey(), t.stepName())).setHeader(getTranslation("appraisal.step"))
                .setAutoWidth(true);
        late.addColumn(t -> t.dueAt() == null ? "" : DUE.format(t.dueAt()))
                .setHeader(getTranslation("appraisal.dueAt")).setAutoWidth(true);
        late.setEmptyStateText(getTranslation("appraisal.noneLate"));

        results.removeAllColumns();
        results.addColumn(AppraisalReports.Result::cadreName).setHeader(getTranslation("appraisal.col.name"))
                .setAutoWidth(true);
        results.addColumn(r -> reports.unitName(r.unitId())).setHeader(getTranslation("appraisal.unit"))
                .setAutoWidth(true);
        results.addColumn(AppraisalReports.Result::postName).setHeader(getTranslation("appraisal.col.post"))
                .setAutoWidth(true);
        results.addColumn(AppraisalReports.Result::totalScore)
                .setHeader(getTranslation("appraisal.col.total")).setAutoWidth(true);
        results.addColumn(r -> reports.grade(r.suggestedGrade(), locale))
                .setHeader(getTranslation("appraisal.col.suggested")).setAutoWidth(true);
        results.addColumn(r -> reports.grade(r.finalGrade(), locale))
                .setHeader(getTranslation("appraisal.col.final")).setAutoWidth(true);
        results.addComponentColumn(r -> new RouterLink(getTranslation("appraisal.printForm"), ReviewFormView.class,
                new RouteParameters("reviewId", String.valueOf(r.reviewId())))).setAutoWidth(true);

        FlexLayout charts = new FlexLayout(gradeChart, digitalChart);
        charts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        charts.setWidthFull();
        gradeChart.setWidth("32em");
        digitalChart.setWidth("48em");

        add(new RouterLink(getTranslation("appraisal.back"), CampaignsView.class), new H2(title), launched,
                new H3(getTranslation("appraisal.byUnit")), units, exports, new H3(getTranslation("appraisal.late")), late,
                new H3(getTranslation("appraisal.charts")), charts, new H3(getTranslation("appraisal.results")),
                results);
        refresh();
    }

    private void showError(String text) {
        title = getTranslation("nav.appraisal");
        Paragraph p = new Paragraph(text);
        p.setId("appraisal-error");
        add(p);
    }

    void refresh() {
        if (title.isEmpty() || campaignId == 0) {
            return;
        }
        // asked before reading: a launch that ends during the reads is polled once more, never left half shown
        boolean launching = launcher.isRunning(campaignId);
        Campaign c = reports.campaign(campaignId, user);
        launched.setText(getTranslation("appraisal.launchedOf", c.launchedCount(), c.totalCount()) + " · "
                + getTranslation("appraisal.status." + c.status()));
        List<AppraisalReports.UnitProgress> progress = reports.progress(campaignId, user);
        units.setItems(progress);
        exports.removeAll();
        progress.forEach(u -> exports.add(exportLink(u, getLocale())));
        late.setItems(progress.stream().flatMap(u -> u.late().stream()).toList());
        results.setItems(reports.results(campaignId, null, user));
        gradeChart.setOption(reports.gradeChart(campaignId, user, getLocale()));
        digitalChart.setOption(reports.digitalChart(campaignId, user, getLocale()));
        getUI().ifPresent(ui -> ui.setPollInterval(launching ? CampaignsView.POLL_MILLIS : -1));
    }

    String steps(AppraisalReports.UnitProgress u) {
        return AppraisalReports.STEPS.stream().filter(s -> u.openByStep().getOrDefault(s, 0) > 0)
                .map(s -> stepName(s, s) + " " + u.openByStep().get(s)).collect(Collectors.joining(" · "));
    }

    String quota(AppraisalReports.UnitProgress u) {
        return getTranslation("appraisal.quotaText", u.excellentProposed(), u.excellentDecided(), u.normalPlaces(),
                u.widenedPlaces());
    }

    private String stepName(String stepKey, String fallback) {
        String key = "process.annualReview." + stepKey;
        String text = getTranslation(key);
        return text == null || text.contains(key) ? fallback : text;
    }

    Anchor exportLink(AppraisalReports.UnitProgress u, Locale locale) {
        String fileName = title + "-" + u.unitName() + ".xlsx";
        Anchor a = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = reports.exportXlsx(campaignId, u.unitId(), user, locale);
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, XLSX, bytes.length);
        }), getTranslation("appraisal.export", u.unitName()));
        a.setId("export-" + u.unitId());
        return a;
    }

    @Override
    protected void onAttach(AttachEvent event) {
        polling = event.getUI().addPollListener(e -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        polling.remove();
        event.getUI().setPollInterval(-1);
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
