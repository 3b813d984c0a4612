package cn.cadreflow.trainingplan.internal;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Cadres' plan preferences (training_preference); lists are stored comma-separated. */
@Mapper
public interface PreferenceMapper {

    class PreferenceRow {
        public long cadreId;
        public int planYear;
        public String preferredWeeks;
        public String impossibleWeeks;
        public String preferredCourses;
    }

    PreferenceRow find(@Param("cadreId") long cadreId, @Param("year") int year);

    /** The wishes of these cadres (a bounded batch) for the year. */
    List<PreferenceRow> findAll(@Param("cadreIds") java.util.Collection<Long> cadreIds, @Param("year") int year);

    void insert(@Param("r") PreferenceRow row, @Param("by") String by, @Param("at") Instant at);

    int update(@Param("r") PreferenceRow row, @Param("by") String by, @Param("at") Instant at);
}
