package cn.cadreflow.trainingplan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;

import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.org.OrgUnit;
import cn.cadreflow.security.AppRoles;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.training.TrainingLedger;
import cn.cadreflow.trainingplan.internal.CatalogueMapper;
import cn.cadreflow.trainingplan.internal.PlanInputs;
import cn.cadreflow.trainingplan.internal.PlanMapper;
import cn.cadreflow.trainingplan.internal.PlanReviews;
import cn.cadreflow.trainingplan.internal.PlanSettings;
import cn.cadreflow.trainingplan.internal.PlanStore;
import cn.cadreflow.trainingplan.internal.ReportFigures;
import cn.cadreflow.trainingplan.schedule.Plan;

/**
 * HR's training report ({@link TrainingReport}) of a year over the units of the officer's HR scope. The cadres,
 * their ledgers, the published assignments and the year's courses are read in batches (a handful of queries however
 * many cadres); the staffing heat map is the plan review of each published plan of the year that lies wholly within
 * the scope. Anyone but an HR officer gets {@code trainingplan.plan.notFound}.
 */
@Service
public class TrainingReports {

    /** How many years back a report may go. */
    public static final int YEARS_BACK = 10;

    private final PlanMapper plans;
    private final CatalogueMapper catalogue;
    private final PlanInputs inputs;
    private final PlanSettings settings;
    private final OrgService org;
    private final CadreService cadres;
    private final TrainingLedger ledger;
    private final Clock clock;

    public TrainingReports(PlanMapper plans, CatalogueMapper catalogue, PlanInputs inputs, PlanSettings settings,
                           OrgService org, CadreService cadres, TrainingLedger ledger, Clock clock) {
        this.plans = plans;
        this.catalogue = catalogue;
        this.inputs = inputs;
        this.settings = settings;
        this.org = org;
        this.cadres = cadres;
        this.ledger = ledger;
        this.clock = clock;
    }

    public TrainingReport report(int year, UserContext actor) {
        if (!actor.has(AppRoles.HR_OFFICER)) {
            throw new CatalogueException("trainingplan.plan.notFound");
        }
        int now = LocalDate.now(clock).getYear();
        if (year < now - YEARS_BACK || year > now + 1) {
            throw new CatalogueException("trainingplan.report.yearRange", now - YEARS_BACK, now + 1);
        }
        Set<Long> scope = actor.hrUnitIds();
        List<OrgUnit> units = org.units(scope).values().stream()
                .sorted(Comparator.comparing(OrgUnit::sortOrder).thenComparing(OrgUnit::id)).toList();
        Map<Long, Cadre> people = cadres.findAll(cadres.activeIdsInUnits(scope));

        LocalDate monday = PlanInputs.firstMonday(year);
        int weeks = PlanInputs.weeks(year);
        Map<Long, CatalogueCourse> courses = new HashMap<>();
        for (CatalogueMapper.CourseRow row : catalogue.between(monday, monday.plusWeeks(weeks).minusDays(1))) {
            courses.put(row.id, CourseCatalogue.course(row));
        }
        Map<Long, CatalogueCourse> immersive = new HashMap<>();
        List<PlanReview.UnitWeeks> staffing = new ArrayList<>();
        for (PlanMapper.PlanRow row : plans.ofYear(year)) {
            if (!TrainingPlan.Status.PUBLISHED.name().equals(row.status)) {
                continue;
            }
            Plan published = PlanStore.load(plans, row.id, true);
            if (published == null) {
                continue;
            }
            published.assignments().forEach((cadre, a) -> {
                long cadreId = Long.parseLong(cadre);
                CatalogueCourse week = a.immersiveCourseId() == null ? null
                        : courses.get(Long.valueOf(a.immersiveCourseId()));
                if (week != null && people.containsKey(cadreId)) {
                    immersive.put(cadreId, week);
                }
            });
            TrainingPlan plan = TrainingPlanService.plan(row);
            if (scope.containsAll(plan.unitIds())) {
                staffing.addAll(PlanReviews.review(plan, inputs.build(year, plan.unitIds()), published).units());
            }
        }
        return ReportFigures.of(year, settings.hoursRule(), units, List.copyOf(people.values()),
                ledger.ledgers(people.keySet()), immersive, weeks, staffing);
    }
}
