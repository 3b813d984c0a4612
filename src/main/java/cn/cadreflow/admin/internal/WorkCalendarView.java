package cn.cadreflow.admin.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import cn.cadreflow.org.CalendarDay;
import cn.cadreflow.org.OrgException;
import cn.cadreflow.org.WorkCalendar;
import cn.cadreflow.security.AppRoles;
import cn.cadreflow.security.UserService;
import cn.cadreflow.ui.DatePickers;
import cn.cadreflow.ui.Texts;
import jakarta.annotation.security.RolesAllowed;

/**
 * 工作日历: the admin records, year by year, the holidays that fall on weekdays and the weekend days worked instead
 * (调休), as the State Council announces them. Periods counted in working days (the 公示 of the annual review) follow
 * them. {@link WorkCalendar} checks every entry; a refusal is shown in the user's language and nothing is changed.
 */
@Route("admin/calendar")
@Menu(order = 21, title = "calendar.nav", icon = "vaadin:calendar")
@RolesAllowed(AppRoles.ADMIN)
public class WorkCalendarView extends VerticalLayout implements HasDynamicTitle {

    private final WorkCalendar calendar;
    private final String user;
    private final IntegerField year = new IntegerField();
    private final Grid<CalendarDay> grid = new Grid<>();
    private final DatePicker date = new DatePicker();
    private final Select<CalendarDay.Kind> kind = new Select<>();
    private final TextField name = new TextField();
    private final Paragraph status = new Paragraph();

    public WorkCalendarView(WorkCalendar calendar, UserService users, Texts texts, Clock clock) {
        this.calendar = calendar;
        this.user = users.current().username();
        addClassName("view");

        year.setLabel(getTranslation("calendar.year"));
        year.setId("calendar-year");
        year.setStepButtonsVisible(true);
        year.setValue(LocalDate.now(clock).getYear());
        year.addValueChangeListener(e -> list());

        grid.setId("calendar-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("calendar.empty"));
        grid.addColumn(d -> d.calendarDate().toString()).setHeader(getTranslation("calendar.date")).setAutoWidth(true);
        grid.addColumn(d -> d.calendarDate().getDayOfWeek().getDisplayName(TextStyle.FULL, getLocale()))
                .setHeader(getTranslation("calendar.weekday")).setAutoWidth(true);
        grid.addColumn(d -> kindLabel(d.dayKind())).setHeader(getTranslation("calendar.kind")).setAutoWidth(true);
        grid.addColumn(CalendarDay::name).setHeader(getTranslation("calendar.name")).setFlexGrow(1);
        grid.addColumn(d -> d.recordedBy() + " " + d.recordedAt().toLocalDate())
                .setHeader(getTranslation("calendar.recorded")).setAutoWidth(true);
        grid.addComponentColumn(this::removeButton).setKey("remove").setAutoWidth(true);

        date.setLabel(getTranslation("calendar.date"));
        date.setId("calendar-date");
        date.setI18n(DatePickers.i18n(texts, getLocale()));
        // the kind that fits the date: a weekday can only be a holiday, a weekend day only a 调休 working day
        date.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                kind.setValue(CalendarDay.weekday(e.getValue()) ? CalendarDay.Kind.HOLIDAY : CalendarDay.Kind.WORKDAY);
            }
        });
        kind.setLabel(getTranslation("calendar.kind"));
        kind.setId("calendar-kind");
        kind.setItems(CalendarDay.Kind.values());
        kind.setItemLabelGenerator(this::kindLabel);
        name.setLabel(getTranslation("calendar.name"));
        name.setId("calendar-name");
        name.setPlaceholder(getTranslation("calendar.namePlaceholder"));
        Button save = new Button(getTranslation("calendar.save"), e -> save());
        save.setId("calendar-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(date, kind, name);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
        status.setId("calendar-status");

        add(new H2(getTranslation("calendar.title")), new Paragraph(getTranslation("calendar.hint")),
                new H3(getTranslation("calendar.add")), form, save, status, year, grid);
        list();
    }

    private void list() {
        Integer y = year.getValue();
        grid.setItems(y == null ? List.of() : calendar.year(y));
    }

    private void save() {
        CalendarDay day;
        try {
            day = calendar.record(date.getValue(), kind.getValue(), name.getValue(), user);
        } catch (OrgException ex) {
            status.setText(getTranslation(ex.key(), ex.args()));
            status.addClassName("error");
            notify(status.getText(), NotificationVariant.LUMO_ERROR);
            return;
        }
        status.setText(getTranslation("calendar.saved", day.calendarDate().toString(), day.name()));
        status.removeClassName("error");
        notify(status.getText(), NotificationVariant.LUMO_SUCCESS);
        date.clear();
        kind.clear();
        name.clear();
        if (!Integer.valueOf(day.calendarDate().getYear()).equals(year.getValue())) {
            year.setValue(day.calendarDate().getYear());
        } else {
            list();
        }
    }

    private Button removeButton(CalendarDay day) {
        Button remove = new Button(getTranslation("calendar.remove"), e -> {
            calendar.remove(day.calendarDate());
            list();
            status.setText(getTranslation("calendar.removed", day.calendarDate().toString(), day.name()));
            status.removeClassName("error");
            notify(status.getText(), NotificationVariant.LUMO_SUCCESS);
        });
        remove.setId("remove-" + day.calendarDate());
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        return remove;
    }

    private String kindLabel(CalendarDay.Kind k) {
        return getTranslation("calendar.kind." + k.name());
    }

    private static void notify(String text, NotificationVariant variant) {
        Notification.show(text, 5000, Notification.Position.BOTTOM_CENTER).addThemeVariants(variant);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("calendar.title") + " · " + getTranslation("app.name");
    }
}
