package cn.cadreflow.trainingplan;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cadreflow.annualreview.AppraisalSettings;
import cn.cadreflow.security.AppRoles;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.trainingplan.internal.CatalogueMapper;
import cn.cadreflow.trainingplan.internal.CatalogueXlsx;
import cn.cadreflow.trainingplan.internal.PlanMapper;

/**
 * 培训课程目录, the course catalogue the yearly plan draws on. HR officers and administrators keep it: add a
 * course, import courses from .xlsx (all or nothing, every bad row reported by line) and export a year's courses
 * in the same format, change and delete a course (not one a plan has assigned anyone to). Anyone else is refused with {@code trainingplan.error.notAllowed}.
 */
@Service
public class CourseCatalogue {

    public static final String SEPARATOR = "、";
    public static final int TITLE_MAX = 200;
    public static final int PLACE_MAX = 200;
    public static final int CAPABILITIES_MAX = 500;
    public static final int CAPACITY_MAX = 100_000;
    public static final BigDecimal HOURS_MAX = new BigDecimal("2000");
    public static final int FILE_MAX = 2 * 1024 * 1024;

    private final CatalogueMapper mapper;
    private final PlanMapper plans;
    private final Clock clock;
    private final AppraisalSettings frameworks;

    public CourseCatalogue(CatalogueMapper mapper, PlanMapper plans, Clock clock, AppraisalSettings frameworks) {
        this.mapper = mapper;
        this.frameworks = frameworks;
        this.plans = plans;
        this.clock = clock;
    }

    /** The capabilities a course may target: those of the annual review's capability frameworks (the picker's items). */
    public List<String> capabilities(UserContext actor) {
        allowed(actor);
        return frameworks.capabilityNames();
    }

    /** {@link #check} and every capability outside the frameworks, by name. */
    private List<CatalogueException.Problem> checkAll(CatalogueCourse course, Set<String> known) {
        List<CatalogueException.Problem> problems = new ArrayList<>(check(course));
        String label = course.title() == null ? "" : course.title().strip();
        course.capabilities().stream().filter(c -> c != null && !c.isBlank() && !known.contains(c.strip()))
                .map(String::strip).distinct()
                .forEach(c -> problems.add(problem("trainingplan.error.unknownCapability", label, c)));
        return problems;
    }

    private Set<String> known() {
        return Set.copyOf(frameworks.capabilityNames());
    }

    /** The courses starting in the year, by start date. */
    public List<CatalogueCourse> year(int year, UserContext actor) {
        allowed(actor);
        return mapper.between(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).stream()
                .map(CourseCatalogue::course).toList();
    }

    @Transactional
    public CatalogueCourse add(CatalogueCourse course, UserContext actor) {
        allowed(actor);
        List<CatalogueException.Problem> problems = checkAll(course, known());
        if (!problems.isEmpty()) {
            throw new CatalogueException(problems);
        }
        return insert(course, actor);
    }

    /** Adds every course of the file, or none when any row is bad. Returns how many were added. */
    @Transactional
    public int importXlsx(byte[] file, UserContext actor) {
        allowed(actor);
        if (file == null || file.length == 0 || file.length > FILE_MAX) {
            throw new CatalogueException("trainingplan.import.size", FILE_MAX / 1024 / 1024);
        }
        List<CatalogueException.Problem> problems = new ArrayList<>();
        Map<Integer, CatalogueCourse> courses = CatalogueXlsx.read(file, problems);
        Set<String> known = known();
        courses.forEach((line, course) -> checkAll(course, known).forEach(p -> problems.add(
                new CatalogueException.Problem("trainingplan.import.row", List.of(line, p)))));
        if (problems.isEmpty() && courses.isEmpty()) {
            problems.add(new CatalogueException.Problem("trainingplan.import.empty", List.of()));
        }
        if (!problems.isEmpty()) {
            throw new CatalogueException(problems);
        }
        courses.values().forEach(course -> insert(course, actor));
        return courses.size();
    }

