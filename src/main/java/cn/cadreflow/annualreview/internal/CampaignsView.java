package cn.cadreflow.annualreview.internal;

import java.time.LocalDate;
import java.time.Year;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;

import cn.cadreflow.annualreview.AppraisalException;
import cn.cadreflow.annualreview.CampaignService;
import cn.cadreflow.annualreview.AppraisalSettings;
import cn.cadreflow.annualreview.Campaign;
import cn.cadreflow.annualreview.CampaignLauncher;
import cn.cadreflow.annualreview.Framework;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.org.OrgUnit;
import cn.cadreflow.security.AppRoles;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;
import cn.cadreflow.ui.TextLimit;
import jakarta.annotation.security.RolesAllowed;

/**
 * 年度考核: the HR officer's campaigns with their launch progress, and the form that launches a new one for
 * units in the officer's scope. Launches run in the background; while one runs the page polls and the
 * progress bars move, and a launch that stopped part-way (status LAUNCHING) can be resumed.
 */
@Route("appraisal")
@Menu(order = 5, title = "nav.appraisal", icon = "vaadin:clipboard-check")
@RolesAllowed(AppRoles.HR_OFFICER)
public class CampaignsView extends VerticalLayout implements HasDynamicTitle {

    static final int POLL_MILLIS = 1000;
    /** Names in the notice of cadres already reviewed this year; the rest are counted. */
    static final int COVERED_NAMES = 10;

    private final CampaignLauncher launcher;
    private final CampaignService campaigns;
    private final AppraisalReports reports;
    private final UserContext user;

    final IntegerField year = new IntegerField();
    final TextField name = new TextField();
    final MultiSelectComboBox<OrgUnit> units = new MultiSelectComboBox<>();
    final Select<Framework> framework = new Select<>();
    final Span covered = new Span();
    final Button launch = new Button();
    final Grid<Campaign> grid = new Grid<>();
    private Registration polling;

    public CampaignsView(CampaignLauncher launcher, CampaignService campaigns, AppraisalReports reports,
                         AppraisalSettings settings, OrgService org, UserService users) {
        this.launcher = launcher;
        this.campaigns = campaigns;
        this.reports = reports;
        this.user = users.current();
        addClassName("view");
        setSizeFull();

        year.setId("campaign-year");
        year.setLabel(getTranslation("appraisal.year"));
        year.setValue(Year.now().getValue());
        year.setMin(AppraisalYears.FIRST);
        year.setMax(AppraisalYears.last(LocalDate.now()));
        year.setStepButtonsVisible(true);
        name.setId("campaign-name");
        TextLimit.apply(name, CampaignService.NAME_MAX);
        name.setLabel(getTranslation("appraisal.campaignName"));
        name.setWidthFull();
        OrgService.OrgTree tree = org.tree();
        List<OrgUnit> scope = user.hrUnitIds().stream().map(tree::unit).flatMap(java.util.Optional::stream)
                .sorted(Comparator.comparing(OrgUnit::id)).toList();
        units.setId("campaign-units");
        units.setLabel(getTranslation("appraisal.units"));
        units.setItems(scope);
        units.setItemLabelGenerator(u -> tree.path(u.id()));
        units.setWidthFull();
        framework.setId("campaign-framework");
        framework.setLabel(getTranslation("appraisal.framework"));
        List<Framework> frameworks = settings.frameworks().stream().filter(Framework::active).toList();
        framework.setItems(frameworks);
        framework.setItemLabelGenerator(Framework::name);
        if (!frameworks.isEmpty()) {
            framework.setValue(frameworks.get(0));
        }
        covered.setId("campaign-covered");
        covered.setVisible(false);
        year.addValueChangeListener(e -> showCovered());
        units.addValueChangeListener(e -> showCovered());
        launch.setId("campaign-launch");
        launch.setText(getTranslation("appraisal.launch"));
        launch.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        launch.addClickListener(e -> launch());
        FormLayout form = new FormLayout(year, framework, name, units);
        form.setColspan(name, 2);
        form.setColspan(units, 2);

        grid.setId("campaign-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(Campaign::campaignYear).setHeader(getTranslation("appraisal.year")).setAutoWidth(true);
        grid.addComponentColumn(c -> new RouterLink(c.name(), CampaignProgressView.class,
                new RouteParameters("campaignId", String.valueOf(c.id())))).setHeader(getTranslation(
                "appraisal.campaignName")).setAutoWidth(true).setFlexGrow(1);
        grid.addComponentColumn(this::progressOf).setHeader(getTranslation("appraisal.progress")).setWidth("16em");
        grid.addColumn(c -> getTranslation("appraisal.status." + c.status())).setHeader(getTranslation(
                "appraisal.status")).setAutoWidth(true);
        grid.addComponentColumn(this::resumeButton).setKey("resume").setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("appraisal.noCampaigns"));

        add(new H2(getTranslation("nav.appraisal")), new H3(getTranslation("appraisal.newCampaign")), form,
                covered, launch, new H3(getTranslation("appraisal.campaigns")), grid,
                new HorizontalLayout(new RouterLink(getTranslation("appraisal.evidence.title"),
                        EvidenceImportView.class)));
        setFlexGrow(1, grid);
        refresh();
    }

