package cn.cadreflow.trainingplan.internal.ui;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import cn.cadreflow.org.OrgService;
import cn.cadreflow.org.OrgUnit;
import cn.cadreflow.security.AppRoles;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;
import cn.cadreflow.trainingplan.CatalogueException;
import cn.cadreflow.trainingplan.PlanReview;
import cn.cadreflow.trainingplan.PlanRun;
import cn.cadreflow.trainingplan.TrainingPlan;
import cn.cadreflow.trainingplan.TrainingPlanService;
import cn.cadreflow.ui.EChart;
import cn.cadreflow.ui.Notices;
import jakarta.annotation.security.RolesAllowed;

/**
 * 培训计划编排 for HR: open planning of a year for units in scope (the yearly timer opens one per county on its own),
 * run the solver in the background (the page stays usable and follows the run by server push), review the
 * proposal per unit and week on the staffing-headroom heat map and per cadre with unmet hours and their reason,
 * see why an input cannot be planned (units and weeks), move an assignment by hand (the independent checker runs
 * on every move; a move that breaks a hard rule is refused with the rule), and publish when the checker finds no
 * hard violation.
 */
@Route("training/plan")
@Menu(order = 10.4, title = "trainingplan.nav.plan", icon = "vaadin:calendar-user")
@RolesAllowed(AppRoles.HR_OFFICER)
public class PlanView extends VerticalLayout implements HasDynamicTitle {

    private final TrainingPlanService plans;
    private final UserContext user;
    private final OrgService.OrgTree tree;

    final IntegerField year = new IntegerField();
    final MultiSelectComboBox<OrgUnit> units = new MultiSelectComboBox<>();
    final Button open = new Button();
    final Select<TrainingPlan> plan = new Select<>();
    final Button run = new Button();
    final ProgressBar progress = new ProgressBar();
    final Span status = new Span();
    final UnorderedList obstacles = new UnorderedList();
    final UnorderedList violations = new UnorderedList();
    final Span checker = new Span();
    final Span unusable = new Span();
    final Button publish = new Button();
    final EChart heatMap = new EChart();
    final Grid<PlanReview.CadreRow> grid = new Grid<>();
    final PlanMoveForm move;
    private Runnable stopWatching;
    private UI ui;

