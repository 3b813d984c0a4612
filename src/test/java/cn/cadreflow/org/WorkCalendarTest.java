package cn.cadreflow.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.org.CalendarDay.Kind;

/**
 * The work calendar over 2091–2094, years no other test uses: weekends off, recorded holidays skipped and 调休
 * weekend days counted, a 国庆-style week, refusals that change nothing, replacing and removing a date.
 */
@CadreFlowTest
class WorkCalendarTest {

    @Autowired
    WorkCalendar calendar;
    @Autowired
    MessageSource messages;

    static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    @AfterEach
    void removeWhatTheTestRecorded() {
        for (int year = 2091; year <= 2094; year++) {
            calendar.year(year).forEach(d -> calendar.remove(d.calendarDate()));
        }
    }

    @Test
    void withNothingRecordedMondayToFridayAreWorkingDays() {
        assertThat(calendar.isWorkingDay(date("2091-10-01"))).as("Monday").isTrue();
        assertThat(calendar.isWorkingDay(date("2091-10-05"))).as("Friday").isTrue();
        assertThat(calendar.isWorkingDay(date("2091-10-06"))).as("Saturday").isFalse();
        assertThat(calendar.isWorkingDay(date("2091-10-07"))).as("Sunday").isFalse();
        // Friday + 1 is the Monday after, Thursday + 5 the Thursday a week later
        assertThat(calendar.addWorkingDays(date("2091-10-05"), 1)).isEqualTo(date("2091-10-08"));
        assertThat(calendar.addWorkingDays(date("2091-10-04"), 5)).isEqualTo(date("2091-10-11"));
        // from a Saturday: the Monday is the first
        assertThat(calendar.addWorkingDays(date("2091-10-06"), 1)).isEqualTo(date("2091-10-08"));
        assertThat(calendar.addWorkingDays(date("2091-10-06"), 0)).isEqualTo(date("2091-10-06"));
        assertThat(calendar.year(2091)).isEmpty();
    }

    @Test
    void aHolidayIsSkippedAndAWeekendWorkdayCounted() {
        calendar.record(date("2091-11-07"), Kind.HOLIDAY, "测试节", "admin");
        calendar.record(date("2091-11-10"), Kind.WORKDAY, "测试节调休", "admin");
        assertThat(calendar.isWorkingDay(date("2091-11-07"))).as("the Wednesday off").isFalse();
        assertThat(calendar.isWorkingDay(date("2091-11-10"))).as("the Saturday worked").isTrue();
        // Monday 5th + 2: Tuesday, (Wednesday off), Thursday
        assertThat(calendar.addWorkingDays(date("2091-11-05"), 2)).isEqualTo(date("2091-11-08"));
        // Thursday 8th + 2: Friday, Saturday worked
        assertThat(calendar.addWorkingDays(date("2091-11-08"), 2)).isEqualTo(date("2091-11-10"));
    }

    @Test
    void aNationalDayWeekWithMakeUpWeekendsCountsAsTheStateCouncilAnnouncesIt() {
        // 1–5 October 2091 (Monday to Friday) off; the Saturdays before and after worked instead
        for (int day = 1; day <= 5; day++) {
            calendar.record(LocalDate.of(2091, 10, day), Kind.HOLIDAY, "国庆节", "admin");
        }
        calendar.record(date("2091-09-29"), Kind.WORKDAY, "国庆节调休", "admin");
        calendar.record(date("2091-10-13"), Kind.WORKDAY, "国庆节调休", "admin");

        assertThat(calendar.year(2091)).extracting(CalendarDay::calendarDate).containsExactly(date("2091-09-29"),
                date("2091-10-01"), date("2091-10-02"), date("2091-10-03"), date("2091-10-04"), date("2091-10-05"),
                date("2091-10-13"));
        assertThat(calendar.year(2091)).allSatisfy(d -> assertThat(d.recordedBy()).isEqualTo("admin"))
                .allSatisfy(d -> assertThat(d.recordedAt()).isNotNull());
        // Friday 28 September + 1: the Saturday worked; + 2: straight over the holiday week to Monday 8 October
        assertThat(calendar.addWorkingDays(date("2091-09-28"), 1)).isEqualTo(date("2091-09-29"));
        assertThat(calendar.addWorkingDays(date("2091-09-28"), 2)).isEqualTo(date("2091-10-08"));
        // a five-day notice from that Friday: 29 September, 8, 9, 10, 11 October
        assertThat(calendar.addWorkingDays(date("2091-09-28"), 5)).isEqualTo(date("2091-10-11"));
        // ... and from the Thursday after: Friday 12 and the Saturday worked, 13 October
        assertThat(calendar.addWorkingDays(date("2091-10-11"), 2)).isEqualTo(date("2091-10-13"));
        // counting from inside the holiday week
        assertThat(calendar.addWorkingDays(date("2091-10-03"), 1)).isEqualTo(date("2091-10-08"));
    }

