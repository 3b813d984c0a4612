package cn.cadreflow.workflow.internal.task;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * wf_user_signature (each user's 我的签名), wf_signature_image (the immutable copies signed decisions show) and
 * wf_signed_decision (the decisions made with 附签名).
 */
@Mapper
public interface SignatureMapper {

    /** The stored image of a user, or null. */
    Signatures.Signature of(@Param("username") String username);

    int update(@Param("username") String username, @Param("contentType") String contentType,
               @Param("content") byte[] content, @Param("at") Instant at);

    void insert(@Param("username") String username, @Param("contentType") String contentType,
                @Param("content") byte[] content, @Param("at") Instant at);

    int delete(@Param("username") String username);

    /** The user's copy of an image with this SHA-256, or null. */
    Long copyOf(@Param("username") String username, @Param("sha256") String sha256);

    /** A new immutable copy; its id is set on {@code copy}. */
    void insertCopy(Copy copy);

    /** A copy's image, or null. */
    Signatures.Signature copy(@Param("id") long id);

    int countSigned(@Param("taskId") String taskId, @Param("username") String username);

    void insertSigned(@Param("taskId") String taskId, @Param("username") String username,
                      @Param("imageId") long imageId, @Param("at") Instant at);

    /** The decisions signed on any of the tasks, with the copy each shows (null for none). */
    List<SignedRow> signed(@Param("taskIds") Collection<String> taskIds);

    /** A new row of wf_signature_image. */
    final class Copy {
        public Long id;
        public String username;
        public String contentType;
        public byte[] content;
        public String sha256;
        public Instant at;
    }

    record SignedRow(String taskId, String username, Long imageId) {
    }
}
