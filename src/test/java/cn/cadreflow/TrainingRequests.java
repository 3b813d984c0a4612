package cn.cadreflow;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** Training-leave form values as a cadre would submit them. */
public final class TrainingRequests {

    private TrainingRequests() {
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