    public PlanView(TrainingPlanService plans, UserService users, OrgService org) {
        this.plans = plans;
        this.user = users.current();
        this.tree = org.tree();
        addClassName("view");
        setSizeFull();

        year.setId("plan-year");
        year.setLabel(getTranslation("trainingplan.year"));
        year.setValue(LocalDate.now().getYear() + 1);
        year.setStepButtonsVisible(true);
        units.setId("plan-units");
        units.setLabel(getTranslation("trainingplan.plan.unitsLabel"));
        units.setItems(user.hrUnitIds().stream().map(tree::unit).flatMap(Optional::stream)
                .sorted(Comparator.comparing(OrgUnit::id)).toList());
        units.setItemLabelGenerator(u -> tree.path(u.id()));
        units.setWidth("32em");
        open.setId("plan-open");
        open.setText(getTranslation("trainingplan.plan.open"));
        open.addClickListener(e -> openPlan());
        HorizontalLayout opening = new HorizontalLayout(year, units, open);
        opening.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        plan.setId("plan-select");
        plan.setLabel(getTranslation("trainingplan.plan.plan"));
        plan.setItemLabelGenerator(this::label);
        plan.setWidth("32em");
        plan.addValueChangeListener(e -> show());
        run.setId("plan-run");
        run.setText(getTranslation("trainingplan.plan.run"));
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.addClickListener(e -> start());
        progress.setId("plan-progress");
        progress.setIndeterminate(true);
        progress.setVisible(false);
        progress.setWidth("12em");
        status.setId("plan-status");
        HorizontalLayout running = new HorizontalLayout(plan, run, progress, status);
        running.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        obstacles.setId("plan-obstacles");
        violations.setId("plan-violations");
        checker.setId("plan-checker");
        unusable.setId("plan-unusable");
        publish.setId("plan-publish");
        publish.setText(getTranslation("trainingplan.plan.publish"));
        publish.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        publish.addClickListener(e -> publish());
        heatMap.setId("plan-heatmap");

        grid.setId("plan-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(PlanReview.CadreRow::name).setHeader(getTranslation("trainingplan.plan.cadre")).setAutoWidth(true);
        grid.addColumn(PlanReview.CadreRow::unitName).setHeader(getTranslation("trainingplan.plan.unit"))
                .setAutoWidth(true);
        grid.addColumn(r -> r.immersive() == null ? getTranslation("trainingplan.plan.noWeek") : course(r.immersive()))
                .setHeader(getTranslation("trainingplan.plan.immersive")).setAutoWidth(true);
        grid.addColumn(r -> r.courses().stream().map(this::course).collect(Collectors.joining("；")))
                .setHeader(getTranslation("trainingplan.plan.courses")).setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(r -> getTranslation("trainingplan.plan.hoursOf", r.plannedHours(), r.requiredHours()))
                .setHeader(getTranslation("trainingplan.plan.hours")).setAutoWidth(true);
        grid.addColumn(r -> r.shortfall() == null ? "" : Problems.text(this, r.shortfall())).setKey("shortfall")
                .setHeader(getTranslation("trainingplan.plan.shortfall")).setAutoWidth(true);
        grid.setAllRowsVisible(true);

        move = new PlanMoveForm(this, this::moved);

        add(new H2(getTranslation("trainingplan.nav.plan")), opening, running, obstacles, heatMap,
                new HorizontalLayout(checker, publish), violations, new H3(getTranslation("trainingplan.plan.byCadre")),
                grid, move, unusable);
        List<TrainingPlan> mine = plans.plans(user);
        plan.setItems(mine);
        if (!mine.isEmpty()) {
            plan.setValue(mine.get(0));
        }
        show();
    }

    String course(PlanReview.CourseRef c) {
        return getTranslation("trainingplan.plan.courseInWeek", c.title(), c.week());
    }

    private String label(TrainingPlan p) {
        String names = p.unitIds().stream().map(tree::unit).flatMap(Optional::stream).map(OrgUnit::name)
                .collect(Collectors.joining("、"));
        return getTranslation("trainingplan.plan.label", p.year(), names,
                getTranslation("trainingplan.plan.status." + p.status()));
    }

    private void openPlan() {
        try {
            TrainingPlan opened = plans.open(year.getValue() == null ? 0 : year.getValue(),
                    units.getValue().stream().map(OrgUnit::id).collect(Collectors.toSet()), user);
            List<TrainingPlan> mine = plans.plans(user);
            plan.setItems(mine);
            plan.setValue(mine.stream().filter(p -> p.id() == opened.id()).findFirst().orElse(null));
            units.clear();
            Notices.success(getTranslation("trainingplan.plan.opened", opened.year()));
        } catch (CatalogueException e) {
            Notices.error(String.join("；", Problems.texts(this, e)));
        }
    }

    private void start() {
        if (plan.getValue() == null) {
            return;
        }
        try {
            plans.start(plan.getValue().id(), user);
            showRun();
        } catch (CatalogueException e) {
            Notices.error(String.join("；", Problems.texts(this, e)));
        }
    }

    private void publish() {
        try {
            TrainingPlan published = plans.publish(plan.getValue().id(), user);
            Notices.success(getTranslation("trainingplan.plan.published", published.year()));
            List<TrainingPlan> mine = plans.plans(user);
            plan.setItems(mine);
            plan.setValue(mine.stream().filter(p -> p.id() == published.id()).findFirst().orElse(null));
        } catch (CatalogueException e) {
            Notices.error(String.join("；", Problems.texts(this, e)));
        }
    }

    private void moved(PlanReview review) {
        showReview(review);
    }

    /** Shows the chosen plan: its run, and its proposal when no run is going on. */
    void show() {
        watch();
        boolean chosen = plan.getValue() != null;
        run.setEnabled(chosen);
        PlanRun current = chosen ? plans.run(plan.getValue().id()) : null;
        showRun();
        if (!chosen || (current != null && current.running())) {
            return;
        }
        showReview(plans.review(plan.getValue().id(), user));
    }

    private void showRun() {
        PlanRun current = plan.getValue() == null ? null : plans.run(plan.getValue().id());
        boolean running = current != null && current.running();
        progress.setVisible(running);
        run.setEnabled(plan.getValue() != null && !running);
        publish.setEnabled(!running && publish.isEnabled());
        if (current == null) {
            status.setText("");
        } else if (running) {
            long seconds = Duration.between(current.started(), java.time.Instant.now()).toSeconds();
            status.setText(getTranslation("trainingplan.run.running", seconds,
                    current.bestScore() == null ? "—" : current.bestScore()));
        } else {
            status.setText(getTranslation(current.failed() ? "trainingplan.run.failed" : "trainingplan.run.done",
                    current.bestScore() == null ? "—" : current.bestScore()));
        }
    }

    void showReview(PlanReview review) {
        obstacles.removeAll();
        review.obstacles().forEach(o -> obstacles.add(new ListItem(Problems.text(this, o))));
        violations.removeAll();
        review.violations().forEach(v -> violations.add(new ListItem(Problems.text(this, v))));
        checker.setText(review.cadres().isEmpty() ? getTranslation("trainingplan.plan.noCadres")
                : getTranslation("trainingplan.plan.checker", review.violations().size(), review.preferencesMet(),
                        review.preferencesStated()));
        publish.setEnabled(review.publishable() && review.cadres().stream().anyMatch(r -> r.immersive() != null));
        heatMap.setOption(HeatMap.option(review, this::getTranslation));
        unusable.setText(review.unusableCourses().isEmpty() ? "" : getTranslation("trainingplan.plan.unusable",
                String.join("、", review.unusableCourses())));
        grid.setItems(review.cadres());
        move.show(plan.getValue(), review);
    }

    TrainingPlanService plans() {
        return plans;
    }

    UserContext user() {
        return user;
    }

    /** Follows the chosen plan's runs: each new best score and the end are pushed to this page. */
    private void watch() {
        if (stopWatching != null) {
            stopWatching.run();
            stopWatching = null;
        }
        if (ui != null && plan.getValue() != null) {
            UI attached = ui;
            long id = plan.getValue().id();
            stopWatching = plans.watch(id, () -> attached.access(() -> {
                if (plan.getValue() != null && plan.getValue().id() == id) {
                    PlanRun current = plans.run(id);
                    if (current != null && !current.running()) {
                        show();
                    } else {
                        showRun();
                    }
                }
            }));
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        ui = event.getUI();
        watch();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (stopWatching != null) {
            stopWatching.run();
            stopWatching = null;
        }
        ui = null;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("trainingplan.nav.plan") + " · " + getTranslation("app.name");
    }
}
