package cn.cadreflow.trainingplan.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.cadreflow.annualreview.TrainingNeed;
import cn.cadreflow.annualreview.TrainingNeeds;
import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.org.OrgUnit;
import cn.cadreflow.secondment.Secondment;
import cn.cadreflow.secondment.SecondmentService;
import cn.cadreflow.training.TrainingLedger;
import cn.cadreflow.training.TrainingRecord;
import cn.cadreflow.trainingleave.TrainingLeaveRequest;
import cn.cadreflow.trainingleave.TrainingLeaveService;
import cn.cadreflow.trainingplan.CatalogueCourse;
import cn.cadreflow.trainingplan.CourseCatalogue;
import cn.cadreflow.trainingplan.schedule.HoursRule;
import cn.cadreflow.trainingplan.schedule.PlanCadre;
import cn.cadreflow.trainingplan.schedule.PlanCourse;
import cn.cadreflow.trainingplan.schedule.PlanProblem;
import cn.cadreflow.trainingplan.schedule.PlanUnit;

/**
 * Builds the planning problem of a year for a set of units from the real data, each read through its module's API:
 * the units and their minimum on-duty staffing (org), the active cadres and their ranks (cadre), what the training
 * ledger already credits (training), approved secondments (secondment) and approved training leaves
 * (trainingleave) as other absences, the open training needs of the annual reviews as capability gaps
 * (annualreview), and this module's catalogue and preferences. A unit's headcount is its active cadres.
 */
@Component
public class PlanInputs {

    private final OrgService org;
    private final CadreService cadres;
    private final SecondmentService secondments;
    private final TrainingLeaveService leaves;
    private final TrainingLedger ledger;
    private final TrainingNeeds needs;
    private final CatalogueMapper catalogue;
    private final PreferenceMapper preferences;
    private final PlanSettings settings;

    public PlanInputs(OrgService org, CadreService cadres, SecondmentService secondments, TrainingLeaveService leaves,
                      TrainingLedger ledger, TrainingNeeds needs, CatalogueMapper catalogue,
                      PreferenceMapper preferences, PlanSettings settings) {
        this.org = org;
        this.cadres = cadres;
        this.secondments = secondments;
        this.leaves = leaves;
        this.ledger = ledger;
        this.needs = needs;
        this.catalogue = catalogue;
        this.preferences = preferences;
        this.settings = settings;
    }

    /**
     * The input and what the names in it stand for. Plan ids are the database ids as text. {@code skipped} are the
     * year's catalogue courses the plan cannot use: they do not lie within one working week of the year.
     */
    public record Inputs(int year, PlanProblem problem, LocalDate firstMonday, Map<String, OrgUnit> units,
                         Map<String, Cadre> cadres, Map<String, CatalogueCourse> courses,
                         List<CatalogueCourse> skipped, Map<String, List<String>> gaps) {

        /** The Monday of the plan's week (0-based). */
        public LocalDate monday(int week) {
            return firstMonday.plusWeeks(week);
        }
    }

    /** Monday of ISO week 1 of the year. */
    public static LocalDate firstMonday(int year) {
        return LocalDate.of(year, 1, 4).with(DayOfWeek.MONDAY);
    }

