package cn.cadreflow.org;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cadreflow.org.internal.WorkCalendarMapper;

/**
 * 工作日历: which dates are working days. Monday to Friday are, Saturday and Sunday are not, except for the dates
 * recorded here: a {@link CalendarDay.Kind#HOLIDAY HOLIDAY} is a weekday off, a {@link CalendarDay.Kind#WORKDAY
 * WORKDAY} a weekend day worked (调休), as the State Council announces them each year. A year holds a few dozen
 * records at most, so they are read from the database when asked for, one query per calendar year counted
 * through; an edit counts at once everywhere.
 */
@Service
public class WorkCalendar {

    public static final int NAME_MAX = 50;

    private final WorkCalendarMapper mapper;
    private final Clock clock;

    public WorkCalendar(WorkCalendarMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    public boolean isWorkingDay(LocalDate date) {
        return working(date, byDate(date.getYear()).get(date));
    }

    /**
     * The same time of day on the {@code n}-th working day after {@code from}: a step's due date, "within n working
     * days" of its arrival.
     */
    public ZonedDateTime afterWorkingDays(ZonedDateTime from, int n) {
        return addWorkingDays(from.toLocalDate(), n).atTime(from.toLocalTime()).atZone(from.getZone());
    }

    /** The {@code n}-th working day after {@code from} ({@code from} itself not counted); {@code from} when n is 0. */
    public LocalDate addWorkingDays(LocalDate from, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        LocalDate day = from;
        int year = from.getYear();
        Map<LocalDate, CalendarDay> recorded = n == 0 ? Map.of() : byDate(year);
        for (int left = n; left > 0; ) {
            day = day.plusDays(1);
            if (day.getYear() != year) {
                year = day.getYear();
                recorded = byDate(year);
            }
            if (working(day, recorded.get(day))) {
                left--;
            }
        }
        return day;
    }

    /** The dates recorded for the year, in date order. */
    public List<CalendarDay> year(int year) {
        Year y = Year.of(year);
        return mapper.between(y.atDay(1), y.atMonth(12).atEndOfMonth());
    }

    /**
     * Records the date as a holiday (a Monday to Friday) or as a 调休 working day (a Saturday or Sunday), replacing
     * what was recorded for it. Refuses with an {@link OrgException} and changes nothing when the date or kind is
     * missing, the name is blank or longer than {@value #NAME_MAX} characters, or the kind does not fit the weekday.
     */
    @Transactional
    public CalendarDay record(LocalDate date, CalendarDay.Kind kind, String name, String recordedBy) {
        if (date == null) {
            throw new OrgException("calendar.error.dateRequired");
        }
        if (kind == null) {
            throw new OrgException("calendar.error.kindRequired");
        }
        String text = name == null ? "" : name.strip();
        if (text.isEmpty()) {
            throw new OrgException("calendar.error.nameRequired");
        }
        if (text.codePointCount(0, text.length()) > NAME_MAX) {
            throw new OrgException("calendar.error.nameTooLong", NAME_MAX);
        }
        if (kind == CalendarDay.Kind.HOLIDAY && !CalendarDay.weekday(date)) {
            throw new OrgException("calendar.error.holidayOnWeekend", date.toString());
        }
        if (kind == CalendarDay.Kind.WORKDAY && CalendarDay.weekday(date)) {
            throw new OrgException("calendar.error.workdayOnWeekday", date.toString());
        }
        CalendarDay day = new CalendarDay(date, kind, text, recordedBy, LocalDateTime.now(clock).withNano(0));
        mapper.delete(date);
        mapper.insert(day);
        return day;
    }

    /** Removes what was recorded for the date; false when nothing was. */
    @Transactional
    public boolean remove(LocalDate date) {
        return mapper.delete(date) > 0;
    }

    private Map<LocalDate, CalendarDay> byDate(int year) {
        return year(year).stream().collect(Collectors.toMap(CalendarDay::calendarDate, Function.identity()));
    }

    private static boolean working(LocalDate date, CalendarDay recorded) {
        return recorded == null ? CalendarDay.weekday(date) : recorded.dayKind() == CalendarDay.Kind.WORKDAY;
    }
}
