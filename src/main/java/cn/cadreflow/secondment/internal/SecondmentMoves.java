package cn.cadreflow.secondment.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.org.Post;
import cn.cadreflow.secondment.Secondment;
import cn.cadreflow.secondment.Secondment.Outcome;
import cn.cadreflow.workflow.WorkflowException;

/**
 * What the steps of a secondment change: its status, the posts it holds, and the cadre's post history (through the
 * cadre module), on approval, dispatch, each way of returning, and an extension.
 */
@Component
public class SecondmentMoves {

    static final String HOME = "HOME";
    static final String TARGET = "TARGET";
    /** post_history.post_name VARCHAR(100). */
    static final int POST_NAME_MAX = 100;

    private final SecondmentMapper mapper;
    private final SecondmentChecks checks;
    private final CadreService cadres;
    private final OrgService org;
    private final MessageSource messages;
    private final Clock clock;

    SecondmentMoves(SecondmentMapper mapper, SecondmentChecks checks, CadreService cadres, OrgService org,
                    MessageSource messages, Clock clock) {
        this.mapper = mapper;
        this.checks = checks;
        this.cadres = cadres;
        this.org = org;
        this.messages = messages;
        this.clock = clock;
    }

    public Secondment secondment(Number id) {
        Secondment s = mapper.find(id.longValue());
        if (s == null) {
            throw new IllegalStateException("no secondment " + id);
        }
        return s;
    }

    public void markStatus(Number id, Secondment.Status status) {
        mapper.updateStatus(id.longValue(), status, now());
    }

    public void attachProcess(Number id, String processInstanceId) {
        mapper.attachProcess(id.longValue(), processInstanceId);
    }

    /** HR approved: checked again under lock, the home post is kept and the target post filled for the term. */
    public void approve(Number id) {
        Secondment s = secondment(id);
        checks.lockAndCheck(s, s.startDate(), s.endDate(), null);
        mapper.deleteHolds(s.id());
        if (s.homePostId() != null) {
            mapper.insertHold(s.homePostId(), s.id(), HOME, s.startDate(), s.endDate());
        }
        mapper.insertHold(s.targetPostId(), s.id(), TARGET, s.startDate(), s.endDate());
        mapper.updateStatus(s.id(), Secondment.Status.APPROVED, now());
    }

    /** The term begins: the cadre takes up the post at the receiving unit, written to their post history. */
    public void dispatch(Number id) {
        Secondment s = secondment(id);
        cadres.addPostHistory(s.cadreId(), s.targetUnitId(), awayPostName(s), s.startDate(), null);
        mapper.updateStatus(s.id(), Secondment.Status.ON_SECONDMENT, now());
    }

    /** Back to the home post at the end of the term: HR's decision, or the default taken on the end date. */
    public void returnHome(Number id, Outcome outcome, String note) {
        Secondment s = secondment(id);
        finish(s, outcome, note, s.endDate(), null);
    }

    /**
     * Called back early, for the reason of the latest recall report: the term ends today (the day before, when the
     * cadre has been away since before today).
     */
    public void recall(Number id) {
        Secondment s = secondment(id);
        String note = mapper.reports(s.id()).stream().filter(r -> "RECALL".equals(r.reportKind()))
                .reduce((a, b) -> b).map(SecondmentMapper.Report::body).orElse(null);
        LocalDate today = LocalDate.now(clock);
        LocalDate last = today.isAfter(s.startDate()) ? today.minusDays(1) : s.startDate();
        finish(s, Outcome.RECALLED, note, last.isBefore(s.endDate()) ? last : s.endDate(), null);
    }

    /** One extension: the term, and the posts it holds, run to {@code newEnd}, checked again under lock. */
    public void extend(Number id, LocalDate newEnd) {
        Secondment s = secondment(id);
        checks.lockAndCheck(s, s.endDate().plusDays(1), newEnd, null);
        mapper.extend(s.id(), newEnd, now());
        mapper.endHolds(s.id(), newEnd);
    }

