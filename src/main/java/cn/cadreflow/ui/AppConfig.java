package cn.cadreflow.ui;

import java.time.Clock;
import java.time.Duration;
import java.lang.management.ManagementFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.theme.Theme;

/** Application shell (theme, page metadata), the clock, and the start-up report. */
@Configuration
@Theme("cadreflow")
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
public class AppConfig implements AppShellConfigurator {

    private static final Logger log = LoggerFactory.getLogger(AppConfig.class);

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    @EventListener(ApplicationReadyEvent.class)
    void reportStartup() {
        long millis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        String seconds = String.format("%.1f", Duration.ofMillis(millis).toMillis() / 1000.0);
        log.info("CadreFlow ready in {} s from process start", seconds);
        System.out.println("CadreFlow ready in " + seconds + " s from process start");
    }
}
