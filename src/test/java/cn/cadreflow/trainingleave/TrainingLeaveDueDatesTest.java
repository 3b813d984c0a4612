package cn.cadreflow.trainingleave;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.TrainingRequests;
import cn.cadreflow.org.CalendarDay;
import cn.cadreflow.org.WorkCalendar;
import cn.cadreflow.workflow.ProcessStarts;

/**
 * A training-leave step is due after working days of the work calendar, not calendar days: a request arriving on
 * a Wednesday is due with the leader on the Monday, and holidays and 调休 recorded in the calendar count. The
 * fixed-clock cases use March 2093, a year no other test records calendar days in.
 */
@CadreFlowTest
class TrainingLeaveDueDatesTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate WEDNESDAY = LocalDate.of(2093, 3, 4);

    @Autowired
    TrainingLeaveService requests;
    @Autowired
    WorkCalendar calendar;
    @Autowired
    ProcessStarts starts;
    @Autowired
    TaskService tasks;

    /** Dates this test recorded, with what was recorded for them before (restored afterwards). */
    final List<Optional<CalendarDay>> previous = new ArrayList<>();
    final List<LocalDate> recorded = new ArrayList<>();

    @AfterEach
    void restoreTheCalendar() {
        for (int i = 0; i < recorded.size(); i++) {
            calendar.remove(recorded.get(i));
            previous.get(i).ifPresent(d -> calendar.record(d.calendarDate(), d.dayKind(), d.name(), d.recordedBy()));
        }
    }

    void record(LocalDate date, CalendarDay.Kind kind, String name) {
        previous.add(calendar.year(date.getYear()).stream().filter(d -> d.calendarDate().equals(date)).findFirst());
        recorded.add(date);
        calendar.record(date, kind, name, "wangfang");
    }

    TrainingLeaveSteps stepsOn(LocalDate day) {
        Clock clock = Clock.fixed(day.atTime(9, 30).atZone(ZONE).toInstant(), ZONE);
        return new TrainingLeaveSteps(requests, null, null, calendar, clock, 3, 5, 7, 5, 5, 14, 7, 14, 7);
    }

    static LocalDateTime local(Date due) {
        return LocalDateTime.ofInstant(due.toInstant(), ZONE);
    }

    @Test
    void aRequestArrivingOnWednesdayIsDueWithTheLeaderOnMonday() {
        TrainingLeaveSteps steps = stepsOn(WEDNESDAY);
        assertThat(local(steps.leaderApprovalDue())).isEqualTo(LocalDate.of(2093, 3, 9).atTime(9, 30));
        assertThat(local(steps.hrApprovalDue())).isEqualTo(LocalDate.of(2093, 3, 11).atTime(9, 30));
        assertThat(local(steps.reviseDue())).isEqualTo(LocalDate.of(2093, 3, 13).atTime(9, 30));
    }

    @Test
    void holidaysAndTiaoxiuOfTheWorkCalendarCount() {
        record(LocalDate.of(2093, 3, 5), CalendarDay.Kind.HOLIDAY, "测试假日");
        record(LocalDate.of(2093, 3, 6), CalendarDay.Kind.HOLIDAY, "测试假日");
        record(LocalDate.of(2093, 3, 7), CalendarDay.Kind.WORKDAY, "测试调休");
        // Thursday and Friday off, Saturday worked: Saturday, Monday, Tuesday
        assertThat(local(stepsOn(WEDNESDAY).leaderApprovalDue())).isEqualTo(LocalDate.of(2093, 3, 10).atTime(9, 30));
    }

    @Test
    void theDiagramsLeaderStepIsDueOnTheThirdWorkingDay() {
        LocalDate today = LocalDate.now();
        for (LocalDate d = today.plusDays(1); !d.isAfter(today.plusDays(3)); d = d.plusDays(1)) {
            if (CalendarDay.weekday(d)) {
                record(d, CalendarDay.Kind.HOLIDAY, "测试假日");
            }
        }
        String pi = starts.start(TrainingLeaveService.PROCESS_KEY, "zhangwei",
                TrainingRequests.request("工作日办理期限", TrainingRequests.nextFreeStart(), 2, 12));
        Task leader = tasks.createTaskQuery().processInstanceId(pi).singleResult();
        assertThat(LocalDate.ofInstant(leader.getDueDate().toInstant(), ZoneId.systemDefault()))
                .isEqualTo(calendar.addWorkingDays(today, 3))
                .isAfter(today.plusDays(3));
    }
}