    /**
     * 交流任职: the cadre stays at the receiving unit for good, from the end of the term; the home post is released
     * and their record names the new post.
     */
    public void convertToTransfer(Number id, String note) {
        Secondment s = secondment(id);
        Cadre cadre = cadres.find(s.cadreId()).orElseThrow();
        Post target = org.post(s.targetPostId()).orElseThrow();
        LocalDate from = s.endDate().plusDays(1);
        endHomeLine(cadre, s.endDate());
        cadres.addPostHistory(s.cadreId(), target.unitId(), target.name(), from, null);
        cadres.moveTo(s.cadreId(), target.unitId(), target.id(), cadre.rankCode());
        finish(s, Outcome.TRANSFERRED, note, s.endDate(), target.id());
        mapper.deleteHolds(s.id());
    }

    /** Back to the grassroots with promotion: a higher post and rank there from the end of the term. */
    public void returnPromoted(Number id, Number newPostId, String newRank, String note) {
        Secondment s = secondment(id);
        Cadre cadre = cadres.find(s.cadreId()).orElseThrow();
        Post post = org.post(newPostId.longValue()).orElseThrow();
        checks.lockAndCheck(s, s.startDate(), s.endDate(), post.id());
        LocalDate from = s.endDate().plusDays(1);
        checks.postFree("newPostId", post.id(), s.cadreId(), from, from.plusYears(SecondmentChecks.FOR_GOOD_YEARS),
                s.id()).ifPresent(e -> {
                    throw new WorkflowException(e.messageKey(), List.of(e));
                });
        endHomeLine(cadre, s.endDate());
        cadres.addPostHistory(s.cadreId(), post.unitId(), post.name(), from, null);
        cadres.moveTo(s.cadreId(), post.unitId(), post.id(), newRank);
        finish(s, Outcome.PROMOTED, note, s.endDate(), post.id());
    }

    /** 终止 before the term ended: nothing more is held, and a term begun ends today. */
    public void terminated(Number id) {
        Secondment s = secondment(id);
        if (s.status() == Secondment.Status.ON_SECONDMENT) {
            recall(id);
        } else if (s.status() != Secondment.Status.ENDED) {
            mapper.deleteHolds(s.id());
        }
        mapper.updateStatus(s.id(), Secondment.Status.TERMINATED, now());
    }

    public void report(Number id, String kind, String rating, String body, String author) {
        mapper.insertReport(id.longValue(), kind, rating, body, author, now());
    }

    private void finish(Secondment s, Outcome outcome, String note, LocalDate lastDay, Long newPostId) {
        if (s.status() == Secondment.Status.ON_SECONDMENT) {
            String away = awayPostName(s);
            cadres.endPostHistory(s.cadreId(), s.targetUnitId(), away, lastDay,
                    outcome == Outcome.RECALLED ? recalledName(away) : null);
        }
        mapper.endHolds(s.id(), lastDay);
        mapper.finish(s.id(), outcome, note, lastDay.plusDays(1), lastDay, newPostId, now());
    }

    private void endHomeLine(Cadre cadre, LocalDate last) {
        org.post(cadre.postId()).ifPresent(p -> cadres.endPostHistory(cadre.id(), p.unitId(), p.name(), last));
    }

    /** "挂职锻炼：副县长": the line of the post history for the time away (records are kept in Chinese). */
    String awayPostName(Secondment s) {
        String post = org.post(s.targetPostId()).map(Post::name).orElse("");
        String name = messages.getMessage("secondment.history." + s.kind().name(), new Object[] {post},
                Locale.SIMPLIFIED_CHINESE);
        return name.length() <= POST_NAME_MAX ? name : name.substring(0, POST_NAME_MAX);
    }

    /** "挂职锻炼：副县长（召回）": the line of a time away cut short by an early recall. */
    String recalledName(String away) {
        String name = messages.getMessage("secondment.history.recalled", new Object[] {away},
                Locale.SIMPLIFIED_CHINESE);
        return name.length() <= POST_NAME_MAX ? name : name.substring(0, POST_NAME_MAX);
    }

    private Instant now() {
        return clock.instant();
    }
}
