package cn.cadreflow.workflow.internal.task;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** wf_user_signature (each user's 我的签名) and wf_signed_decision (the decisions made with 附签名). */
@Mapper
public interface SignatureMapper {

    /** The stored image of a user, or null. */
    Signatures.Signature of(@Param("username") String username);

    int update(@Param("username") String username, @Param("contentType") String contentType,
               @Param("content") byte[] content, @Param("at") Instant at);

    void insert(@Param("username") String username, @Param("contentType") String contentType,
                @Param("content") byte[] content, @Param("at") Instant at);

    int delete(@Param("username") String username);

    /** The user's own 同意 / 不同意 on the task, as the timeline recorded them. */
    int countDecisions(@Param("taskId") String taskId, @Param("username") String username);

    int countSigned(@Param("taskId") String taskId, @Param("username") String username);

    void insertSigned(@Param("taskId") String taskId, @Param("username") String username, @Param("at") Instant at);

    /** The decisions signed on any of the tasks, as {@code taskId/username}. */
    List<String> signed(@Param("taskIds") Collection<String> taskIds);
}
