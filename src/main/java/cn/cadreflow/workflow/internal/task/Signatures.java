package cn.cadreflow.workflow.internal.task;

import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cadreflow.workflow.FormError;
import cn.cadreflow.workflow.WorkflowException;

/**
 * 我的签名: each user's handwritten signature image (PNG or JPEG, at most {@link #MAX_BYTES}, recognised by its first
 * bytes, not by its name), and 附签名: the decisions a user made with it attached. Each user reads, replaces and
 * removes only their own; a refused file changes nothing.
 */
@Service
public class Signatures {

    /** The largest signature image: 200 KB. */
    public static final int MAX_BYTES = 200 * 1024;

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};

    private final SignatureMapper mapper;
    private final Clock clock;

    Signatures(SignatureMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /** A stored image and its type ({@code image/png} or {@code image/jpeg}). */
    public record Signature(String contentType, byte[] content) {
    }

    public Optional<Signature> of(String username) {
        return Optional.ofNullable(mapper.of(username));
    }

    /** Keeps the image as the user's signature, replacing any earlier one: a PNG or JPEG within the size only. */
    @Transactional
    public void save(String username, byte[] content) {
        if (content == null || content.length == 0 || content.length > MAX_BYTES) {
            throw refused("workflow.error.signatureTooBig", MAX_BYTES / 1024);
        }
        String type = startsWith(content, PNG) ? "image/png" : startsWith(content, JPEG) ? "image/jpeg" : null;
        if (type == null) {
            throw refused("workflow.error.signatureNotImage");
        }
        if (mapper.update(username, type, content, clock.instant()) == 0) {
            mapper.insert(username, type, content, clock.instant());
        }
    }

    @Transactional
    public void remove(String username) {
        if (mapper.delete(username) == 0) {
            throw new WorkflowException("workflow.error.signatureGone");
        }
    }

    /**
     * Records that the user's decision on the task carries their signature, once that user has decided it (同意 or
     * 不同意); nothing is recorded for a user without a signature or on a task they did not decide.
     */
    @Transactional
    public void attach(String taskId, String username) {
        if (mapper.of(username) == null) {
            throw new WorkflowException("workflow.error.signatureGone");
        }
        if (mapper.countDecisions(taskId, username) == 0) {
            throw new WorkflowException("workflow.error.taskGone");
        }
        if (mapper.countSigned(taskId, username) == 0) {
            mapper.insertSigned(taskId, username, clock.instant());
        }
    }

    /** Which of these tasks' decisions were signed, as {@code taskId/username}. */
    public Set<String> signed(Collection<String> taskIds) {
        List<String> ids = taskIds.stream().filter(id -> id != null).distinct().toList();
        return ids.isEmpty() ? Set.of() : new HashSet<>(mapper.signed(ids));
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(Arrays.copyOf(content, magic.length), magic);
    }

    private static WorkflowException refused(String key, Object... args) {
        return new WorkflowException(key, List.of(FormError.of("signature", key, args)));
    }
}
