package cn.cadreflow.workflow;

import java.util.Locale;

import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;

import jakarta.annotation.security.PermitAll;

/**
 * One task: the form (read-only for an approval, editable for a revision), the actions the step allows,
 * the diagram with the current position and the timeline. Works for any process whose user tasks carry
 * a {@code cf.kind} property.
 */
@Route("task/:taskId")
@PermitAll
public class TaskView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final WorkflowService workflow;
    private final Texts texts;
    private String title = "";

    public TaskView(WorkflowService workflow, Texts texts) {
        this.workflow = workflow;
        this.texts = texts;
        addClassName("view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String user = SecurityContextHolder.getContext().getAuthentication().getName();
        String taskId = event.getRouteParameters().get("taskId").orElse(null);
        Locale locale = getLocale();
        WorkflowViews.TaskDetail task;
        try {
            task = workflow.task(taskId, user);
        } catch (WorkflowException e) {
            title = getTranslation("task.title");
            Paragraph message = new Paragraph(getTranslation(e.messageKey()));
            message.setId("task-error");
            add(new H2(title), message, new RouterLink(getTranslation("task.backToInbox"), InboxView.class));
            return;
        }
        WorkflowViews.TaskSummary s = task.summary();
        title = texts.stepName(s.processKey(), s.stepKey(), s.name(), locale);
        add(new H2(texts.processName(s.processKey(), s.processName(), locale) + " · " + title));
        add(new Paragraph(getTranslation("task.meta", s.starterName(), texts.dateTime(s.created()))));

        boolean revise = task.kind() == WorkflowViews.StepKind.REVISE;
        FormRenderer form = task.form() == null ? null : new FormRenderer(task.form(), texts, locale, revise);
        if (form != null) {
            form.setValues(task.values());
            add(form);
        }
        add(revise ? reviseActions(taskId, user, form) : approvalActions(taskId, user));

        WorkflowViews.InstanceDetail detail = workflow.instance(s.processInstanceId(), user);
        add(new InstancePanel(detail, workflow.diagram(s.processInstanceId(), user), texts, locale));
    }

    private VerticalLayout approvalActions(String taskId, String user) {
        TextArea opinion = new TextArea(getTranslation("task.opinion"));
        opinion.setId("opinion");
        opinion.setWidthFull();
        opinion.setRequiredIndicatorVisible(true);
        opinion.setMaxLength(2000);
        opinion.setPlaceholder(getTranslation("task.opinionPlaceholder"));
        Button approve = new Button(getTranslation("task.approve"), e -> act(opinion,
                () -> workflow.decide(taskId, user, true, opinion.getValue()), "task.approved"));
        approve.setId("approve");
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button reject = new Button(getTranslation("task.reject"), e -> act(opinion,
                () -> workflow.decide(taskId, user, false, opinion.getValue()), "task.rejected"));
        reject.setId("reject");
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        VerticalLayout box = new VerticalLayout(opinion, new HorizontalLayout(approve, reject));
        box.setPadding(false);
        return box;
    }

    private VerticalLayout reviseActions(String taskId, String user, FormRenderer form) {
        TextArea note = new TextArea(getTranslation("task.note"));
        note.setId("note");
        note.setWidthFull();
        note.setMaxLength(2000);
        Button resubmit = new Button(getTranslation("task.resubmit"), e -> {
            try {
                workflow.resubmit(taskId, user, form == null ? java.util.Map.of() : form.values(), note.getValue());
                done("task.resubmitted");
            } catch (WorkflowException ex) {
                if (form != null) {
                    form.showErrors(ex.errors(), texts, getLocale());
                }
                Notices.error(ex.errors().isEmpty() ? getTranslation(ex.messageKey())
                        : texts.errors(ex.errors(), getLocale()));
            }
        });
        resubmit.setId("resubmit");
        resubmit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button withdraw = new Button(getTranslation("task.withdraw"), e -> {
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("task.withdrawConfirmTitle"),
                    getTranslation("task.withdrawConfirm"), getTranslation("task.withdraw"), c -> act(null,
                    () -> workflow.withdraw(taskId, user, note.getValue()), "task.withdrawn"));
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("common.cancel"));
            confirm.setConfirmButtonTheme("error primary");
            confirm.setId("withdraw-confirm");
            confirm.open();
        });
        withdraw.setId("withdraw");
        withdraw.addThemeVariants(ButtonVariant.LUMO_ERROR);
        VerticalLayout box = new VerticalLayout(note, new HorizontalLayout(resubmit, withdraw));
        box.setPadding(false);
        return box;
    }

    private void act(TextArea opinion, Runnable action, String doneKey) {
        try {
            action.run();
            done(doneKey);
        } catch (WorkflowException ex) {
            String message = getTranslation(ex.messageKey());
            if (opinion != null && ex.errors().stream().anyMatch(err -> "opinion".equals(err.field()))) {
                opinion.setErrorMessage(message);
                opinion.setInvalid(true);
            }
            Notices.error(message);
        }
    }

    private void done(String key) {
        Notices.success(getTranslation(key));
        getUI().ifPresent(ui -> ui.navigate(InboxView.class));
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
