package cn.cadreflow.org.internal;

import java.time.LocalDate;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import cn.cadreflow.org.CalendarDay;

@Mapper
public interface WorkCalendarMapper {

    /** The recorded dates from {@code from} to {@code to}, both included, in date order. */
    List<CalendarDay> between(@Param("from") LocalDate from, @Param("to") LocalDate to);

    void insert(CalendarDay day);

    int delete(@Param("date") LocalDate date);
}
