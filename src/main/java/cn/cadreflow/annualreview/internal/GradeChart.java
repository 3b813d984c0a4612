package cn.cadreflow.annualreview.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.springframework.context.MessageSource;

import cn.cadreflow.annualreview.Grade;

/**
 * The ECharts option of the grade chart: per unit, one stacked bar of the final grades (decided or filed reviews)
 * and beside it one of the grades still only suggested (reviews in progress), so a suggestion is never read as a
 * result. People are counted in whole numbers: the value axis never shows fractions.
 */
final class GradeChart {

    /** Each grade keeps its colour in both bars; the suggestions are paler. */
    private static final Map<Grade, String> COLOURS = Map.of(Grade.EXCELLENT, "#5470c6", Grade.COMPETENT, "#91cc75",
            Grade.BASICALLY_COMPETENT, "#fac858", Grade.INCOMPETENT, "#ee6666");
    private static final double SUGGESTION_OPACITY = 0.45;

    private GradeChart() {
    }

    /** The option as a map, ready to be written as JSON; units are named by {@code unitName}. */
    static Map<String, Object> option(List<AppraisalReportMapper.GradeCount> counts, Function<Long, String> unitName,
                                      MessageSource messages, Locale locale) {
        Map<Long, Map<String, Integer>> decided = new TreeMap<>();
        Map<Long, Map<String, Integer>> suggested = new TreeMap<>();
        for (AppraisalReportMapper.GradeCount g : counts) {
            decided.computeIfAbsent(g.unitId(), u -> new LinkedHashMap<>());
            suggested.computeIfAbsent(g.unitId(), u -> new LinkedHashMap<>());
            (g.decided() ? decided : suggested).get(g.unitId()).merge(g.grade(), g.reviews(), Integer::sum);
        }
        List<Map<String, Object>> series = new ArrayList<>();
        for (Grade g : Grade.values()) {
            series.add(series(messages.getMessage("appraisal.chart.finalGrade", new Object[] {grade(g, messages, locale)},
                    locale), "final", g, decided, 1));
        }
        for (Grade g : Grade.values()) {
            series.add(series(messages.getMessage("appraisal.chart.suggestedGrade",
                    new Object[] {grade(g, messages, locale)}, locale), "suggested", g, suggested, SUGGESTION_OPACITY));
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("title", Map.of("text", messages.getMessage("appraisal.chart.grades", null, locale),
                "subtext", messages.getMessage("appraisal.chart.gradesHint", null, locale),
                "textStyle", Map.of("fontSize", 14)));
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("bottom", 0));
        option.put("grid", Map.of("left", 40, "right", 20, "top", 60, "bottom", 80, "containLabel", true));
        option.put("xAxis", Map.of("type", "category", "data", decided.keySet().stream().map(unitName).toList()));
        option.put("yAxis", Map.of("type", "value", "minInterval", 1));
        option.put("series", series);
        return option;
    }

    private static Map<String, Object> series(String name, String stack, Grade g,
                                              Map<Long, Map<String, Integer>> counts, double opacity) {
        return Map.of("name", name, "type", "bar", "stack", stack,
                "itemStyle", Map.of("color", COLOURS.get(g), "opacity", opacity),
                "data", counts.values().stream().map(m -> m.getOrDefault(g.label, 0)).toList());
    }

    private static String grade(Grade g, MessageSource messages, Locale locale) {
        return messages.getMessage("appraisal.grade." + g.label, null, g.label, locale);
    }
}
