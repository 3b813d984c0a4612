package cn.cadreflow.workflow.internal.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import cn.cadreflow.ui.Texts;

/**
 * When a bell item came, as people read it in a message list: "刚刚", "3分钟前", "今天 09:30", "昨天 14:05", "11月28日
 * 14:05", and with the year once it is not this year's; in the reader's time zone and language.
 */
final class BellTime {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private BellTime() {
    }

    static String of(Instant at, Instant now, ZoneId zone, Texts texts, Locale locale) {
        if (at == null) {
            return "";
        }
        Duration ago = Duration.between(at, now);
        if (ago.toMinutes() < 1) {
            return texts.get("bell.time.justNow", locale);
        }
        if (ago.toMinutes() < 60) {
            return texts.get("bell.time.minutesAgo", locale, ago.toMinutes());
        }
        ZonedDateTime when = at.atZone(zone);
        LocalDate today = now.atZone(zone).toLocalDate();
        String time = TIME.format(when);
        if (when.toLocalDate().equals(today)) {
            return texts.get("bell.time.today", locale, time);
        }
        if (when.toLocalDate().equals(today.minusDays(1))) {
            return texts.get("bell.time.yesterday", locale, time);
        }
        String pattern = texts.get(when.getYear() == today.getYear() ? "bell.time.thisYear" : "bell.time.otherYear",
                locale);
        return DateTimeFormatter.ofPattern(pattern, locale).format(when);
    }
}
