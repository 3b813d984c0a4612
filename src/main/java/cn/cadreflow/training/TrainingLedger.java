package cn.cadreflow.training;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import cn.cadreflow.training.internal.TrainingMapper;

/**
 * 培训台账: the courses each cadre attended. The cadre file shows it, the annual review counts its hours, and a
 * training-leave request whose completion HR confirmed adds its course here with the hours attended.
 */
@Service
public class TrainingLedger {

    private static final int BATCH = 500;

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

    /**
     * The courses of many cadres at once (reports over thousands of cadres), read in batches; a cadre without any
     * has an empty list. Each list is latest start first.
     */
    public Map<Long, List<TrainingRecord>> ledgers(Collection<Long> cadreIds) {
        Map<Long, List<TrainingRecord>> result = new HashMap<>();
        List<Long> ids = new ArrayList<>(cadreIds);
        ids.forEach(id -> result.put(id, new ArrayList<>()));
        for (int i = 0; i < ids.size(); i += BATCH) {
            for (TrainingRecord record : mapper.ledgers(ids.subList(i, Math.min(ids.size(), i + BATCH)))) {
                result.get(record.cadreId()).add(record);
            }
        }
        return result;
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
