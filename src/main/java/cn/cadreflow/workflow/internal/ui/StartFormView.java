package cn.cadreflow.workflow.internal.ui;

import java.util.Locale;

import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

import cn.cadreflow.ui.Notices;
import cn.cadreflow.ui.Texts;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.WorkflowException;
import cn.cadreflow.workflow.WorkflowViews;
import cn.cadreflow.workflow.internal.form.FormRenderer;

/**
 * A process's start form, prefilled with what the system already knows; submitting starts the process. A process
 * whose feature has a start page of its own ({@code ProcessHandler.startRoute}) is started there.
 */
@Route("start/:processKey")
@RolesAllowed("CADRE")
public class StartFormView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ProcessStarts starts;
    private final Texts texts;
    private String title = "";

    public StartFormView(ProcessStarts starts, Texts texts) {
        this.starts = starts;
        this.texts = texts;
        addClassName("view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String user = SecurityContextHolder.getContext().getAuthentication().getName();
        String key = event.getRouteParameters().get("processKey").orElse("");
        String own = starts.startRoute(key).orElse(null);
        if (own != null) {
            event.forwardTo(own);
            return;
        }
        Locale locale = getLocale();
        WorkflowViews.StartForm start;
        try {
            start = starts.startForm(key, user);
        } catch (WorkflowException e) {
            title = getTranslation("nav.start");
            Paragraph p = new Paragraph(getTranslation(e.messageKey()));
            p.setId("start-error");
            add(new H2(title), p);
            return;
        }
        title = texts.processName(start.processKey(), start.name(), locale);
        FormRenderer form = new FormRenderer(start.form(), texts, locale, true);
        form.setValues(start.known());
        Button submit = new Button(getTranslation("start.submit"), e -> {
            try {
                starts.start(key, user, form.values());
                Notices.success(getTranslation("start.submitted"));
                getUI().ifPresent(ui -> ui.navigate(StartedView.class));
            } catch (WorkflowException ex) {
                form.showRefusal(ex, texts);
            }
        });
        submit.setId("submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2(title), new Paragraph(getTranslation("start.prefilled")), form, submit);
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
