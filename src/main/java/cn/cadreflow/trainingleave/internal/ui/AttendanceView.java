package cn.cadreflow.trainingleave.internal.ui;

import java.math.BigDecimal;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import cn.cadreflow.security.AppRoles;
import cn.cadreflow.security.UserService;
import cn.cadreflow.trainingleave.AbsenceRule;
import cn.cadreflow.trainingleave.AttendanceDay;
import cn.cadreflow.trainingleave.PlannedLeaves;
import cn.cadreflow.trainingleave.TrainingLeaveRequest;
import cn.cadreflow.ui.DatePickers;
import cn.cadreflow.ui.Notices;
import cn.cadreflow.ui.Texts;
import cn.cadreflow.workflow.WorkflowException;
import jakarta.annotation.security.RolesAllowed;

/**
 * 培训考勤: the HR officer (the course organiser) records per course day the hours a cadre on a planned leave attended
 * and was absent; absence beyond 1/7 of the course's 学时 withdraws the cadre at once (退学); once the course is over
 * and every day recorded, 考勤完成 credits the hours.
 */
@Route("training/attendance")
@Menu(order = 10.4, title = "trainingleave.nav.attendance", icon = "vaadin:check-square-o")
@RolesAllowed(AppRoles.HR_OFFICER)
public class AttendanceView extends VerticalLayout implements HasDynamicTitle {

    private final PlannedLeaves leaves;
    private final String user;

    final Select<TrainingLeaveRequest> leave = new Select<>();
    final Paragraph absence = new Paragraph();
    final Grid<AttendanceDay> days = new Grid<>();
    final DatePicker day = new DatePicker();
    final NumberField attended = new NumberField();
    final NumberField absent = new NumberField();
    final Button record = new Button();
    final Button finish = new Button();
    final Paragraph empty = new Paragraph();

    public AttendanceView(PlannedLeaves leaves, UserService users, Texts texts) {
        this.leaves = leaves;
        this.user = users.current().username();
        addClassName("view");
        leave.setId("attendance-leave");
        leave.setLabel(getTranslation("trainingleave.attendance.leave"));
        leave.setItemLabelGenerator(r -> r.courseName() + " · " + r.startDate() + " · " + r.id());
        leave.setWidth("32em");
        leave.addValueChangeListener(e -> show());
        days.setId("attendance-days");
        days.addColumn(AttendanceDay::courseDay).setHeader(getTranslation("trainingleave.attendance.day"));
        days.addColumn(d -> d.attended().toPlainString()).setHeader(getTranslation("trainingleave.attendance.attended"));
        days.addColumn(d -> d.absent().toPlainString()).setHeader(getTranslation("trainingleave.attendance.absent"));
        days.setAllRowsVisible(true);
        day.setId("attendance-day");
        day.setLabel(getTranslation("trainingleave.attendance.day"));
        day.setI18n(DatePickers.i18n(texts, getLocale()));
        attended.setId("attendance-attended");
        attended.setLabel(getTranslation("trainingleave.attendance.attended"));
        attended.setMin(0);
        attended.setStep(0.5);
        absent.setId("attendance-absent");
        absent.setLabel(getTranslation("trainingleave.attendance.absent"));
        absent.setMin(0);
        absent.setStep(0.5);
        record.setId("attendance-record");
        record.setText(getTranslation("trainingleave.attendance.record"));
        record.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        record.addClickListener(e -> record());
        finish.setId("attendance-finish");
        finish.setText(getTranslation("trainingleave.attendance.finish"));
        finish.addClickListener(e -> finish());
        absence.setId("attendance-absence");
        empty.setText(getTranslation("trainingleave.attendance.none"));
        add(new H2(getPageTitle()), empty, leave, absence, days, new HorizontalLayout(day, attended, absent, record),
                finish);
        load();
    }

    private void load() {
        List<TrainingLeaveRequest> open = leaves.attendanceOf(user);
        leave.setItems(open);
        boolean any = !open.isEmpty();
        empty.setVisible(!any);
        for (var c : List.of(leave, absence, days, day, attended, absent, record, finish)) {
            c.setVisible(any);
        }
        if (any) {
            leave.setValue(open.get(0));
        }
    }

    private void show() {
        TrainingLeaveRequest r = leave.getValue();
        if (r == null) {
            return;
        }
        List<AttendanceDay> recorded = leaves.attendance(user, r.id());
        days.setItems(recorded);
        BigDecimal total = recorded.stream().map(AttendanceDay::absent).reduce(BigDecimal.ZERO, BigDecimal::add);
        absence.setText(getTranslation("trainingleave.attendance.absence", total.stripTrailingZeros().toPlainString(),
                AbsenceRule.allowedAbsence(r.hours()).toPlainString(), r.hours().stripTrailingZeros().toPlainString()));
        day.setMin(r.startDate());
        day.setMax(r.endDate());
    }

    private void record() {
        TrainingLeaveRequest r = leave.getValue();
        if (r == null) {
            return;
        }
        try {
            boolean withdrawn = leaves.recordDay(user, r.id(), day.getValue(), decimal(attended), decimal(absent));
            if (withdrawn) {
                Notices.error(getTranslation("trainingleave.attendance.droppedOut", r.courseName()));
                load();
            } else {
                Notices.success(getTranslation("trainingleave.attendance.recorded"));
                show();
            }
        } catch (WorkflowException e) {
            Notices.error(LeaveErrors.text(this, e));
        }
    }

    private void finish() {
        TrainingLeaveRequest r = leave.getValue();
        if (r == null) {
            return;
        }
        try {
            leaves.finishAttendance(user, r.id());
            Notices.success(getTranslation("trainingleave.attendance.finished"));
            load();
        } catch (WorkflowException e) {
            Notices.error(LeaveErrors.text(this, e));
        }
    }

    private static BigDecimal decimal(NumberField field) {
        return field.getValue() == null ? null : BigDecimal.valueOf(field.getValue());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("trainingleave.nav.attendance");
    }
}
