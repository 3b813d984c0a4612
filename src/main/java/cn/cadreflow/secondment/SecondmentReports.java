package cn.cadreflow.secondment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.stereotype.Service;

import cn.cadreflow.org.OrgLevel;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.org.Post;
import cn.cadreflow.secondment.internal.LevelFlows;
import cn.cadreflow.secondment.internal.SecondmentMapper;
import cn.cadreflow.secondment.internal.SecondmentMapper.Move;
import cn.cadreflow.security.UserContext;

/**
 * HR's reports over the secondments of cadres whose home unit is in the officer's HR scope: the "talent pump" figure
 * (grassroots cadres held at a higher level beyond their term, or kept there for good, by home unit) and the flows
 * between levels over a period, departures and returns, with the cadres behind each figure. Nobody else's cadres
 * are counted or listed; a unit out of scope reads as one that does not exist.
 */
@Service
public class SecondmentReports {

    /** The longest period the flows picture covers. */
    public static final int MAX_PERIOD_YEARS = 10;
    /** The most cadres one drill-down lists (the newest moves first). */
    public static final int LIST_MAX = 500;
    /**
     * A scope of more units than this (a province's) is not named in SQL, where a list of thousands of ids costs more
     * than the rows it saves: the rows of every unit are read (by the indexed dates or status) and kept in memory
     * when their home unit is in scope.
     */
    static final int IN_LIMIT = 500;
    /** The most moves one drill-down reads for a scope too large to name in SQL. */
    static final int UNNAMED_SCOPE_MAX = 100_000;

    /** The moves from one level to another over the period: {@code out} departures, {@code returns} ways back. */
    public record Flow(OrgLevel from, OrgLevel to, int out, int returns) {
        public int total() {
            return out + returns;
        }
    }

    /**
     * A home unit's talent-pump figure: its cadres at a higher level now ({@code awayUp}), of them those held beyond
     * the term first approved ({@code beyondTerm}, an extension), and those converted to a transfer upward and kept
     * there for good ({@code keptForGood}). {@code pumped} is beyond the term plus kept.
     */
    public record PumpRow(long unitId, int awayUp, int beyondTerm, int keptForGood) {
        public int pumped() {
            return beyondTerm + keptForGood;
        }
    }

    /** How a cadre behind a figure moved. */
    public enum Movement { OUT, RETURN, AWAY, BEYOND_TERM, KEPT }

    /** A cadre behind a figure: the secondment, from which unit to which, and the day (departure or return). */
    public record Mover(long secondmentId, long cadreId, SecondmentKind kind, Movement movement, long fromUnitId,
                        long toUnitId, LocalDate on) {
    }

    private final SecondmentMapper mapper;
    private final OrgService org;
    private final Clock clock;

    SecondmentReports(SecondmentMapper mapper, OrgService org, Clock clock) {
        this.mapper = mapper;
        this.org = org;
        this.clock = clock;
    }

    /**
     * The talent-pump figure per home unit of the officer's scope, most pumped first; units with none left out. The
     * database counts per pair of units; only the pairs up from the grassroots are summed here.
     */
    public List<PumpRow> talentPump(UserContext hr) {
        if (hr.hrUnitIds().isEmpty()) {
            return List.of();
        }
        Function<Long, OrgLevel> level = levels();
        Map<Long, int[]> sums = new HashMap<>();
        for (SecondmentMapper.PumpCount c : mapper.pumpCounts(named(hr), LocalDate.now(clock))) {
            if (!hr.hrUnitIds().contains(c.homeUnitId())
                    || !LevelFlows.upFromGrassroots(level.apply(c.homeUnitId()), level.apply(c.targetUnitId()))) {
                continue;
            }
            int[] sum = sums.computeIfAbsent(c.homeUnitId(), u -> new int[3]);
            sum[0] += c.away();
            sum[1] += c.beyondTerm();
            sum[2] += c.kept();
        }
        return sums.entrySet().stream().map(e -> new PumpRow(e.getKey(), e.getValue()[0], e.getValue()[1],
                        e.getValue()[2]))
                .sorted(Comparator.comparingInt(PumpRow::pumped).reversed()
                        .thenComparing(Comparator.comparingInt(PumpRow::awayUp).reversed())
                        .thenComparingLong(PumpRow::unitId))
                .toList();
    }

    /**
     * The cadres behind a unit's talent-pump figure: away at a higher level now (held beyond the term, or not yet),
     * and kept there for good. A unit outside the officer's scope is refused as one that does not exist.
     */
    public List<Mover> pumpCadres(long unitId, UserContext hr) {
        if (!hr.hrUnitIds().contains(unitId)) {
            throw new SecondmentException("secondment.report.error.unitNotFound");
        }
        return pumped(mapper.awayOrKept(List.of(unitId)), levels()).stream()
                .sorted(Comparator.comparing(Mover::movement).reversed().thenComparing(Mover::on)).toList();
    }

