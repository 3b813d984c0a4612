package cn.cadreflow.training.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import cn.cadreflow.training.TrainingRecord;

/** The training ledger (training_record). */
@Mapper
public interface TrainingMapper {

    void insertRecord(@Param("r") TrainingRecord record, @Param("at") Instant at);

    List<TrainingRecord> ledger(@Param("cadreId") long cadreId);

    /** The ledgers of the cadres, by cadre, each latest start first. */
    List<TrainingRecord> ledgers(@Param("cadreIds") Collection<Long> cadreIds);

    BigDecimal hoursInYear(@Param("cadreId") long cadreId, @Param("year") int year);
}
