package cn.cadreflow.i18n.internal;

import java.util.Locale;

import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;

import cn.cadreflow.i18n.AppI18NProvider;

/**
 * Chinese by default, whatever the browser says; the language switch stores the choice in the session.
 */
@Component
public class LocaleSetup implements VaadinServiceInitListener {

    private static final String ATTRIBUTE = "cadreflow.locale";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(e -> e.getUI().setLocale(current(e.getUI().getSession())));
    }

    public static Locale current(VaadinSession session) {
        Object chosen = session == null ? null : session.getAttribute(ATTRIBUTE);
        return chosen instanceof Locale l ? l : AppI18NProvider.CHINESE;
    }

    /** Switches the session's language and reloads the page in it. */
    public static void switchTo(Locale locale) {
        UI ui = UI.getCurrent();
        ui.getSession().setAttribute(ATTRIBUTE, locale);
        ui.setLocale(locale);
        ui.getPage().reload();
    }
}
