package cn.cadreflow.secondment.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;

import cn.cadreflow.org.OrgLevel;
import cn.cadreflow.secondment.SecondmentReports.Flow;

/**
 * The ECharts Sankey option of the flows between levels. A Sankey diagram must be acyclic, and cadres go up and
 * come back down, so each level is two nodes: where moves start ("乡镇 →", left) and where they arrive ("→ 县",
 * right); a return from 县 to 乡镇 is the link "县 →" to "→ 乡镇". Each node and link carries a {@code key} that a
 * click sends back: {@code from:<LEVEL>}, {@code to:<LEVEL>}, or {@code <LEVEL>><LEVEL>} for a link.
 */
public final class FlowSankey {

    static final String FROM = "from:";
    static final String TO = "to:";
    static final String LINK = ">";

    /** A clicked node or link read back: the source level, the target level, or both (null when not given). */
    public record Picked(OrgLevel from, OrgLevel to) {
    }

    private FlowSankey() {
    }

    /** The option as a map, ready to be written as JSON. */
    public static Map<String, Object> option(List<Flow> flows, MessageSource messages, Locale locale) {
        Map<String, Map<String, Object>> nodes = new LinkedHashMap<>();
        List<Map<String, Object>> links = new ArrayList<>();
        for (Flow f : flows) {
            String source = node(nodes, FROM + f.from(), t(messages, "secondment.report.sourceNode", locale,
                    level(messages, f.from(), locale)));
            String target = node(nodes, TO + f.to(), t(messages, "secondment.report.targetNode", locale,
                    level(messages, f.to(), locale)));
            Map<String, Object> link = new LinkedHashMap<>();
            link.put("source", source);
            link.put("target", target);
            link.put("value", f.total());
            link.put("key", f.from() + LINK + f.to());
            link.put("out", f.out());
            link.put("returns", f.returns());
            links.add(link);
        }
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("type", "sankey");
        series.put("left", 20);
        series.put("right", 90);
        series.put("nodeAlign", "justify");
        series.put("emphasis", Map.of("focus", "adjacency"));
        series.put("lineStyle", Map.of("color", "gradient", "curveness", 0.5));
        series.put("label", Map.of("fontSize", 13));
        series.put("data", new ArrayList<>(nodes.values()));
        series.put("links", links);
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "item", "triggerOn", "mousemove"));
        option.put("series", List.of(series));
        return option;
    }

    /** What a click on the chart named, from the node's or link's key; empty for anything else. */
    public static Optional<Picked> picked(String key) {
        try {
            if (key.startsWith(FROM)) {
                return Optional.of(new Picked(OrgLevel.valueOf(key.substring(FROM.length())), null));
            }
            if (key.startsWith(TO)) {
                return Optional.of(new Picked(null, OrgLevel.valueOf(key.substring(TO.length()))));
            }
            int at = key.indexOf(LINK);
            if (at > 0) {
                return Optional.of(new Picked(OrgLevel.valueOf(key.substring(0, at)),
                        OrgLevel.valueOf(key.substring(at + LINK.length()))));
            }
        } catch (IllegalArgumentException e) {
            // not a level: nothing picked
        }
        return Optional.empty();
    }

    private static String node(Map<String, Map<String, Object>> nodes, String key, String name) {
        nodes.computeIfAbsent(key, k -> {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("name", name);
            node.put("key", k);
            return node;
        });
        return name;
    }

    static String level(MessageSource messages, OrgLevel level, Locale locale) {
        return messages.getMessage("secondment.level." + level.name(), null, locale);
    }

    private static String t(MessageSource messages, String key, Locale locale, Object arg) {
        return messages.getMessage(key, new Object[] {arg}, locale);
    }
}
