package cn.cadreflow.trainingplan.internal.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cadreflow.trainingplan.PlanReview;

/**
 * The ECharts option of the staffing-headroom heat map: one row per unit, one column per ISO week, each cell the
 * fewest more of the unit's people who could still be away on a day of that week under the proposal (below 0:
 * the unit is under its minimum on-duty staffing). Red below 0, orange at 0, yellow at 1, green from 2.
 */
final class HeatMap {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HeatMap() {
    }

    static String option(PlanReview review, BiFunction<String, Object[], String> words) {
        return option(review.units(), review.mondays().size(), words);
    }

    /** The heat map of the units' weeks (a plan review's, or those of several published plans in a report). */
    static String option(List<PlanReview.UnitWeeks> rows, int weekCount, BiFunction<String, Object[], String> words) {
        List<String> weeks = new ArrayList<>();
        for (int w = 1; w <= weekCount; w++) {
            weeks.add(String.valueOf(w));
        }
        List<String> units = rows.stream().map(PlanReview.UnitWeeks::name).toList();
        List<List<Integer>> data = new ArrayList<>();
        for (int u = 0; u < rows.size(); u++) {
            int[] headroom = rows.get(u).headroom();
            for (int w = 0; w < headroom.length; w++) {
                data.add(List.of(w, u, headroom[w]));
            }
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("title", Map.of("text", words.apply("trainingplan.heatmap.title", new Object[0]),
                "subtext", words.apply("trainingplan.heatmap.hint", new Object[0]), "textStyle", Map.of("fontSize", 14)));
        option.put("tooltip", Map.of("position", "top"));
        option.put("grid", Map.of("left", 10, "right", 20, "top", 60, "bottom", 70, "containLabel", true));
        option.put("xAxis", Map.of("type", "category", "name", words.apply("trainingplan.heatmap.week", new Object[0]),
                "data", weeks, "splitArea", Map.of("show", true)));
        option.put("yAxis", Map.of("type", "category", "data", units, "splitArea", Map.of("show", true)));
        option.put("visualMap", Map.of("type", "piecewise", "orient", "horizontal", "left", "center", "bottom", 0,
                "pieces", List.of(
                        Map.of("lt", 0, "color", "#d73027", "label", words.apply("trainingplan.heatmap.below", new Object[0])),
                        Map.of("value", 0, "color", "#fc8d59", "label", words.apply("trainingplan.heatmap.none", new Object[0])),
                        Map.of("value", 1, "color", "#fee08b", "label", words.apply("trainingplan.heatmap.one", new Object[0])),
                        Map.of("gte", 2, "color", "#91cf60", "label", words.apply("trainingplan.heatmap.more", new Object[0])))));
        option.put("series", List.of(Map.of("name", words.apply("trainingplan.heatmap.series", new Object[0]),
                "type", "heatmap", "data", data, "label", Map.of("show", false))));
        try {
            return JSON.writeValueAsString(option);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("heat map option", e);
        }
    }
}
