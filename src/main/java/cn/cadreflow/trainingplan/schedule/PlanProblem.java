package cn.cadreflow.trainingplan.schedule;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The input of one planning run: the planning year's weeks (working days Monday to Friday), the units, the
 * cadres to plan and the catalogue's courses of the year. Ids are unique within their kind.
 */
public final class PlanProblem {

    public static final int DAYS_PER_WEEK = 5;

    private final int weeks;
    private final Map<String, PlanUnit> units;
    private final Map<String, PlanCadre> cadres;
    private final Map<String, PlanCourse> courses;

    public PlanProblem(int weeks, List<PlanUnit> units, List<PlanCadre> cadres, List<PlanCourse> courses) {
        if (weeks < 1) {
            throw new IllegalArgumentException("a planning year has at least one week");
        }
        this.weeks = weeks;
        this.units = index(units, PlanUnit::id);
        this.cadres = index(cadres, PlanCadre::id);
        this.courses = index(courses, PlanCourse::id);
        for (PlanCadre cadre : cadres) {
            if (!this.units.containsKey(cadre.unitId())) {
                throw new IllegalArgumentException("cadre " + cadre.id() + " is in an unknown unit");
            }
        }
        for (PlanCourse course : courses) {
            if (course.week() >= weeks) {
                throw new IllegalArgumentException("course " + course.id() + " lies outside the planning year");
            }
        }
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> id) {
        Map<String, T> map = new LinkedHashMap<>();
        for (T item : items) {
            if (map.put(id.apply(item), item) != null) {
                throw new IllegalArgumentException("duplicate id " + id.apply(item));
            }
        }
        return map;
    }

    public int weeks() {
        return weeks;
    }

    public int days() {
        return weeks * DAYS_PER_WEEK;
    }

    public List<PlanUnit> units() {
        return List.copyOf(units.values());
    }

    public List<PlanCadre> cadres() {
        return List.copyOf(cadres.values());
    }

    public List<PlanCourse> courses() {
        return List.copyOf(courses.values());
    }

    public PlanUnit unit(String id) {
        return units.get(id);
    }

    public PlanCadre cadre(String id) {
        return cadres.get(id);
    }

    /** The course, or null when there is none with the id. */
    public PlanCourse course(String id) {
        return courses.get(id);
    }
}