    /** The ISO weeks of the year (52 or 53). */
    public static int weeks(int year) {
        return (int) LocalDate.of(year, 12, 28).get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    public Inputs build(int year, Collection<Long> unitIds) {
        LocalDate monday = firstMonday(year);
        int weeks = weeks(year);
        LocalDate lastDay = monday.plusWeeks(weeks).minusDays(1);
        Map<Long, OrgUnit> units = org.units(unitIds);
        Map<Long, Cadre> people = cadres.findAll(cadres.activeIdsInUnits(units.keySet()));
        List<Cadre> planned = people.values().stream().sorted(java.util.Comparator.comparing(Cadre::id)).toList();

        Map<String, CatalogueCourse> courses = new LinkedHashMap<>();
        List<CatalogueCourse> skipped = new ArrayList<>();
        List<PlanCourse> planCourses = new ArrayList<>();
        for (CatalogueMapper.CourseRow row : catalogue.between(monday, lastDay)) {
            CatalogueCourse course = CourseCatalogue.course(row);
            PlanCourse plan = planCourse(course, monday, weeks);
            if (plan == null) {
                skipped.add(course);
            } else {
                courses.put(plan.id(), course);
                planCourses.add(plan);
            }
        }

        // days away for other reasons, per cadre: approved secondments and approved training leaves
        Map<Long, boolean[]> away = new HashMap<>();
        int days = weeks * PlanProblem.DAYS_PER_WEEK;
        Map<Long, List<Secondment>> secondmentsOf = secondments.ofCadres(people.keySet());
        for (Cadre cadre : planned) {
            for (Secondment s : secondmentsOf.getOrDefault(cadre.id(), List.of())) {
                if (s.status().current()) {
                    markAway(away.computeIfAbsent(cadre.id(), k -> new boolean[days]), monday, s.startDate(),
                            s.endDate());
                }
            }
        }
        for (TrainingLeaveRequest leave : leaves.approvedLeaves(people.keySet(), monday, lastDay)) {
            markAway(away.computeIfAbsent(leave.cadreId(), k -> new boolean[days]), monday, leave.startDate(),
                    leave.endDate());
        }

        Map<String, OrgUnit> unitById = new LinkedHashMap<>();
        List<PlanUnit> planUnits = new ArrayList<>();
        Map<Long, List<Cadre>> byUnit = planned.stream().collect(Collectors.groupingBy(Cadre::unitId));
        for (OrgUnit unit : units.values().stream().sorted(java.util.Comparator.comparing(OrgUnit::sortOrder)
                .thenComparing(OrgUnit::id)).toList()) {
            List<Cadre> staff = byUnit.getOrDefault(unit.id(), List.of());
            int[] other = new int[days];
            for (Cadre cadre : staff) {
                boolean[] gone = away.get(cadre.id());
                for (int d = 0; gone != null && d < days; d++) {
                    other[d] += gone[d] ? 1 : 0;
                }
            }
            unitById.put(String.valueOf(unit.id()), unit);
            planUnits.add(new PlanUnit(String.valueOf(unit.id()), unit.name(), staff.size(), unit.minStaffing(), other));
        }

        HoursRule rule = settings.hoursRule();
        Map<Long, List<TrainingRecord>> ledgers = ledger.ledgers(people.keySet());
        Map<String, Cadre> cadreById = new LinkedHashMap<>();
        Map<String, List<String>> gaps = new LinkedHashMap<>();
        List<PlanCadre> planCadres = new ArrayList<>();
        Map<Long, List<TrainingNeed>> needsOf = needs.ofCadres(people.keySet());
        Map<Long, PreferenceMapper.PreferenceRow> wishes = new HashMap<>();
        OrgService.batches(people.keySet(), batch -> preferences.findAll(batch, year)
                .forEach(w -> wishes.put(w.cadreId, w)));
        for (Cadre cadre : planned) {
            String id = String.valueOf(cadre.id());
            cadreById.put(id, cadre);
            List<String> open = needsOf.getOrDefault(cadre.id(), List.of()).stream().filter(n -> "OPEN".equals(n.status()))
                    .map(TrainingNeed::capabilityName).distinct().toList();
            gaps.put(id, open);
            PreferenceMapper.PreferenceRow wish = wishes.get(cadre.id());
            Set<Integer> impossible = new HashSet<>(weeks(wish == null ? null : wish.impossibleWeeks));
            boolean[] gone = away.get(cadre.id());
            for (int d = 0; gone != null && d < days; d++) {
                if (gone[d]) {
                    impossible.add(d / PlanProblem.DAYS_PER_WEEK + 1);
                }
            }
            Set<String> preferred = new HashSet<>(wish == null || wish.preferredCourses.isEmpty() ? List.of()
                    : List.of(wish.preferredCourses.split(",")));
            preferred.retainAll(courses.keySet());
            planCadres.add(new PlanCadre(id, cadre.name(), String.valueOf(cadre.unitId()),
                    requirement(rule, cadre, year, ledgers.get(cadre.id())),
                    zeroBased(weeks(wish == null ? null : wish.preferredWeeks)),
                    zeroBased(impossible), preferred, Set.copyOf(open)));
        }
        return new Inputs(year, new PlanProblem(weeks, planUnits, planCadres, planCourses), monday, unitById,
                cadreById, courses, skipped, gaps);
    }

    private static cn.cadreflow.trainingplan.schedule.Requirement requirement(HoursRule rule, Cadre cadre, int year,
                                                                              List<TrainingRecord> records) {
        int hoursThisYear = 0;
        int daysThisYear = 0;
        int earlier = 0;
        for (TrainingRecord record : records) {
            int hours = record.hours() == null ? 0 : record.hours().setScale(0, RoundingMode.DOWN).intValue();
            if (record.trainingYear() == year) {
                hoursThisYear += hours;
                daysThisYear += record.startDate() == null || record.endDate() == null ? 0
                        : (int) ChronoUnit.DAYS.between(record.startDate(), record.endDate()) + 1;
            } else if (record.trainingYear() < year && record.trainingYear() > year - rule.seniorWindowYears()) {
                earlier += hours;
            }
        }
        return rule.outstanding(cadre.rankCode(), hoursThisYear, daysThisYear, earlier);
    }

    /** The course as the plan sees it, or null when it does not lie within one working week of the plan. */
    static PlanCourse planCourse(CatalogueCourse course, LocalDate monday, int weeks) {
        long fromMonday = ChronoUnit.DAYS.between(monday, course.startDate());
        long week = Math.floorDiv(fromMonday, 7);
        int first = course.startDate().getDayOfWeek().getValue() - 1;
        int last = course.endDate().getDayOfWeek().getValue() - 1;
        if (week < 0 || week >= weeks || first > 4 || last > 4
                || ChronoUnit.DAYS.between(course.startDate(), course.endDate()) > last - first) {
            return null;
        }
        int hours = course.hours().setScale(0, RoundingMode.HALF_UP).max(BigDecimal.ONE).intValue();
        return new PlanCourse(String.valueOf(course.id()), course.title(), course.immersive(), (int) week, first,
                last - first + 1, hours, course.capacity(), Set.copyOf(course.capabilities()));
    }

    private static void markAway(boolean[] gone, LocalDate monday, LocalDate from, LocalDate to) {
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            long offset = ChronoUnit.DAYS.between(monday, day);
            int weekday = day.getDayOfWeek().getValue() - 1;
            if (offset >= 0 && weekday < 5) {
                int index = (int) (offset / 7) * PlanProblem.DAYS_PER_WEEK + weekday;
                if (index >= gone.length) {
                    return;
                }
                gone[index] = true;
            }
        }
    }

    private static Set<Integer> weeks(String joined) {
        Set<Integer> weeks = new HashSet<>();
        if (joined != null && !joined.isEmpty()) {
            for (String w : joined.split(",")) {
                weeks.add(Integer.valueOf(w));
            }
        }
        return weeks;
    }

    private static Set<Integer> zeroBased(Set<Integer> isoWeeks) {
        return isoWeeks.stream().map(w -> w - 1).collect(Collectors.toSet());
    }
}
