package cn.cadreflow.workflow.internal.task;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cadreflow.workflow.FormError;
import cn.cadreflow.workflow.WorkflowException;

/**
 * 我的签名: each user's handwritten signature image (PNG or JPEG, at most {@link #MAX_BYTES}, recognised by its first
 * bytes, not by its name), and 附签名: the decisions a user made with it attached, each showing the image as it was
 * when they signed. Each user reads, replaces and removes only their own; a refused file changes nothing.
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
     * 附签名, inside the decision's own transaction ({@code TaskCommandService.decide}): records that the user's
     * decision on the task carries their signature as it is now, an immutable copy that a later change or removal of
     * their signature does not touch. Refused for a user without a signature.
     */
    void sign(String taskId, String username) {
        Signature current = mapper.of(username);
        if (current == null) {
            throw new WorkflowException("workflow.error.signatureGone");
        }
        if (mapper.countSigned(taskId, username) > 0) {
            return;
        }
        String sha256 = sha256(current.content());
        Long copyId = mapper.copyOf(username, sha256);
        if (copyId == null) {
            SignatureMapper.Copy copy = new SignatureMapper.Copy();
            copy.username = username;
            copy.contentType = current.contentType();
            copy.content = current.content();
            copy.sha256 = sha256;
            copy.at = clock.instant();
            mapper.insertCopy(copy);
            copyId = copy.id;
        }
        mapper.insertSigned(taskId, username, copyId, clock.instant());
    }

    /**
     * Which of these tasks' decisions were signed, as {@code taskId/username}, each with the id of the image it
     * carries ({@link #signedImage}); a decision signed before copies were kept, by a user who has since removed their
     * signature, is left out.
     */
    public Map<String, Long> signed(Collection<String> taskIds) {
        List<String> ids = taskIds.stream().filter(id -> id != null).distinct().toList();
        Map<String, Long> signed = new HashMap<>();
        if (!ids.isEmpty()) {
            mapper.signed(ids).stream().filter(r -> r.imageId() != null)
                    .forEach(r -> signed.put(r.taskId() + "/" + r.username(), r.imageId()));
        }
        return signed;
    }

    /**
     * The image a signed decision carries, by the id {@link #signed} gave: for a view that has already checked that
     * its reader may see the request.
     */
    public Optional<Signature> signedImage(long imageId) {
        return Optional.ofNullable(mapper.copy(imageId));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(Arrays.copyOf(content, magic.length), magic);
    }

    private static WorkflowException refused(String key, Object... args) {
        return new WorkflowException(key, List.of(FormError.of("signature", key, args)));
    }
}
