package cn.cadreflow.workflow.internal.task;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** wf_saved_opinion: each user's 常用意见. */
@Mapper
public interface SavedOpinionMapper {

    void insert(@Param("username") String username, @Param("opinion") String opinion, @Param("at") Instant at);

    List<SavedOpinions.Saved> of(@Param("username") String username);

    int count(@Param("username") String username);

    /** Deletes the row only if it is the user's own: 0 for someone else's or a missing one alike. */
    int delete(@Param("id") long id, @Param("username") String username);
}