    /**
     * The flows between levels from {@code from} to {@code to} (both days included): departures approved to begin in
     * the period (begun, or still to begin when the period reaches ahead) and returns (home, or back to the grassroots promoted) made in it. At most {@value #MAX_PERIOD_YEARS}
     * years; a period that ends before it begins is refused.
     */
    public List<Flow> flows(UserContext hr, LocalDate from, LocalDate to) {
        checkPeriod(from, to);
        if (hr.hrUnitIds().isEmpty()) {
            return List.of();
        }
        List<SecondmentMapper.UnitFlow> out = mapper.flowCounts(named(hr), from, to, false).stream()
                .filter(f -> hr.hrUnitIds().contains(f.fromUnitId())).toList();
        List<SecondmentMapper.UnitFlow> back = mapper.flowCounts(named(hr), from, to, true).stream()
                .filter(f -> hr.hrUnitIds().contains(f.toUnitId())).toList();
        Map<Long, Post> promotedTo = org.posts(back.stream().map(SecondmentMapper.UnitFlow::newPostId)
                .filter(java.util.Objects::nonNull).distinct().toList());
        List<LevelFlows.UnitMove> moves = new ArrayList<>();
        out.forEach(f -> moves.add(new LevelFlows.UnitMove(f.fromUnitId(), f.toUnitId(), false, f.moves())));
        back.forEach(f -> moves.add(new LevelFlows.UnitMove(f.fromUnitId(),
                destination(f.toUnitId(), f.newPostId(), promotedTo), true, f.moves())));
        return LevelFlows.byLevel(moves, levels());
    }

    /**
     * The cadres behind a flow of {@link #flows}: from the level {@code from} to the level {@code to}; either may be
     * null (all moves out of a level, or into it), newest first, at most {@value #LIST_MAX}.
     */
    public List<Mover> flowCadres(UserContext hr, LocalDate from, LocalDate to, OrgLevel source, OrgLevel target) {
        checkPeriod(from, to);
        if (hr.hrUnitIds().isEmpty()) {
            return List.of();
        }
        Function<Long, OrgLevel> level = levels();
        int limit = named(hr) == null ? UNNAMED_SCOPE_MAX : LIST_MAX;
        List<Move> back = inScope(mapper.moves(named(hr), from, to, true, limit), hr);
        Map<Long, Post> promotedTo = org.posts(back.stream().map(Move::newPostId)
                .filter(java.util.Objects::nonNull).distinct().toList());
        List<Mover> movers = new ArrayList<>();
        for (Move m : inScope(mapper.moves(named(hr), from, to, false, limit), hr)) {
            movers.add(new Mover(m.id(), m.cadreId(), m.kind(), Movement.OUT, m.homeUnitId(), m.targetUnitId(),
                    m.startDate()));
        }
        for (Move m : back) {
            movers.add(new Mover(m.id(), m.cadreId(), m.kind(), Movement.RETURN, m.targetUnitId(),
                    destination(m.homeUnitId(), m.newPostId(), promotedTo), m.returnedOn()));
        }
        return movers.stream()
                .filter(m -> (source == null || source == level.apply(m.fromUnitId()))
                        && (target == null || target == level.apply(m.toUnitId())))
                .sorted(Comparator.comparing(Mover::on).reversed().thenComparing(Mover::secondmentId))
                .limit(LIST_MAX).toList();
    }

    /** The scope's units to name in SQL, or null when there are too many (read all, keep those in scope). */
    private static java.util.Collection<Long> named(UserContext hr) {
        return hr.hrUnitIds().size() <= IN_LIMIT ? hr.hrUnitIds() : null;
    }

    private static List<Move> inScope(List<Move> rows, UserContext hr) {
        return rows.stream().filter(m -> hr.hrUnitIds().contains(m.homeUnitId())).toList();
    }

    private List<Mover> pumped(List<Move> rows, Function<Long, OrgLevel> level) {
        LocalDate today = LocalDate.now(clock);
        List<Mover> movers = new ArrayList<>();
        for (Move m : rows) {
            if (!LevelFlows.upFromGrassroots(level.apply(m.homeUnitId()), level.apply(m.targetUnitId()))) {
                continue;
            }
            Movement how = m.outcome() == Secondment.Outcome.TRANSFERRED ? Movement.KEPT
                    : today.isAfter(m.plannedEndDate()) ? Movement.BEYOND_TERM : Movement.AWAY;
            movers.add(new Mover(m.id(), m.cadreId(), m.kind(), how, m.homeUnitId(), m.targetUnitId(),
                    m.startDate()));
        }
        return movers;
    }

    private static long destination(long homeUnitId, Long newPostId, Map<Long, Post> promotedTo) {
        Post p = newPostId == null ? null : promotedTo.get(newPostId);
        return p == null ? homeUnitId : p.unitId();
    }

    private Function<Long, OrgLevel> levels() {
        return org.levels()::get;
    }

    private static void checkPeriod(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            throw new SecondmentException("secondment.report.error.periodRequired");
        }
        if (to.isBefore(from)) {
            throw new SecondmentException("secondment.report.error.periodOrder");
        }
        if (to.isAfter(from.plusYears(MAX_PERIOD_YEARS))) {
            throw new SecondmentException("secondment.report.error.periodTooLong", MAX_PERIOD_YEARS);
        }
    }
}
