package cn.cadreflow.i18n.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;

/** Numbers in messages are written as Chinese readers write them: "1000", never "1,000". */
class PlainNumberMessagesTest {

    final MessageSource messages = new PlainNumberMessages().messageSource("messages", "UTF-8", false);

    @Test
    void aLimitOfAThousandReadsOneThousandWithoutSeparators() {
        assertThat(messages.getMessage("form.error.maxLength", new Object[] {1000}, Locale.SIMPLIFIED_CHINESE))
                .contains("1000").doesNotContain("1,000");
        assertThat(messages.getMessage("workflow.error.opinionTooLong", new Object[] {2000},
                Locale.SIMPLIFIED_CHINESE)).contains("2000").doesNotContain("2,000");
        assertThat(messages.getMessage("text.tooLong", new Object[] {1000, 4000}, Locale.SIMPLIFIED_CHINESE))
                .contains("1000", "4000").doesNotContain(",000");
        assertThat(messages.getMessage("upload.tooBig", new Object[] {10.0}, Locale.SIMPLIFIED_CHINESE))
                .as("a pattern's own number format is kept").contains("10 MB");
        assertThat(messages.getMessage("form.error.max", new Object[] {2.5}, Locale.SIMPLIFIED_CHINESE))
                .contains("2.5");
    }

    @Test
    void noChineseMessageGroupsTheDigitsOfANumber() throws IOException {
        Properties zh = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/messages.properties")) {
            zh.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        int checked = 0;
        for (String key : zh.stringPropertyNames()) {
            if (!zh.getProperty(key).matches("(?s).*\\{\\d.*")) {
                continue;
            }
            Object[] numbers = new Object[10];
            Arrays.fill(numbers, 12345);
            assertThat(messages.getMessage(key, numbers, Locale.SIMPLIFIED_CHINESE)).as(key)
                    .doesNotContain("12,345");
            checked++;
        }
        assertThat(checked).as("messages with placeholders").isGreaterThan(100);
    }
}