    /** Changes a course (every field but its id); bad input or an unknown id changes nothing. */
    @Transactional
    public CatalogueCourse update(CatalogueCourse course, UserContext actor) {
        allowed(actor);
        if (course.id() == null || mapper.find(course.id()) == null) {
            throw new CatalogueException("trainingplan.error.courseNotFound");
        }
        List<CatalogueException.Problem> problems = checkAll(course, known());
        if (!problems.isEmpty()) {
            throw new CatalogueException(problems);
        }
        CatalogueMapper.CourseRow row = row(course);
        row.id = course.id();
        mapper.update(row);
        return course(row);
    }

    /** Deletes a course no plan has assigned anyone to. */
    @Transactional
    public void delete(long courseId, UserContext actor) {
        allowed(actor);
        if (mapper.find(courseId) == null) {
            throw new CatalogueException("trainingplan.error.courseNotFound");
        }
        if (plans.courseUsed(courseId) > 0) {
            throw new CatalogueException("trainingplan.error.courseInPlan");
        }
        mapper.delete(courseId);
    }

    public byte[] exportXlsx(int year, UserContext actor) {
        return CatalogueXlsx.write(year(year, actor));
    }

    private static void allowed(UserContext actor) {
        if (actor == null || !(actor.has(AppRoles.ADMIN) || actor.has(AppRoles.HR_OFFICER))) {
            throw new CatalogueException("trainingplan.error.notAllowed");
        }
    }

    private CatalogueCourse insert(CatalogueCourse course, UserContext actor) {
        CatalogueMapper.CourseRow row = row(course);
        mapper.insert(row, actor.username(), clock.instant());
        return course(row);
    }

    private static CatalogueMapper.CourseRow row(CatalogueCourse course) {
        CatalogueMapper.CourseRow row = new CatalogueMapper.CourseRow();
        row.title = course.title().strip();
        row.capabilities = String.join(SEPARATOR, course.capabilities().stream().map(String::strip).toList());
        row.startDate = course.startDate();
        row.endDate = course.endDate();
        row.place = course.place().strip();
        row.capacity = course.capacity();
        row.hours = course.hours();
        row.immersive = course.immersive();
        row.fullTime = course.fullTime();
        return row;
    }

    /** The catalogue course of a row. */
    public static CatalogueCourse course(CatalogueMapper.CourseRow row) {
        List<String> capabilities = row.capabilities.isEmpty() ? List.of()
                : Arrays.asList(row.capabilities.split(SEPARATOR));
        return new CatalogueCourse(row.id, row.title, capabilities, row.startDate, row.endDate, row.place,
                row.capacity, row.hours, row.immersive, row.fullTime);
    }

    /** Every problem of the course, each naming the course by its title. */
    static List<CatalogueException.Problem> check(CatalogueCourse course) {
        List<CatalogueException.Problem> problems = new ArrayList<>();
        if (course.title() == null || course.title().isBlank()) {
            problems.add(problem("trainingplan.error.titleRequired", course.title()));
        } else if (course.title().strip().length() > TITLE_MAX) {
            problems.add(problem("trainingplan.error.titleTooLong", course.title().strip().substring(0, 20), TITLE_MAX));
        }
        String label = course.title() == null ? "" : course.title().strip();
        if (course.place() == null || course.place().isBlank()) {
            problems.add(problem("trainingplan.error.placeRequired", label));
        } else if (course.place().strip().length() > PLACE_MAX) {
            problems.add(problem("trainingplan.error.placeTooLong", label, PLACE_MAX));
        }
        String capabilities = String.join(SEPARATOR, course.capabilities());
        if (capabilities.length() > CAPABILITIES_MAX || course.capabilities().stream().anyMatch(String::isBlank)) {
            problems.add(problem("trainingplan.error.capabilities", label, CAPABILITIES_MAX));
        }
        if (course.startDate() == null || course.endDate() == null || course.endDate().isBefore(course.startDate())) {
            problems.add(problem("trainingplan.error.dates", label));
        }
        if (course.capacity() < 1 || course.capacity() > CAPACITY_MAX) {
            problems.add(problem("trainingplan.error.capacity", label, CAPACITY_MAX));
        }
        if (course.hours() == null || course.hours().signum() <= 0 || course.hours().compareTo(HOURS_MAX) > 0
                || course.hours().scale() > 1) {
            problems.add(problem("trainingplan.error.hours", label, HOURS_MAX));
        }
        return problems;
    }

    private static CatalogueException.Problem problem(String key, Object... args) {
        return new CatalogueException.Problem(key, List.of(args));
    }
}
