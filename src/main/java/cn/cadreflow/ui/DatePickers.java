package cn.cadreflow.ui;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.datepicker.DatePicker;

/** Date pickers in the user's language, with ISO dates (2026-11-23) as Chinese offices write them. */
public final class DatePickers {

    private DatePickers() {
    }

    public static DatePicker.DatePickerI18n i18n(Texts texts, Locale locale) {
        DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n();
        i18n.setMonthNames(list(texts.get("datepicker.months", locale)));
        i18n.setWeekdays(list(texts.get("datepicker.weekdays", locale)));
        i18n.setWeekdaysShort(list(texts.get("datepicker.weekdaysShort", locale)));
        i18n.setToday(texts.get("datepicker.today", locale));
        i18n.setCancel(texts.get("datepicker.cancel", locale));
        i18n.setFirstDayOfWeek(1);
        i18n.setDateFormat("yyyy-MM-dd");
        return i18n;
    }

    private static List<String> list(String csv) {
        return Arrays.stream(csv.split(",")).map(String::strip).toList();
    }
}
