package cn.cadreflow.modelling.internal;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import cn.cadreflow.modelling.AuditEntry;

/** The library's record, {@code model_audit}: appended, never changed. */
@Mapper
public interface AuditMapper {

    void insert(@Param("at") LocalDateTime at, @Param("actor") String actor, @Param("action") String action,
                @Param("target") String target, @Param("deploymentId") String deploymentId,
                @Param("detail") String detail);

    /** The deployments among these made through the library, with who made them. */
    List<AuditEntry> deployments(@Param("deploymentIds") Collection<String> deploymentIds);

    /** The newest entries first. */
    List<AuditEntry> latest(@Param("limit") int limit);
}
