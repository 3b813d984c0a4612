package cn.cadreflow.trainingplan.internal;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The yearly plans (training_plan) and their assignments (training_plan_assignment). */
@Mapper
public interface PlanMapper {

    class PlanRow {
        public Long id;
        public int planYear;
        public String unitIds;
        public String status;
        public String openedBy;
        public Instant openedAt;
        public String publishedBy;
        public Instant publishedAt;
    }

    class AssignmentRow {
        public long planId;
        public long cadreId;
        public long courseId;
        public boolean immersive;
    }

    void insert(@Param("r") PlanRow row);

    PlanRow find(@Param("id") long id);

    List<PlanRow> ofYear(@Param("year") int year);

    List<PlanRow> all();

    void published(@Param("id") long id, @Param("by") String by, @Param("at") Instant at);

    List<AssignmentRow> assignments(@Param("planId") long planId, @Param("published") boolean published);

    void deleteAssignments(@Param("planId") long planId, @Param("published") boolean published);

    void insertAssignments(@Param("planId") long planId, @Param("published") boolean published,
                           @Param("rows") List<AssignmentRow> rows);

    /** How many assignments (proposed or published) name the course. */
    int courseUsed(@Param("courseId") long courseId);

    /** The published assignments of the cadres in the year's plans. */
    List<AssignmentRow> publishedOfCadre(@Param("cadreId") long cadreId, @Param("year") int year);
}
