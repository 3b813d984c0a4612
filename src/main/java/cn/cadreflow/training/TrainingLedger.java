package cn.cadreflow.training;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;

import cn.cadreflow.training.internal.TrainingMapper;

/**
 * 培训台账: the courses each cadre attended. The cadre file shows it, the annual review counts its hours, and a
 * training-leave request whose completion HR confirmed adds its course here with the hours attended.
 */
@Service
public class TrainingLedger {

    private final TrainingMapper mapper;
    private final Clock clock;

    public TrainingLedger(TrainingMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The cadre's courses, latest start first. */
    public List<TrainingRecord> ledger(long cadreId) {
        return mapper.ledger(cadreId);
    }

    /** The 学时 the cadre has in the ledger for the current year. */
    public BigDecimal hoursThisYear(long cadreId) {
        return mapper.hoursInYear(cadreId, LocalDate.now(clock).getYear());
    }

    /** Adds a course to the cadre's ledger (the record's id is ignored). */
    public void record(TrainingRecord course) {
        mapper.insertRecord(course, clock.instant());
    }
}
