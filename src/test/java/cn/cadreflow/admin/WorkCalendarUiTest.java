package cn.cadreflow.admin;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.admin.internal.WorkCalendarView;
import cn.cadreflow.org.CalendarDay;
import cn.cadreflow.org.WorkCalendar;
import cn.cadreflow.ui.KaribuSupport;

/** 工作日历: the admin records and removes holidays of 2095, a year no other test uses. */
@CadreFlowTest
class WorkCalendarUiTest extends KaribuSupport {

    static final int YEAR = 2095;

    @Autowired
    WorkCalendar calendar;

    @AfterEach
    void removeWhatTheTestRecorded() {
        calendar.year(YEAR).forEach(d -> calendar.remove(d.calendarDate()));
    }

    static List<String> menu() {
        return _get(SideNav.class, spec -> spec.withId("main-nav")).getItems().stream()
                .map(SideNavItem::getLabel).toList();
    }

    @SuppressWarnings("unchecked")
    static Grid<CalendarDay> grid() {
        return _get(Grid.class, spec -> spec.withId("calendar-grid"));
    }

    static List<String> rows() {
        Grid<CalendarDay> grid = grid();
        return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._getFormattedRow(grid, i).toString())
                .toList();
    }

    static String status() {
        return _get(Paragraph.class, spec -> spec.withId("calendar-status")).getText();
    }

    @SuppressWarnings("unchecked")
    static void enter(String date, CalendarDay.Kind kind, String name) {
        _setValue(_get(DatePicker.class, spec -> spec.withId("calendar-date")), LocalDate.parse(date));
        if (kind != null) {
            _setValue(_get(Select.class, spec -> spec.withId("calendar-kind")), kind);
        }
        _setValue(_get(TextField.class, spec -> spec.withId("calendar-name")), name);
        _click(_get(Button.class, spec -> spec.withId("calendar-save")));
    }

    void openAsAdmin() {
        login("admin");
        assertThat(menu()).contains("工作日历", "考核指标");
        navigate("admin/calendar");
        NavigatorKt.expectView(WorkCalendarView.class);
        _setValue(_get(IntegerField.class, spec -> spec.withId("calendar-year")), YEAR);
        assertThat(rows()).isEmpty();
    }

    @Test
    void theAdminRecordsAHolidaySeesItListedAndRemovesIt() {
        openAsAdmin();
        // a Monday: the kind follows the date
        enter("2095-10-03", null, "国庆节");
        assertThat(status()).isEqualTo("已保存：2095-10-03 国庆节");
        assertThat(notificationTexts()).contains("已保存：2095-10-03 国庆节");
        assertThat(rows()).singleElement().asString()
                .contains("2095-10-03", "星期一", "节假日（放假）", "国庆节", "admin");
        assertThat(calendar.isWorkingDay(LocalDate.of(YEAR, 10, 3))).isFalse();

        enter("2095-10-08", CalendarDay.Kind.WORKDAY, "国庆节调休");
        assertThat(rows()).hasSize(2);
        assertThat(rows().get(1)).contains("2095-10-08", "星期六", "调休上班", "国庆节调休");
        assertThat(calendar.isWorkingDay(LocalDate.of(YEAR, 10, 8))).isTrue();

        Button remove = (Button) GridKt._getCellComponent(grid(), 0, "remove");
        assertThat(remove.getId()).hasValue("remove-2095-10-03");
        _click(remove);
        assertThat(status()).isEqualTo("已删除：2095-10-03 国庆节");
        assertThat(rows()).singleElement().asString().contains("2095-10-08");
        assertThat(calendar.isWorkingDay(LocalDate.of(YEAR, 10, 3))).isTrue();
    }

    @Test
    void aRefusedEntryShowsWhyAndAddsNothing() {
        openAsAdmin();
        // a Saturday cannot be a holiday
        enter("2095-10-01", CalendarDay.Kind.HOLIDAY, "国庆节");
        assertThat(status()).isEqualTo("2095-10-01 是周末，本来就休息：节假日须为周一至周五的日期");
        assertThat(notificationTexts()).contains(status());
        enter("2095-10-04", CalendarDay.Kind.HOLIDAY, " ");
        assertThat(status()).isEqualTo("请填写名称");
        assertThat(rows()).isEmpty();
        assertThat(calendar.year(YEAR)).isEmpty();
    }

    @Test
    void onlyTheAdminMayOpenTheCalendar() {
        login("wangfang");
        assertThat(menu()).doesNotContain("工作日历");
        expectMissingPage("admin/calendar");
        assertThat(_find(WorkCalendarView.class)).isEmpty();
    }
}
