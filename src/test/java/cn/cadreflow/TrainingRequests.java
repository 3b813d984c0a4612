package cn.cadreflow;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** Training-leave form values as a cadre would submit them. */
public final class TrainingRequests {

    /** All test classes share one database; each request gets its own ten days, far from the others. */
    private static final java.util.concurrent.atomic.AtomicInteger SLOT = new java.util.concurrent.atomic.AtomicInteger();

    private TrainingRequests() {
    }

    /** A start date no other request of the same cadre in this test run overlaps. */
    public static LocalDate nextFreeStart() {
        return LocalDate.now().plusDays(2000 + 10L * SLOT.getAndIncrement());
    }

    public static Map<String, Object> request(String course, LocalDate start, int days, double hours) {
        Map<String, Object> v = new HashMap<>();
        v.put("courseName", course);
        v.put("organizer", "湘江市委党校");
        v.put("trainingType", "FULL_TIME");
        v.put("startDate", start.toString());
        v.put("endDate", start.plusDays(days - 1L).toString());
        v.put("hours", hours);
        v.put("location", "湘江市委党校");
        v.put("reason", "参加数字政府专题培训，工作由党政办同事代管。");
        return v;
    }
}
