package cn.cadreflow.cadre;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the cadre forms write dates: 出生年月, 任现职时间 and the like as the official forms do, "1990.01" in Chinese, and
 * "Jan 1990" in English.
 */
public final class CadreFormats {

    private static final DateTimeFormatter CHINESE = DateTimeFormatter.ofPattern("yyyy.MM");
    private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ENGLISH);

    private CadreFormats() {
    }

    /** The year and month of the date ("" for none). */
    public static String yearMonth(LocalDate date, Locale locale) {
        if (date == null) {
            return "";
        }
        return (Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? ENGLISH : CHINESE).format(date);
    }
}
