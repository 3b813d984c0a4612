package cn.cadreflow.workflow.internal.guard;

import java.time.OffsetDateTime;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Whether a history time to live and a timer's literal ISO 8601 value make sense. */
final class Durations {

    /** The longest a timer may wait or a history be kept: 100 years. */
    static final long MAX_DAYS = 36_500;
    private static final Pattern DAYS = Pattern.compile("[0-9]{1,6}");
    private static final Pattern ISO = Pattern.compile("P(?:([0-9]+)Y)?(?:([0-9]+)M)?(?:([0-9]+)W)?(?:([0-9]+)D)?"
            + "(?:T(?:([0-9]+)H)?(?:([0-9]+)M)?(?:([0-9]+(?:\\.[0-9]+)?)S)?)?");
    private static final Pattern CYCLE = Pattern.compile("R([0-9]{0,4})/(P.*)");

    private Durations() {
    }

    /** A number of days (0 keeps no history) or a period in days, within a hundred years. */
    static boolean historyTimeToLive(String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        String v = value.strip();
        if (DAYS.matcher(v).matches()) {
            return Long.parseLong(v) <= MAX_DAYS;
        }
        Long seconds = seconds(v);
        return seconds != null && seconds <= MAX_DAYS * 86_400;
    }

    /** The message key of a timer value's problem, or null when it can fire. An expression is checked elsewhere. */
    static String timerProblem(String kind, String value) {
        if (value.isEmpty()) {
            return "guard.timer.missing";
        }
        if (value.contains("${") || value.contains("#{")) {
            return null;
        }
        switch (kind) {
            case "timeDuration" -> {
                Long seconds = seconds(value);
                return seconds == null || seconds <= 0 || seconds > MAX_DAYS * 86_400 ? "guard.timer.duration" : null;
            }
            case "timeCycle" -> {
                Matcher m = CYCLE.matcher(value);
                if (!m.matches() || "0".equals(m.group(1))) {
                    return "guard.timer.cycle";
                }
                Long seconds = seconds(m.group(2));
                return seconds == null || seconds < 60 || seconds > MAX_DAYS * 86_400 ? "guard.timer.cycle" : null;
            }
            default -> {
                return date(value) ? null : "guard.timer.date";
            }
        }
    }

    /** The length of an ISO 8601 duration in seconds (a month is 31 days, a year 366), or null. */
    static Long seconds(String value) {
        Matcher m = ISO.matcher(value);
        if (!m.matches() || value.equals("P") || value.endsWith("T")) {
            return null;
        }
        try {
            long days = part(m, 1) * 366 + part(m, 2) * 31 + part(m, 3) * 7 + part(m, 4);
            if (days > MAX_DAYS * 2) {
                return Long.MAX_VALUE;
            }
            double seconds = days * 86_400d + part(m, 5) * 3600d + part(m, 6) * 60d
                    + (m.group(7) == null ? 0 : Double.parseDouble(m.group(7)));
            return seconds > Long.MAX_VALUE / 2d ? Long.MAX_VALUE : (long) Math.ceil(seconds);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static long part(Matcher m, int group) {
        String g = m.group(group);
        if (g == null) {
            return 0;
        }
        return g.length() > 9 ? Long.MAX_VALUE / 1_000_000 : Long.parseLong(g);
    }

    private static boolean date(String value) {
        try {
            OffsetDateTime.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            try {
                LocalDateTime.parse(value);
                return true;
            } catch (DateTimeParseException e2) {
                return false;
            }
        }
    }
}
