package cn.cadreflow.workflow.internal.ui;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import cn.cadreflow.ui.Texts;
import cn.cadreflow.workflow.Action;
import cn.cadreflow.workflow.TimelineEntry;
import cn.cadreflow.workflow.WorkflowViews;

/**
 * A request's approval steps as the 钉钉-style step list and the 审批单 show them: every decision in order (who,
 * with what result, when, with which opinion), then each step still waiting and who may act on it. Bookkeeping
 * (签收, 催办, 抄送, attachments) stays in the timeline. An anonymous step's entries name nobody, and a waiting
 * anonymous step says how many have acted, never who.
 */
final class ApprovalSteps {

    /** The actions that are a step's outcome. */
    private static final Set<Action> DECISIONS = EnumSet.of(Action.SUBMIT, Action.SUBMIT_FORM, Action.APPROVE,
            Action.REJECT, Action.RESUBMIT, Action.WITHDRAW, Action.TRANSFER, Action.DELEGATE, Action.RESOLVE,
            Action.ADD_APPROVER, Action.RETURN, Action.RECALL, Action.TERMINATE, Action.CALL_BACK, Action.REASSIGN);

    /**
     * One row: the step's name, its state ({@code state} is the action's name in lower case, or "pending"), the
     * state in words, the people (names; empty for nobody named), the time, the opinion, whom it went to, and the
     * signature image the decision carries (附签名, as it was when signed; null for none, and always for an anonymous
     * step).
     */
    record Row(String step, String state, String stateText, List<String> people, Instant at, String opinion,
               String target, Long signature) {

        boolean pending() {
            return "pending".equals(state);
        }
    }

    private ApprovalSteps() {
    }

    /** {@code signed}: the decisions made with 附签名, as {@code taskId/username}, with the image each carries. */
    static List<Row> of(String processKey, List<TimelineEntry> timeline, List<WorkflowViews.PendingStep> pending,
                        Map<String, Long> signed, Texts texts, Locale locale) {
        List<Row> rows = new ArrayList<>();
        for (TimelineEntry e : timeline) {
            if (!DECISIONS.contains(e.action())) {
                continue;
            }
            // an anonymous step's entries carry no actor
            List<String> people = List.of(e.actor() == null ? texts.get("timeline.someone", locale) : e.actorName());
            rows.add(new Row(texts.stepName(processKey, e.stepKey(), e.stepName(), locale),
                    e.action().name().toLowerCase(Locale.ROOT), texts.get("stepState." + e.action().name(), locale),
                    people, e.at(), e.opinion(), e.targetName(), signature(e, signed)));
        }
        for (WorkflowViews.PendingStep p : pending) {
            String state = p.tally() != null
                    ? texts.get("stepState.tally", locale, p.tally().done(), p.tally().total())
                    : texts.get("stepState.pending", locale);
            rows.add(new Row(texts.stepName(processKey, p.stepKey(), p.stepName(), locale), "pending", state,
                    p.people(), p.since(), null, null, null));
        }
        return rows;
    }

    /** Only a named person's 同意 or 不同意 carries a signature; an anonymous entry names nobody. */
    private static Long signature(TimelineEntry e, Map<String, Long> signed) {
        boolean decision = e.action() == Action.APPROVE || e.action() == Action.REJECT;
        return decision && e.actor() != null && e.taskId() != null ? signed.get(e.taskId() + "/" + e.actor()) : null;
    }

    /** What a person's round badge shows: a Chinese name's last two characters (as 钉钉 does), else the first letter. */
    static String initials(String name) {
        if (name == null || name.isBlank()) {
            return "?";
        }
        String n = name.strip();
        if (Character.UnicodeScript.of(n.codePointAt(0)) == Character.UnicodeScript.HAN) {
            return n.codePointCount(0, n.length()) <= 2 ? n : n.substring(n.offsetByCodePoints(0,
                    n.codePointCount(0, n.length()) - 2));
        }
        return n.substring(0, n.offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT);
    }
}
