package cn.cadreflow.workflow;

import java.util.Locale;

import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

/** One process instance as its starter or a participant sees it: status, submitted form, diagram, timeline. */
@Route("instance/:instanceId")
@PermitAll
public class InstanceView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final WorkflowService workflow;
    private final Texts texts;
    private String title = "";

    public InstanceView(WorkflowService workflow, Texts texts) {
        this.workflow = workflow;
        this.texts = texts;
        addClassName("view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String user = SecurityContextHolder.getContext().getAuthentication().getName();
        String id = event.getRouteParameters().get("instanceId").orElse(null);
        Locale locale = getLocale();
        WorkflowViews.InstanceDetail detail;
        try {
            detail = workflow.instance(id, user);
        } catch (WorkflowException e) {
            title = getTranslation("nav.started");
            Paragraph p = new Paragraph(getTranslation(e.messageKey()));
            p.setId("instance-error");
            add(new H2(title), p);
            return;
        }
        WorkflowViews.InstanceSummary s = detail.summary();
        title = texts.processName(s.processKey(), s.processName(), locale);
        Span status = new Span(StartedView.status(s, texts, locale));
        status.setId("instance-status");
        status.addClassName("status-badge");
        add(new H2(title + (s.businessKey() == null ? "" : " " + s.businessKey())),
                new Paragraph(getTranslation("instance.meta", detail.starterName(), texts.dateTime(s.started()))),
                status);
        if (detail.form() != null) {
            FormRenderer form = new FormRenderer(detail.form(), texts, locale, false);
            form.setValues(detail.values());
            add(form);
        }
        add(new InstancePanel(detail, workflow.diagram(id, user), texts, locale));
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
