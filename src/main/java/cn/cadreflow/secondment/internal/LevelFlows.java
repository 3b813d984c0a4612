package cn.cadreflow.secondment.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import cn.cadreflow.org.OrgLevel;
import cn.cadreflow.secondment.SecondmentReports.Flow;

/**
 * Moves between units summed into flows between levels (村 / 乡镇 / 县 / 市 / 省), departures and returns apart, and
 * the talent-pump rule: a move up from the grassroots. Plain: no Spring, no database.
 */
public final class LevelFlows {

    /** One move, or many alike, from a unit to a unit; {@code returning} for a way back. */
    public record UnitMove(long fromUnitId, long toUnitId, boolean returning, int count) {
    }

    private LevelFlows() {
    }

    /**
     * Sums the moves per pair of levels, in the levels' order (higher first, then departures' source first); a move
     * whose unit has no known level is left out.
     */
    public static List<Flow> byLevel(List<UnitMove> moves, Function<Long, OrgLevel> levelOf) {
        Map<OrgLevel, Map<OrgLevel, int[]>> sums = new EnumMap<>(OrgLevel.class);
        for (UnitMove m : moves) {
            OrgLevel from = levelOf.apply(m.fromUnitId());
            OrgLevel to = levelOf.apply(m.toUnitId());
            if (from == null || to == null || m.count() <= 0) {
                continue;
            }
            int[] sum = sums.computeIfAbsent(from, l -> new EnumMap<>(OrgLevel.class))
                    .computeIfAbsent(to, l -> new int[2]);
            sum[m.returning() ? 1 : 0] += m.count();
        }
        List<Flow> flows = new ArrayList<>();
        sums.forEach((from, tos) -> tos.forEach((to, sum) -> flows.add(new Flow(from, to, sum[0], sum[1]))));
        return flows;
    }

    /** A move from a grassroots unit (乡镇, 村) to a unit of a higher level: what the talent pump draws. */
    public static boolean upFromGrassroots(OrgLevel home, OrgLevel target) {
        return home != null && target != null && home.isGrassroots() && target.ordinal() < home.ordinal();
    }
}