    @Test
    void countingCrossesIntoTheNextYearsRecords() {
        calendar.record(date("2092-01-01"), Kind.HOLIDAY, "元旦", "admin");
        // Friday 28 December 2091 + 2: Monday 31, (Tuesday 1 January off), Wednesday 2 January
        assertThat(calendar.addWorkingDays(date("2091-12-28"), 2)).isEqualTo(date("2092-01-02"));
        calendar.remove(date("2092-01-01"));
        assertThat(calendar.addWorkingDays(date("2091-12-28"), 2)).isEqualTo(date("2092-01-01"));
    }

    @Test
    void badEntriesAreRefusedInBothLanguagesAndChangeNothing() {
        calendar.record(date("2093-03-04"), Kind.HOLIDAY, "测试节", "admin");
        List<CalendarDay> before = calendar.year(2093);

        refused(() -> calendar.record(date("2093-03-07"), Kind.HOLIDAY, "测试节", "admin"),
                "calendar.error.holidayOnWeekend", "2093-03-07 是周末，本来就休息：节假日须为周一至周五的日期");
        refused(() -> calendar.record(date("2093-03-03"), Kind.WORKDAY, "测试节调休", "admin"),
                "calendar.error.workdayOnWeekday", "2093-03-03 是周一至周五，本来就上班：调休上班日须为周六或周日");
        refused(() -> calendar.record(date("2093-03-04"), Kind.HOLIDAY, "  ", "admin"),
                "calendar.error.nameRequired", "请填写名称");
        refused(() -> calendar.record(date("2093-03-04"), Kind.HOLIDAY, null, "admin"),
                "calendar.error.nameRequired", "请填写名称");
        refused(() -> calendar.record(date("2093-03-04"), Kind.HOLIDAY, "节".repeat(51), "admin"),
                "calendar.error.nameTooLong", "名称不能超过 50 个字");
        refused(() -> calendar.record(null, Kind.HOLIDAY, "测试节", "admin"),
                "calendar.error.dateRequired", "请选择日期");
        refused(() -> calendar.record(date("2093-03-03"), null, "测试节", "admin"),
                "calendar.error.kindRequired", "请选择类型");

        assertThat(calendar.year(2093)).isEqualTo(before);
        assertThat(calendar.isWorkingDay(date("2093-03-07"))).isFalse();
        assertThat(calendar.isWorkingDay(date("2093-03-03"))).isTrue();
        // fifty characters are fine, and the name is kept without the spaces around it
        assertThat(calendar.record(date("2093-03-04"), Kind.HOLIDAY, " " + "节".repeat(50) + " ", "admin").name())
                .isEqualTo("节".repeat(50));
    }

    void refused(Runnable entry, String key, String chinese) {
        assertThatThrownBy(entry::run).isInstanceOfSatisfying(OrgException.class, ex -> {
            assertThat(ex.key()).isEqualTo(key);
            assertThat(messages.getMessage(ex.key(), ex.args(), Locale.SIMPLIFIED_CHINESE)).isEqualTo(chinese);
            assertThat(messages.getMessage(ex.key(), ex.args(), Locale.ENGLISH)).isNotBlank().isNotEqualTo(chinese);
        });
    }

    @Test
    void aDateIsReplacedByItsNewEntryAndRemoved() {
        calendar.record(date("2094-05-03"), Kind.HOLIDAY, "劳动节", "admin");
        calendar.record(date("2094-05-03"), Kind.HOLIDAY, "国际劳动节", "root");
        assertThat(calendar.year(2094)).singleElement().satisfies(d -> {
            assertThat(d.calendarDate()).isEqualTo(date("2094-05-03"));
            assertThat(d.dayKind()).isEqualTo(Kind.HOLIDAY);
            assertThat(d.name()).isEqualTo("国际劳动节");
            assertThat(d.recordedBy()).isEqualTo("root");
        });
        assertThat(calendar.isWorkingDay(date("2094-05-03"))).isFalse();

        assertThat(calendar.remove(date("2094-05-03"))).isTrue();
        assertThat(calendar.remove(date("2094-05-03"))).isFalse();
        assertThat(calendar.year(2094)).isEmpty();
        assertThat(calendar.isWorkingDay(date("2094-05-03"))).isTrue();
    }
}