    private void launch() {
        try {
            launcher.launch(year.getValue() == null ? 0 : year.getValue(), name.getValue(),
                    units.getValue().stream().map(OrgUnit::id).collect(Collectors.toSet()),
                    framework.getValue() == null ? null : framework.getValue().code(), user.username());
            Notification.show(getTranslation("appraisal.launched", name.getValue().strip()))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            name.clear();
            units.clear();
            refresh();
        } catch (AppraisalException e) {
            Notification.show(getTranslation(e.key(), e.args())).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /**
     * Before launching: which active cadres of the chosen units another campaign of the year already reviews, as
     * the launch will leave them out (one review per cadre per year).
     */
    private void showCovered() {
        CampaignService.Covered found = year.getValue() == null || units.getValue().isEmpty()
                ? new CampaignService.Covered(0, List.of())
                : campaigns.covered(year.getValue(), units.getValue().stream().map(OrgUnit::id).toList(),
                        user.username(), COVERED_NAMES);
        String names = String.join(getTranslation("appraisal.covered.separator"), found.names())
                + (found.count() > found.names().size() ? getTranslation("appraisal.covered.more") : "");
        covered.setText(found.count() == 0 ? "" : getTranslation("appraisal.covered", String.valueOf(found.count()),
                String.valueOf(year.getValue()), names));
        covered.setVisible(found.count() > 0);
    }

    private VerticalLayout progressOf(Campaign c) {
        ProgressBar bar = new ProgressBar(0, Math.max(1, c.totalCount()), c.launchedCount());
        Span text = new Span(getTranslation("appraisal.launchedOf", c.launchedCount(), c.totalCount()));
        text.addClassName("campaign-progress");
        VerticalLayout cell = new VerticalLayout(bar, text);
        if (c.coveredCount() > 0) {
            Span elsewhere = new Span(getTranslation("appraisal.coveredOf", String.valueOf(c.coveredCount())));
            elsewhere.addClassName("campaign-covered-count");
            cell.add(elsewhere);
        }
        cell.setPadding(false);
        cell.setSpacing(false);
        return cell;
    }

    private Span resumeButton(Campaign c) {
        Span cell = new Span();
        if (Campaign.Status.LAUNCHING.name().equals(c.status()) && !launcher.isRunning(c.id())) {
            Button resume = new Button(getTranslation("appraisal.resume"), e -> {
                try {
                    launcher.resume(c.id(), user.username());
                    refresh();
                } catch (AppraisalException ex) {
                    Notification.show(getTranslation(ex.key(), ex.args()))
                            .addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
            });
            resume.setId("campaign-resume-" + c.id());
            cell.add(resume);
        }
        return cell;
    }

    /** Reloads the campaigns; polls while one of them is being launched here. */
    void refresh() {
        List<Campaign> campaigns = reports.campaigns(user);
        boolean launching = campaigns.stream().anyMatch(c -> launcher.isRunning(c.id()));
        if (!launching && campaigns.stream().anyMatch(c -> Campaign.Status.LAUNCHING.name().equals(c.status()))) {
            // a launch may have ended while the list was read; polling stops now, so show how it ended
            campaigns = reports.campaigns(user);
        }
        grid.setItems(campaigns);
        getUI().ifPresent(ui -> ui.setPollInterval(launching ? POLL_MILLIS : -1));
    }

    @Override
    protected void onAttach(AttachEvent event) {
        polling = event.getUI().addPollListener(e -> refresh());
        refresh();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        polling.remove();
        event.getUI().setPollInterval(-1);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.appraisal") + " · " + getTranslation("app.name");
    }
}
