package cn.cadreflow.modelling.internal;

import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import cn.cadreflow.modelling.ModelDraft;
import cn.cadreflow.workflow.ModelVersion;

/** Drafts of modelled processes, forms and decision tables, {@code model_draft}: each save a new row. */
@Mapper
public interface ModelDraftMapper {

    void insert(@Param("kind") ModelVersion.Kind kind, @Param("processKey") String processKey,
                @Param("name") String name, @Param("content") byte[] content, @Param("savedBy") String savedBy,
                @Param("savedAt") LocalDateTime savedAt);

    /** The newest drafts first. */
    List<ModelDraft> latest(@Param("limit") int limit);

    /** A draft's content when it is of this kind (one row, or none); a list, as MyBatis reads a byte[] result as rows. */
    List<byte[]> contentOf(@Param("id") long id, @Param("kind") ModelVersion.Kind kind);
}
