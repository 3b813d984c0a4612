package cn.cadreflow.secondment;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.secondment.internal.SecondmentMapper;
import cn.cadreflow.secondment.internal.SecondmentMoves;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.workflow.Action;
import cn.cadreflow.workflow.InstanceCommands;
import cn.cadreflow.workflow.ProcessStarts;

/**
 * Secondments for HR and for the cadre file: the current ones with the days left and whether the return decision is
 * overdue, a cadre's own, the reservation on a post, and HR's early recall. Every method taking an id checks the
 * actor's reach: an id out of reach reads as one that does not exist.
 */
@Service
public class SecondmentService {

    public static final int REASON_MAX = 1000;

    /** What the request view sends: the cadre (null for the asker's own request), kind, target post, term, reason. */
    public record NewRequest(Long cadreId, SecondmentKind kind, Long targetPostId, LocalDate startDate,
                             LocalDate endDate, String reason) {
    }

    /**
     * A cadre in their last allowed term in one post or beyond it: the term they serve, and the day rotation is due
     * (overdue from that day on).
     */
    public record RotationDue(long cadreId, long unitId, String postName, LocalDate since, long years, long term,
                              LocalDate dueOn, boolean overdue) {
    }

    /** A current secondment as HR's dashboard shows it. */
    public record Current(Secondment secondment, long daysLeft, LocalDate decisionDue, boolean decisionOverdue) {
    }

    private final SecondmentMapper mapper;
    private final SecondmentMoves moves;
    private final SecondmentSettings settings;
    private final InstanceCommands instances;
    private final ProcessStarts starts;
    private final CadreService cadres;
    private final Clock clock;

    SecondmentService(SecondmentMapper mapper, SecondmentMoves moves, SecondmentSettings settings,
                      InstanceCommands instances, ProcessStarts starts, CadreService cadres, Clock clock) {
        this.mapper = mapper;
        this.moves = moves;
        this.settings = settings;
        this.instances = instances;
        this.starts = starts;
        this.cadres = cadres;
        this.clock = clock;
    }

    /**
     * Starts a request as the start form would: the same checks (a {@code WorkflowException} with the form's errors
     * when any fails) and the same process. Returns the new instance's id.
     */
    public String request(UserContext actor, NewRequest r) {
        Map<String, Object> values = new HashMap<>();
        if (r.cadreId() != null) {
            values.put("cadreId", r.cadreId());
        }
        values.put("kind", r.kind() == null ? null : r.kind().name());
        values.put("targetPostId", r.targetPostId());
        values.put("startDate", r.startDate() == null ? null : r.startDate().toString());
        values.put("endDate", r.endDate() == null ? null : r.endDate().toString());
        values.put("reason", r.reason());
        return starts.start(SecondmentSteps.PROCESS_KEY, actor.username(), values);
    }

    /**
     * 轮岗提示: the active cadres of the officer's HR scope serving their last allowed term in the same post (the
     * second of two five-year terms by default) or past the rotation years (10), longest first, each with the day
     * rotation is due: the end of the last term or the rotation years, whichever comes first.
     */
    public List<RotationDue> rotationDue(UserContext hr) {
        LocalDate today = LocalDate.now(clock);
        int lastTermFrom = settings.postTermYears() * (settings.maxPostTerms() - 1);
        int dueAfter = Math.min(settings.rotationYears(), settings.postTermYears() * settings.maxPostTerms());
        return cadres.heldSince(hr.hrUnitIds(), today.minusYears(Math.min(lastTermFrom, dueAfter))).stream()
                .map(t -> {
                    long years = ChronoUnit.YEARS.between(t.since(), today);
                    LocalDate due = t.since().plusYears(dueAfter);
                    return new RotationDue(t.cadreId(), t.unitId(), t.postName(), t.since(), years,
                            years / settings.postTermYears() + 1, due, !today.isBefore(due));
                })
                .toList();
    }

    /**
     * The approved and running secondments of cadres whose home unit is in the officer's HR scope, soonest end
     * first; a return decision is overdue from its due date on (the settings' days before the end: the decision
     * step's due time is that day's midnight).
     */
    public List<Current> current(UserContext hr) {
        if (hr.hrUnitIds().isEmpty()) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        return mapper.ofHomeUnits(hr.hrUnitIds(), EnumSet.of(Secondment.Status.APPROVED,
                Secondment.Status.ON_SECONDMENT)).stream().map(s -> {
                    LocalDate due = s.endDate().minusDays(settings.decisionDueDays());
                    return new Current(s, ChronoUnit.DAYS.between(today, s.endDate()),
                            due, s.status() == Secondment.Status.ON_SECONDMENT && !today.isBefore(due));
                }).toList();
    }

    /** The cadre's secondments, newest first, for code that has already checked the reader (a cadre-file section). */
    public List<Secondment> ofCadre(long cadreId) {
        return mapper.ofCadre(cadreId);
    }

    /**
     * The secondments of these cadres, per cadre (newest first; a cadre without any is absent from the map), read in
     * batches of ids: for other modules' reports and plans over many cadres. Scope is the caller's.
     */
    public java.util.Map<Long, List<Secondment>> ofCadres(java.util.Collection<Long> cadreIds) {
        java.util.Map<Long, List<Secondment>> byCadre = new java.util.HashMap<>();
        cn.cadreflow.org.OrgService.batches(cadreIds, batch -> mapper.ofCadres(batch).forEach(s -> byCadre
                .computeIfAbsent(s.cadreId(), k -> new java.util.ArrayList<>()).add(s)));
        return byCadre;
    }

    /** The secondment keeping this post on the given day (岗编分离: the post is reserved for its holder), if any. */
    public Optional<Secondment> reservedBy(long postId, LocalDate day) {
        return mapper.holdsOn(postId, day, day, null).stream().findFirst()
                .map(h -> mapper.find(h.secondmentId()));
    }

    /** The secondment, if this HR officer's scope covers the cadre's home unit; empty otherwise, as for no such id. */
    public Optional<Secondment> visible(long id, UserContext hr) {
        return Optional.ofNullable(mapper.find(id)).filter(s -> hr.hrUnitIds().contains(s.homeUnitId()));
    }

    /**
     * 提前召回: an HR officer over the cadre's home unit calls the cadre back before the end, with a reason (required,
     * at most {@value #REASON_MAX} characters). The return is recorded at once.
     */
    @Transactional
    public void recall(long id, UserContext hr, String reason) {
        Secondment s = visible(id, hr).orElseThrow(() -> new SecondmentException("secondment.error.notFound"));
        String text = reason == null ? "" : reason.strip();
        if (text.isEmpty()) {
            throw new SecondmentException("secondment.error.reasonRequired");
        }
        if (text.codePointCount(0, text.length()) > REASON_MAX) {
            throw new SecondmentException("secondment.error.reasonTooLong", REASON_MAX);
        }
        if (s.status() != Secondment.Status.ON_SECONDMENT) {
            throw new SecondmentException("secondment.error.notOnSecondment");
        }
        moves.report(s.id(), "RECALL", null, text, hr.username());
        if (!instances.deliver(s.processInstanceId(), SecondmentStep.RECALL_MESSAGE, Action.CALL_BACK,
                hr.username(), text)) {
            throw new SecondmentException("secondment.error.notOnSecondment");
        }
    }
}
