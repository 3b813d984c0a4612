package cn.cadreflow.workflow.internal.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import cn.cadreflow.ui.Texts;

/** When a bell item came, as its reader says it, in the reader's time zone. */
class BellTimeTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** 2026-12-02 10:00 in Shanghai. */
    private static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");
    private final Texts texts = texts();

    private static Texts texts() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new Texts(messages);
    }

    private String zh(String at) {
        return BellTime.of(Instant.parse(at), NOW, SHANGHAI, texts, Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void recentItemsSayHowLongAgo() {
        assertThat(zh("2026-12-02T01:59:40Z")).isEqualTo("刚刚");
        assertThat(zh("2026-12-02T01:57:00Z")).isEqualTo("3分钟前");
        assertThat(zh("2026-12-02T00:30:00Z")).isEqualTo("今天 08:30");
    }

    @Test
    void olderItemsSayTheDayInTheReadersZone() {
        // 06:05 UTC on 1 December is 14:05 in Shanghai: yesterday there
        assertThat(zh("2026-12-01T06:05:00Z")).isEqualTo("昨天 14:05");
        assertThat(zh("2026-11-28T06:05:00Z")).isEqualTo("11月28日 14:05");
        assertThat(zh("2025-11-28T06:05:00Z")).isEqualTo("2025年11月28日 14:05");
        // the same moment in London is still 1 December, 06:05, and "today" there is 2 December
        assertThat(BellTime.of(Instant.parse("2026-12-01T06:05:00Z"), NOW, ZoneId.of("Europe/London"), texts,
                Locale.SIMPLIFIED_CHINESE)).isEqualTo("昨天 06:05");
    }

    @Test
    void inEnglishToo() {
        assertThat(BellTime.of(Instant.parse("2026-12-02T01:57:00Z"), NOW, SHANGHAI, texts, Locale.ENGLISH))
                .isEqualTo("3 min ago");
        assertThat(BellTime.of(Instant.parse("2026-12-01T06:05:00Z"), NOW, SHANGHAI, texts, Locale.ENGLISH))
                .isEqualTo("yesterday 14:05");
        assertThat(BellTime.of(Instant.parse("2026-11-28T06:05:00Z"), NOW, SHANGHAI, texts, Locale.ENGLISH))
                .isEqualTo("Nov 28, 14:05");
    }
}
