package cn.cadreflow.trainingplan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cadreflow.annualreview.TrainingNeed;
import cn.cadreflow.annualreview.TrainingNeeds;
import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.trainingplan.internal.CatalogueMapper;
import cn.cadreflow.trainingplan.internal.PreferenceMapper;

/**
 * The cadres' wishes for a year's plan. The cadre enters their own; an HR officer may for a cadre in their scope.
 * Anyone else, and any id that is not a cadre, gets {@code trainingplan.error.cadreNotFound}.
 */
@Service
public class PreferenceService {

    public static final int WEEKS_MAX = 10;
    public static final int COURSES_MAX = 5;

    private final PreferenceMapper mapper;
    private final CatalogueMapper catalogue;
    private final CadreService cadres;
    private final TrainingNeeds needs;
    private final Clock clock;

    public PreferenceService(PreferenceMapper mapper, CatalogueMapper catalogue, CadreService cadres,
                             TrainingNeeds needs, Clock clock) {
        this.mapper = mapper;
        this.catalogue = catalogue;
        this.cadres = cadres;
        this.needs = needs;
        this.clock = clock;
    }

    /**
     * The year's catalogue courses for the cadre to choose from: first those that target the capability gaps of
     * the cadre's open training needs (from the annual reviews), most gaps first, each with the gaps it targets;
     * then the others, by start date.
     */
    public List<CourseChoice> courses(long cadreId, int year, UserContext actor) {
        inScope(cadreId, actor);
        List<TrainingNeed> open = needs.ofCadre(cadreId).stream().filter(n -> "OPEN".equals(n.status())).toList();
        List<CourseChoice> choices = new ArrayList<>();
        for (CatalogueMapper.CourseRow row : catalogue.between(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))) {
            CatalogueCourse course = CourseCatalogue.course(row);
            List<TrainingNeed> met = open.stream().filter(n -> course.capabilities().contains(n.capabilityName()))
                    .toList();
            choices.add(new CourseChoice(course, met.stream().map(TrainingNeed::capabilityName).distinct().toList(),
                    met.stream().map(TrainingNeed::reviewYear).filter(java.util.Objects::nonNull)
                            .max(Integer::compare).orElse(null)));
        }
        choices.sort(java.util.Comparator.comparingInt((CourseChoice c) -> -c.gaps().size())
                .thenComparing(c -> c.course().startDate()));
        return choices;
    }

    /** The cadre's preferences for the year, empty when none are stated. */
    public Optional<TrainingPreferences> of(long cadreId, int year, UserContext actor) {
        inScope(cadreId, actor);
        PreferenceMapper.PreferenceRow row = mapper.find(cadreId, year);
        return row == null ? Optional.empty() : Optional.of(new TrainingPreferences(cadreId, year,
                numbers(row.preferredWeeks).stream().map(Long::intValue).collect(Collectors.toCollection(TreeSet::new)),
                numbers(row.impossibleWeeks).stream().map(Long::intValue).collect(Collectors.toCollection(TreeSet::new)),
                numbers(row.preferredCourses)));
    }

    /** States (or replaces) the cadre's preferences for the year; bad input saves nothing. */
    @Transactional
    public void save(TrainingPreferences preferences, UserContext actor) {
        inScope(preferences.cadreId(), actor);
        List<CatalogueException.Problem> problems = check(preferences);
        if (!problems.isEmpty()) {
            throw new CatalogueException(problems);
        }
        PreferenceMapper.PreferenceRow row = new PreferenceMapper.PreferenceRow();
        row.cadreId = preferences.cadreId();
        row.planYear = preferences.year();
        row.preferredWeeks = join(preferences.preferredWeeks());
        row.impossibleWeeks = join(preferences.impossibleWeeks());
        row.preferredCourses = join(preferences.preferredCourseIds());
        if (mapper.update(row, actor.username(), clock.instant()) == 0) {
            mapper.insert(row, actor.username(), clock.instant());
        }
    }

    private void inScope(long cadreId, UserContext actor) {
        Cadre cadre = cadres.find(cadreId).orElse(null);
        boolean self = actor.cadreId() != null && actor.cadreId() == cadreId;
        if (cadre == null || !(self || actor.hrUnitIds().contains(cadre.unitId()))) {
            throw new CatalogueException("trainingplan.error.cadreNotFound");
        }
    }

    private List<CatalogueException.Problem> check(TrainingPreferences p) {
        List<CatalogueException.Problem> problems = new ArrayList<>();
        if (p.year() < 2000 || p.year() > 2100) {
            problems.add(problem("trainingplan.error.year"));
            return problems;
        }
        int lastWeek = LocalDate.of(p.year(), 12, 28).get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        for (SortedSet<Integer> weeks : List.of(p.preferredWeeks(), p.impossibleWeeks())) {
            if (weeks.size() > WEEKS_MAX || (!weeks.isEmpty() && (weeks.first() < 1 || weeks.last() > lastWeek))) {
                problems.add(problem("trainingplan.error.weeks", WEEKS_MAX, lastWeek));
            }
        }
        Set<Integer> both = new HashSet<>(p.preferredWeeks());
        both.retainAll(p.impossibleWeeks());
        if (!both.isEmpty()) {
            problems.add(problem("trainingplan.error.weekBoth", join(new TreeSet<>(both))));
        }
        List<Long> courses = p.preferredCourseIds();
        if (courses.size() > COURSES_MAX || new HashSet<>(courses).size() < courses.size()) {
            problems.add(problem("trainingplan.error.courses", COURSES_MAX));
        } else if (!courses.isEmpty() && catalogue.existing(courses, LocalDate.of(p.year(), 1, 1),
                LocalDate.of(p.year(), 12, 31)).size() < courses.size()) {
            problems.add(problem("trainingplan.error.courseUnknown", p.year()));
        }
        return problems;
    }

    private static String join(java.util.Collection<? extends Number> numbers) {
        return numbers.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static List<Long> numbers(String joined) {
        return joined == null || joined.isEmpty() ? List.of()
                : Arrays.stream(joined.split(",")).map(Long::valueOf).toList();
    }

    private static CatalogueException.Problem problem(String key, Object... args) {
        return new CatalogueException.Problem(key, List.of(args));
    }
}
