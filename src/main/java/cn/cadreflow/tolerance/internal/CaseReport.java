package cn.cadreflow.tolerance.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import cn.cadreflow.tolerance.ToleranceCase;

/**
 * The HR report of 容错纠错 cases over a period: per unit (the cadre's unit when the case was opened) the cases by
 * where they ended ({@link Result}), by kind (容错申请 or 问责线索), and the calendar days from opening to the
 * committee's decision (认定) of those decided; the same figures per category of matter (事项类别). A plain class:
 * the cases come in already limited to what the reader may see.
 */
public final class CaseReport {

    /** Where a case stands for the report: the outcome as it finally stands, else why it has none. */
    public enum Result {
        EXEMPT, MITIGATED, NOT_TOLERATED, CLEARED, DECLINED, OPEN, TERMINATED;

        static Result of(ToleranceCase c) {
            if (c.finalOutcome() != null) {
                return valueOf(c.finalOutcome());
            }
            return switch (c.status()) {
                case DECLINED -> DECLINED;
                case TERMINATED -> TERMINATED;
                default -> OPEN;
            };
        }
    }

    /** One unit's figures (or the total's, with a null unit id); days are null when no case was decided. */
    public record Line(Long unitId, String unitName, int cases, Map<Result, Integer> byResult, int applications,
                       int leads, int decided, Double averageDays, Integer longestDays) {

        public int count(Result r) {
            return byResult.getOrDefault(r, 0);
        }
    }

    /** One case as the report lists it; {@code days} from opening to the decision, null while undecided. */
    public record Row(long caseId, String cadreName, String unitName, ToleranceCase.Kind kind,
                      ToleranceCase.Category category, LocalDate openedOn, Result result, LocalDate decidedOn,
                      Integer days) {
    }

    private final LocalDate from;
    private final LocalDate to;
    private final List<Line> units;
    private final Map<ToleranceCase.Category, Line> categories;
    private final Line total;
    private final List<Row> rows;

    private CaseReport(LocalDate from, LocalDate to, List<Line> units, Map<ToleranceCase.Category, Line> categories,
                       Line total, List<Row> rows) {
        this.from = from;
        this.to = to;
        this.units = units;
        this.categories = categories;
        this.total = total;
        this.rows = rows;
    }

    /**
     * The report of these cases (opened from {@code from} to {@code to}); units named by {@code unitName}, cadres by
     * {@code cadreName}, units in the order of their names.
     */
    public static CaseReport of(LocalDate from, LocalDate to, Collection<ToleranceCase> cases,
                                Function<Long, String> unitName, Function<Long, String> cadreName) {
        List<Row> rows = new ArrayList<>();
        Map<Long, List<Row>> byUnit = new LinkedHashMap<>();
        Map<ToleranceCase.Category, List<Row>> byCategory = new EnumMap<>(ToleranceCase.Category.class);
        for (ToleranceCase c : cases) {
            LocalDate opened = c.openedAt().toLocalDate();
            Integer days = c.decisionDate() == null ? null
                    : (int) Math.max(0, ChronoUnit.DAYS.between(opened, c.decisionDate()));
            Row row = new Row(c.id(), cadreName.apply(c.cadreId()), unitName.apply(c.unitId()), c.kind(),
                    c.category(), opened, Result.of(c), c.decisionDate(), days);
            rows.add(row);
            byUnit.computeIfAbsent(c.unitId(), u -> new ArrayList<>()).add(row);
            byCategory.computeIfAbsent(c.category(), k -> new ArrayList<>()).add(row);
        }
        List<Line> units = new ArrayList<>();
        byUnit.forEach((unitId, unitRows) -> units.add(line(unitId, unitName.apply(unitId), unitRows)));
        units.sort((a, b) -> a.unitName().compareTo(b.unitName()));
        Map<ToleranceCase.Category, Line> categories = new EnumMap<>(ToleranceCase.Category.class);
        byCategory.forEach((k, categoryRows) -> categories.put(k, line(null, null, categoryRows)));
        return new CaseReport(from, to, List.copyOf(units), Collections.unmodifiableMap(categories),
                line(null, null, rows), List.copyOf(rows));
    }

    private static Line line(Long unitId, String name, List<Row> rows) {
        Map<Result, Integer> byResult = new EnumMap<>(Result.class);
        int applications = 0;
        int decided = 0;
        long daySum = 0;
        Integer longest = null;
        for (Row r : rows) {
            byResult.merge(r.result(), 1, Integer::sum);
            if (r.kind() == ToleranceCase.Kind.APPLICATION) {
                applications++;
            }
            if (r.days() != null) {
                decided++;
                daySum += r.days();
                longest = longest == null ? r.days() : Math.max(longest, r.days());
            }
        }
        Double average = decided == 0 ? null : Math.round(daySum * 10.0 / decided) / 10.0;
        return new Line(unitId, name, rows.size(), byResult, applications, rows.size() - applications, decided,
                average, longest);
    }

    public LocalDate from() {
        return from;
    }

    public LocalDate to() {
        return to;
    }

    /** Per unit, by name. */
    public List<Line> units() {
        return units;
    }

    /** Per category of matter (事项类别) that has cases, in the list's order; the lines name no unit. */
    public Map<ToleranceCase.Category, Line> categories() {
        return categories;
    }

    public Line total() {
        return total;
    }

    /** Every case, in the order opened. */
    public List<Row> rows() {
        return rows;
    }
}
