package cn.cadreflow.workflow.internal.task;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cadreflow.workflow.FormError;
import cn.cadreflow.workflow.WorkflowException;

/**
 * 常用意见: the opinions a user keeps to pick into an opinion field (同意, 不同意, 退回修改, 处理 of a delegated task).
 * Each user sees and removes only their own; the built-in defaults ({@code opinion.default.*} messages) are offered
 * to everyone and cannot be removed.
 */
@Service
public class SavedOpinions {

    /** The most characters one saved opinion holds: its column, {@code wf_saved_opinion.opinion VARCHAR(200)}. */
    public static final int MAX_LENGTH = 200;
    /** The most opinions one user keeps. */
    public static final int MAX_COUNT = 20;
    /** The message keys of the defaults everyone is offered, in this order. */
    public static final List<String> DEFAULTS = List.of("opinion.default.agree", "opinion.default.agreeTrue",
            "opinion.default.agreeAsReported", "opinion.default.disagree", "opinion.default.revise");

    private final SavedOpinionMapper mapper;
    private final Clock clock;

    SavedOpinions(SavedOpinionMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /** One saved opinion of a user. */
    public record Saved(long id, String opinion) {
    }

    public List<Saved> of(String username) {
        return mapper.of(username);
    }

    /** Keeps an opinion for the user: not blank, within the length, within the count, not kept already. */
    @Transactional
    public void add(String username, String opinion) {
        String text = opinion == null ? "" : opinion.strip();
        if (text.isEmpty()) {
            throw refused("workflow.error.savedOpinionEmpty");
        }
        if (text.length() > MAX_LENGTH) {
            throw refused("workflow.error.savedOpinionTooLong", MAX_LENGTH);
        }
        List<Saved> kept = mapper.of(username);
        if (kept.stream().anyMatch(s -> s.opinion().equals(text))) {
            throw refused("workflow.error.savedOpinionKept");
        }
        if (kept.size() >= MAX_COUNT) {
            throw refused("workflow.error.savedOpinionTooMany", MAX_COUNT);
        }
        mapper.insert(username, text, clock.instant());
    }

    /** Removes one of the user's own opinions; another user's reads as one that does not exist. */
    @Transactional
    public void remove(String username, long id) {
        if (mapper.delete(id, username) == 0) {
            throw new WorkflowException("workflow.error.savedOpinionGone");
        }
    }

    private static WorkflowException refused(String key, Object... args) {
        return new WorkflowException(key, List.of(FormError.of("savedOpinion", key, args)));
    }
}
