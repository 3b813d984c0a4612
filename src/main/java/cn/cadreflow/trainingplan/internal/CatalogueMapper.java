package cn.cadreflow.trainingplan.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The course catalogue (training_course). */
@Mapper
public interface CatalogueMapper {

    /** A row; capabilities are stored joined by {@link cn.cadreflow.trainingplan.CourseCatalogue#SEPARATOR}. */
    class CourseRow {
        public Long id;
        public String title;
        public String capabilities;
        public LocalDate startDate;
        public LocalDate endDate;
        public String place;
        public int capacity;
        public BigDecimal hours;
        public boolean immersive;
        public boolean fullTime;
    }

    void insert(@Param("r") CourseRow row, @Param("by") String by, @Param("at") Instant at);

    CourseRow find(@Param("id") long id);

    void update(@Param("r") CourseRow row);

    void delete(@Param("id") long id);

    List<CourseRow> between(@Param("from") LocalDate from, @Param("to") LocalDate to);

    /** Those of the ids that are courses starting between the dates. */
    List<Long> existing(@Param("ids") List<Long> ids, @Param("from") LocalDate from, @Param("to") LocalDate to);
}
