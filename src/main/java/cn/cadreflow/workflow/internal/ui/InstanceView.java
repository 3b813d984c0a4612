package cn.cadreflow.workflow.internal.ui;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;

import jakarta.annotation.security.PermitAll;

import cn.cadreflow.ui.Notices;
import cn.cadreflow.ui.Texts;
import cn.cadreflow.workflow.InstanceCommands;
import cn.cadreflow.workflow.UserDirectory;
import cn.cadreflow.workflow.WorkflowException;
import cn.cadreflow.workflow.WorkflowQueries;
import cn.cadreflow.workflow.WorkflowViews;
import cn.cadreflow.workflow.internal.task.Signatures;
import cn.cadreflow.workflow.internal.form.FormRenderer;

/** One process instance as its starter or a participant sees it: status, submitted form, diagram, timeline. */
@Route("instance/:instanceId")
@PermitAll
public class InstanceView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final InstanceCommands instanceCommands;
    private final WorkflowQueries queries;
    private final Signatures signatures;
    private final Texts texts;
    private String title = "";

    public InstanceView(InstanceCommands instanceCommands, WorkflowQueries queries, Signatures signatures,
                        Texts texts) {
        this.instanceCommands = instanceCommands;
        this.signatures = signatures;
        this.queries = queries;
        this.texts = texts;
        addClassNames("view", "task-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        TaskViewStyle.addTo(this);
        String user = SecurityContextHolder.getContext().getAuthentication().getName();
        String id = event.getRouteParameters().get("instanceId").orElse(null);
        Locale locale = getLocale();
        WorkflowViews.InstanceDetail detail;
        try {
            detail = queries.instance(id, user);
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
        add(actions(id, user, detail));
        if (detail.form() != null) {
            FormRenderer form = new FormRenderer(detail.form(), texts, locale, false);
            form.setValues(detail.values());
            add(form);
        }
        if (!detail.attachments().isEmpty()) {
            add(new H3(getTranslation("attachment.title")), new AttachmentList(queries, texts, id, user, detail.attachments()));
        }
        add(new InstancePanel(detail, queries.diagram(id, user), signatures, texts, locale));
    }

    /** 撤回, 撤销, 催办, 终止 and 抄送, as far as this user may. */
    private HorizontalLayout actions(String id, String user, WorkflowViews.InstanceDetail detail) {
        HorizontalLayout bar = new HorizontalLayout();
        bar.setId("instance-actions");
        List<UserDirectory.DirectoryUser> others = queries.people().stream().filter(p -> !p.id().equals(user))
                .toList();
        if (detail.canRecall()) {
            bar.add(button("recall", "instance.recall", () -> new ActionDialog(getTranslation("instance.recall"),
                    ActionDialog.Pick.NONE, List.of(), getTranslation("task.reason"), false, null)
                    .onConfirm(d -> {
                        instanceCommands.recall(id, user, d.text.getValue());
                        done("instance.recalled", id);
                    })));
        }
        if (detail.canCancel()) {
            Button cancel = button("cancel", "instance.cancel", () -> new ActionDialog(
                    getTranslation("instance.cancelConfirm"), ActionDialog.Pick.NONE, List.of(),
                    getTranslation("task.reason"), false, null).onConfirm(d -> {
                        instanceCommands.cancel(id, user, d.text.getValue());
                        done("instance.cancelled", id);
                    }));
            cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
            bar.add(cancel);
        }
        if (detail.canUrge()) {
            bar.add(button("urge", "instance.urge", () -> new ActionDialog(getTranslation("instance.urge"),
                    ActionDialog.Pick.NONE, List.of(), getTranslation("task.note"), false, null)
                    .onConfirm(d -> {
                        instanceCommands.urge(id, user, d.text.getValue());
                        done("instance.urged", id);
                    })));
        }
        if (detail.canTerminate()) {
            Button terminate = button("terminate", "instance.terminate", () -> new ActionDialog(
                    getTranslation("instance.terminate"), ActionDialog.Pick.NONE, List.of(),
                    getTranslation("task.reason"), true, null).onConfirm(d -> {
                        instanceCommands.terminate(id, user, d.text.getValue());
                        done("instance.terminated", id);
                    }));
            terminate.addThemeVariants(ButtonVariant.LUMO_ERROR);
            bar.add(terminate);
        }
        bar.add(button("copy", "task.copy", () -> new ActionDialog(getTranslation("task.copy"),
                ActionDialog.Pick.MANY, others, null, false, null).onConfirm(d -> {
                    instanceCommands.copyTo(id, user, d.peopleIds());
                    done("task.copied", id);
                })));
        bar.add(PrintView.link(id));
        bar.setAlignItems(Alignment.BASELINE);
        return bar;
    }

    private Button button(String id, String key, Supplier<ActionDialog> dialog) {
        Button b = new Button(getTranslation(key), e -> dialog.get().open());
        b.setId(id);
        b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return b;
    }

    private void done(String key, String id) {
        Notices.success(getTranslation(key));
        getUI().ifPresent(ui -> ui.navigate(InstanceView.class, new RouteParameters("instanceId", id)));
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
