package cn.cadreflow.org;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** A date of the work calendar that breaks the Monday-to-Friday week, who recorded it and when. */
public record CalendarDay(LocalDate calendarDate, Kind dayKind, String name, String recordedBy,
                          LocalDateTime recordedAt) {

    public enum Kind {
        /** A weekday off: a statutory holiday such as 国庆节. */
        HOLIDAY,
        /** A Saturday or Sunday worked (调休). */
        WORKDAY
    }

    /** Whether the date is a working day when the calendar records nothing for it: Monday to Friday. */
    public static boolean weekday(LocalDate date) {
        DayOfWeek d = date.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY;
    }
}
