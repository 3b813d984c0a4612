package cn.cadreflow.ui;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.theme.Theme;

/** Application shell (theme, page metadata, server push for lists and counts that follow news) and the clock. */
@Configuration
@Push
@Theme("cadreflow")
@Meta(name = "viewport", content = "width=device-width, initial-scale=1")
public class AppConfig implements AppShellConfigurator {

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
