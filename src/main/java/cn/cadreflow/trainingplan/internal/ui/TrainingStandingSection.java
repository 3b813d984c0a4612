package cn.cadreflow.trainingplan.internal.ui;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import cn.cadreflow.annualreview.TrainingNeed;
import cn.cadreflow.annualreview.TrainingNeeds;
import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.cadre.CadreFileSection;
import cn.cadreflow.i18n.AppI18NProvider;
import cn.cadreflow.training.TrainingLedger;
import cn.cadreflow.training.TrainingRecord;
import cn.cadreflow.trainingplan.PublishedTraining;
import cn.cadreflow.trainingplan.TrainingPlanService;
import cn.cadreflow.trainingplan.internal.PlanSettings;
import cn.cadreflow.trainingplan.internal.TrainingStanding;

/**
 * 培训达标情况 in the cadre file (on screen and printed): per year of the last five the 学时 and days credited in
 * the ledger against what the rank requires (乡科级 and below a year's 学时 or days; 县处级 and above 学时 in the
 * window ending with the year), the immersive week (同吃同住同劳动) the published plans of this and next year give
 * the cadre and whether the ledger shows it taken, and the training needs of the annual reviews that are closed. The
 * file view has checked access already.
 */
@Component
class TrainingStandingSection implements CadreFileSection {

    static final int YEARS = 5;

    private final TrainingLedger ledger;
    private final TrainingPlanService plans;
    private final TrainingNeeds needs;
    private final PlanSettings settings;
    private final AppI18NProvider i18n;
    private final Clock clock;

    TrainingStandingSection(TrainingLedger ledger, TrainingPlanService plans, TrainingNeeds needs,
                            PlanSettings settings, AppI18NProvider i18n, Clock clock) {
        this.ledger = ledger;
        this.plans = plans;
        this.needs = needs;
        this.settings = settings;
        this.i18n = i18n;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 12;
    }

    @Override
    public String titleKey() {
        return "trainingplan.file.title";
    }

    /** An immersive week of a published plan and whether it is taken, still to come or missed. */
    record Week(PublishedTraining training, String state) {
    }

    @Override
    public com.vaadin.flow.component.Component render(Cadre cadre, Locale locale) {
        LocalDate today = LocalDate.now(clock);
        List<TrainingRecord> records = ledger.ledger(cadre.id());
        List<TrainingStanding> years = new ArrayList<>();
        for (int year = today.getYear(); year > today.getYear() - YEARS; year--) {
            years.add(TrainingStanding.of(settings.hoursRule(), cadre.rankCode(), year, records));
        }
        Grid<TrainingStanding> hours = new Grid<>();
        hours.setId("training-standing");
        hours.setAllRowsVisible(true);
        hours.addColumn(TrainingStanding::year).setHeader(t("trainingplan.file.year", locale)).setAutoWidth(true);
        hours.addColumn(s -> s.hoursInYear().stripTrailingZeros().toPlainString())
                .setHeader(t("trainingplan.file.hours", locale)).setAutoWidth(true);
        hours.addColumn(TrainingStanding::daysInYear).setHeader(t("trainingplan.file.days", locale))
                .setAutoWidth(true);
        hours.addColumn(s -> s.senior()
                        ? t("trainingplan.file.requiredSenior", locale, s.requiredHours(), s.windowFrom(), s.year(),
                        s.hoursCounted().stripTrailingZeros().toPlainString())
                        : t("trainingplan.file.requiredJunior", locale, s.requiredHours(), s.requiredDays()))
                .setHeader(t("trainingplan.file.required", locale)).setAutoWidth(true);
        hours.addColumn(s -> t(s.met() ? "trainingplan.file.met" : "trainingplan.file.notMet", locale))
                .setHeader(t("trainingplan.file.standing", locale)).setAutoWidth(true);
        hours.setItems(years);

        List<Week> weeks = new ArrayList<>();
        for (int year : List.of(today.getYear(), today.getYear() + 1)) {
            plans.published(cadre.id(), year).stream().filter(p -> p.course().immersive())
                    .forEach(p -> weeks.add(new Week(p, TrainingStanding.taken(p.course(), records) ? "taken"
                            : p.course().endDate().isBefore(today) ? "missed" : "coming")));
        }
        Grid<Week> immersive = new Grid<>();
        immersive.setId("training-immersive");
        immersive.setAllRowsVisible(true);
        immersive.addColumn(w -> w.training().year()).setHeader(t("trainingplan.file.year", locale))
                .setAutoWidth(true);
        immersive.addColumn(w -> w.training().course().title()).setHeader(t("trainingplan.file.course", locale))
                .setAutoWidth(true);
        immersive.addColumn(w -> w.training().course().startDate() + " ~ " + w.training().course().endDate())
                .setHeader(t("trainingplan.file.dates", locale)).setAutoWidth(true);
        immersive.addColumn(w -> w.training().course().place()).setHeader(t("trainingplan.file.place", locale))
                .setAutoWidth(true);
        immersive.addColumn(w -> t("trainingplan.file.week." + w.state(), locale))
                .setHeader(t("trainingplan.file.standing", locale)).setAutoWidth(true);
        immersive.setItems(weeks);
        immersive.setEmptyStateText(t("trainingplan.file.noWeek", locale));

        Grid<TrainingNeed> closed = new Grid<>();
        closed.setId("training-needs-closed");
        closed.setAllRowsVisible(true);
        closed.addColumn(TrainingNeed::capabilityName).setHeader(t("trainingplan.file.capability", locale))
                .setAutoWidth(true);
        closed.addColumn(n -> n.reviewYear() == null ? "" : String.valueOf(n.reviewYear()))
                .setHeader(t("trainingplan.file.reviewYear", locale)).setAutoWidth(true);
        closed.setItems(needs.ofCadre(cadre.id()).stream().filter(n -> !"OPEN".equals(n.status())).toList());
        closed.setEmptyStateText(t("trainingplan.file.noNeeds", locale));

        VerticalLayout box = new VerticalLayout(hours, new H4(t("trainingplan.file.immersive", locale)), immersive,
                new H4(t("trainingplan.file.needs", locale)), closed);
        box.setPadding(false);
        box.setId("training-standing-section");
        return box;
    }

    private String t(String key, Locale locale, Object... args) {
        return i18n.getTranslation(key, locale, args);
    }
}
