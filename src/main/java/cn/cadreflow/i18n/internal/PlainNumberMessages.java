package cn.cadreflow.i18n.internal;

import java.text.DateFormat;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.Format;
import java.text.MessageFormat;
import java.text.ParsePosition;
import java.util.Date;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The message bundles, with numbers written as Chinese readers write them: a plain {@code {0}} given a number shows
 * "1000", not Java's grouped "1,000" (a year "2026", not "2,026"). Patterns that name a number format
 * ({@code {0,number,#.#}}) keep it. Replaces Spring Boot's own {@code messageSource} with the same
 * {@code spring.messages.*} settings.
 */
@Configuration(proxyBeanMethods = false)
class PlainNumberMessages {

    @Bean
    MessageSource messageSource(@Value("${spring.messages.basename:messages}") String basename,
                                @Value("${spring.messages.encoding:UTF-8}") String encoding,
                                @Value("${spring.messages.fallback-to-system-locale:false}") boolean fallback) {
        Source source = new Source();
        source.setBasenames(basename.split("\\s*,\\s*"));
        source.setDefaultEncoding(encoding);
        source.setFallbackToSystemLocale(fallback);
        return source;
    }

    /** Resource bundles whose plain placeholders write numbers without grouping. */
    static final class Source extends ResourceBundleMessageSource {

        @Override
        protected MessageFormat createMessageFormat(String msg, Locale locale) {
            MessageFormat format = super.createMessageFormat(msg, locale);
            Format[] formats = format.getFormats();
            for (int i = 0; i < formats.length; i++) {
                if (formats[i] == null) {
                    formats[i] = new Plain(locale);
                }
            }
            format.setFormats(formats);
            return format;
        }
    }

    /**
     * What MessageFormat writes for a placeholder without a format, except that a number has no grouping
     * separators (and at most three decimals, as before).
     */
    static final class Plain extends Format {

        private final Locale locale;

        Plain(Locale locale) {
            this.locale = locale == null ? Locale.ROOT : locale;
        }

        @Override
        public StringBuffer format(Object value, StringBuffer to, FieldPosition position) {
            if (value instanceof Number n) {
                return new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(locale)).format(n, to, position);
            }
            if (value instanceof Date d) {
                return DateFormat.getDateTimeInstance(DateFormat.SHORT, DateFormat.SHORT, locale).format(d, to,
                        position);
            }
            return to.append(value);
        }

        @Override
        public Object parseObject(String source, ParsePosition position) {
            throw new UnsupportedOperationException("messages are only written");
        }
    }
}
