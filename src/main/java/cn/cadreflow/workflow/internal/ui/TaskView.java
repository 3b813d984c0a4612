package cn.cadreflow.workflow.internal.ui;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

import jakarta.annotation.security.PermitAll;

import cn.cadreflow.ui.Notices;
import cn.cadreflow.ui.TextLimit;
import cn.cadreflow.ui.Texts;
import cn.cadreflow.workflow.InstanceCommands;
import cn.cadreflow.workflow.SubjectNotes;
import cn.cadreflow.workflow.TaskCommands;
import cn.cadreflow.workflow.WorkflowException;
import cn.cadreflow.workflow.WorkflowQueries;
import cn.cadreflow.workflow.WorkflowViews;
import cn.cadreflow.workflow.internal.People;
import cn.cadreflow.workflow.internal.WorkflowSettings;
import cn.cadreflow.workflow.internal.form.FormRenderer;
import cn.cadreflow.workflow.internal.task.SavedOpinions;
import cn.cadreflow.workflow.internal.task.Signatures;
import cn.cadreflow.workflow.internal.task.TaskDrafts;
import cn.cadreflow.workflow.internal.trail.Trail;

/**
 * One task: the form (read-only for an approval, editable for a revision), the actions the step allows,
 * the diagram with the current position and the timeline. Works for any process whose user tasks carry
 * a {@code cf.kind} property.
 */
@Route("task/:taskId")
@PermitAll
public class TaskView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final TaskCommands commands;
    private final InstanceCommands instanceCommands;
    private final WorkflowQueries queries;
    private final People people;
    private final WorkflowSettings settings;
    private final Texts texts;
    private final Clock clock;
    private final List<SubjectNotes> subjectNotes;
    private final SavedOpinions savedOpinions;
    private final TaskDrafts drafts;
    private final Signatures signatures;
    private String title = "";
    private String taskId;

    public TaskView(TaskCommands commands, InstanceCommands instanceCommands, WorkflowQueries queries, People people,
                    WorkflowSettings settings, Texts texts, Clock clock, List<SubjectNotes> subjectNotes,
                    SavedOpinions savedOpinions, TaskDrafts drafts, Signatures signatures) {
        this.signatures = signatures;
        this.commands = commands;
        this.instanceCommands = instanceCommands;
        this.queries = queries;
        this.people = people;
        this.settings = settings;
        this.texts = texts;
        this.clock = clock;
        this.subjectNotes = subjectNotes;
        this.savedOpinions = savedOpinions;
        this.drafts = drafts;
        addClassNames("view", "task-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        TaskViewStyle.addTo(this);
        String user = SecurityContextHolder.getContext().getAuthentication().getName();
        taskId = event.getRouteParameters().get("taskId").orElse(null);
        Locale locale = getLocale();
        WorkflowViews.TaskDetail task;
        try {
            task = queries.task(taskId, user);
        } catch (WorkflowException e) {
            if (showHandled(e, user, locale)) {
                return;
            }
            title = getTranslation("task.title");
            Paragraph message = new Paragraph(getTranslation(e.messageKey(), e.errors().stream().findFirst()
                    .map(err -> err.args().toArray()).orElse(new Object[0])));
            message.setId("task-error");
            add(new H2(title), message, new RouterLink(getTranslation("task.backToInbox"), InboxView.class));
            return;
        }
        WorkflowViews.TaskSummary s = task.summary();
        title = texts.stepName(s.processKey(), s.stepKey(), s.name(), locale);
        H2 heading = new H2(getTranslation("task.heading", title, AboutLine.of(s, texts, locale)));
        heading.setId("task-title");
        add(heading);
        Paragraph meta = new Paragraph(getTranslation("task.meta", s.starterName(), texts.dateTime(s.created())));
        meta.setId("task-meta");
        add(meta);
        if (s.cadreName() != null && !s.cadreName().equals(s.starterName())) {
            // started by an officer about a cadre (a review, say): whom the task is about
            Paragraph subject = new Paragraph(getTranslation("task.subject", s.cadreName()));
            subject.setId("task-subject");
            add(subject);
        }
        // what every approver of a task about this person must read (a protected fault-tolerance matter, say)
        Optional.ofNullable(SubjectNotesPanel.of(subjectNotes, task.subject(), user, texts, locale)).ifPresent(this::add);

        if (s.due() != null) {
            Paragraph due = new Paragraph(getTranslation(s.overdue(clock.instant()) ? "task.dueOverdue" : "task.due",
                    texts.dateTime(s.due())));
            due.setId("task-due");
            if (s.overdue(clock.instant())) {
                due.addClassName("overdue");
            }
            add(due);
        }
        boolean revise = task.kind() == WorkflowViews.StepKind.REVISE;
        boolean fill = task.kind() == WorkflowViews.StepKind.FORM;
        FormRenderer form = task.form() == null ? null
                : new FormRenderer(task.form(), texts, locale, revise || fill);
        if (form != null) {
            form.setValues(task.values());
            if (fill && !task.delegated()) {
                restoreDraft(user, form);
            }
            add(form);
        }
        // the step's own actions: under the form on a desktop, fixed at the bottom of a phone's screen
        HorizontalLayout bar = new HorizontalLayout();
        bar.setId("task-action-bar");
        bar.addClassName("task-action-bar");
        if (task.delegated()) {
            add(resolveActions(taskId, user, task, bar));
        } else if (fill) {
            formActions(taskId, user, form, bar);
        } else {
            add(revise ? reviseActions(taskId, user, form, bar) : approvalActions(taskId, user, task, bar));
        }
        add(bar);
        add(new TaskMoreActions(commands, instanceCommands, queries, settings, texts, taskId, user, task, this::reload,
                this::done, bar, savedOpinions));
        add(PrintView.link(s.processInstanceId()));

        WorkflowViews.InstanceDetail detail = queries.instance(s.processInstanceId(), user);
        if (!detail.attachments().isEmpty()) {
            add(new H3(getTranslation("attachment.title")),
                    new AttachmentList(queries, texts, s.processInstanceId(), user, detail.attachments()));
        }
        add(new InstancePanel(detail, queries.diagram(s.processInstanceId(), user), signatures, texts, locale));
    }

    /** A task that has ended opens read-only (已办), for whoever may see its request; false for anyone else. */
    private boolean showHandled(WorkflowException gone, String user, Locale locale) {
        if (!"workflow.error.taskGone".equals(gone.messageKey())) {
            return false;
        }
        try {
            HandledTaskPanel panel = new HandledTaskPanel(queries.handledTask(taskId, user), queries, signatures, user, texts,
                    locale);
            title = panel.title();
            add(panel);
            return true;
        } catch (WorkflowException e) {
            return false;
        }
    }

    /** A 暂存 draft of this user's comes back into the form, with a note saying so and when it was saved. */
    private void restoreDraft(String user, FormRenderer form) {
        TaskDrafts.Draft draft = drafts.find(taskId, user);
        if (draft != null) {
            form.setValues(draft.values());
            Paragraph note = new Paragraph(getTranslation("task.draftRestored", texts.dateTime(draft.savedAt())));
            note.setId("draft-restored");
            note.addClassName("draft-note");
            add(note);
        }
    }

    private VerticalLayout resolveActions(String taskId, String user, WorkflowViews.TaskDetail task,
                                          HorizontalLayout bar) {
        Paragraph info = new Paragraph(getTranslation("task.delegatedInfo",
                people.nameOf(task.summary().owner())));
        info.setId("delegated-info");
        TextArea opinion = new TextArea(getTranslation("task.opinion"));
        opinion.setId("opinion");
        opinion.setWidthFull();
        opinion.setRequiredIndicatorVisible(true);
        TextLimit.apply(opinion, Trail.OPINION_MAX);
        Button resolve = new Button(getTranslation("task.resolve"), e -> act(opinion,
                () -> commands.resolve(taskId, user, opinion.getValue()), "task.resolved"));
        resolve.setId("resolve");
        resolve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        bar.add(resolve);
        VerticalLayout box = new VerticalLayout(info, opinion, new OpinionPicker(savedOpinions, user, opinion, "opinion"));
        box.setPadding(false);
        return box;
    }

    private void reload() {
        getUI().ifPresent(ui -> ui.navigate(TaskView.class, new RouteParameters("taskId", taskId)));
    }

    private VerticalLayout approvalActions(String taskId, String user, WorkflowViews.TaskDetail task,
                                           HorizontalLayout bar) {
        TextArea opinion = new TextArea(getTranslation("task.opinion"));
        opinion.setId("opinion");
        opinion.setWidthFull();
        opinion.setRequiredIndicatorVisible(true);
        TextLimit.apply(opinion, Trail.OPINION_MAX);
        opinion.setPlaceholder(getTranslation("task.opinionPlaceholder"));
        SignatureChoice signature = new SignatureChoice(signatures, user);
        Button approve = new Button(getTranslation("task.approve"), e -> act(opinion,
                () -> commands.decide(taskId, user, true, opinion.getValue(), signature.ticked()), "task.approved"));
        approve.setId("approve");
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button reject = new RefusalButton(task, texts, getLocale(), doneKey -> act(opinion,
                () -> commands.decide(taskId, user, false, opinion.getValue(), signature.ticked()), doneKey));
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        bar.add(approve, reject);
        VerticalLayout box = new VerticalLayout(opinion, new OpinionPicker(savedOpinions, user, opinion, "opinion"),
                signature);
        if (task.ownerApproved()) {
            approve.setVisible(false);
            Paragraph waiting = new Paragraph(getTranslation("task.waitingForAdded",
                    String.join("、", task.addedApprovers())));
            waiting.setId("waiting-added");
            box.addComponentAsFirst(waiting);
        } else if (!task.addedApprovers().isEmpty()) {
            Paragraph added = new Paragraph(getTranslation("task.addedApprovers",
                    String.join("、", task.addedApprovers())));
            added.setId("added-approvers");
            box.addComponentAsFirst(added);
        }
        box.setPadding(false);
        return box;
    }

    private void formActions(String taskId, String user, FormRenderer form, HorizontalLayout bar) {
        Button submit = new Button(getTranslation("task.submitForm"), e -> {
            try {
                commands.submitForm(taskId, user, form == null ? java.util.Map.of() : form.values());
                done("task.formSubmitted");
            } catch (WorkflowException ex) {
                refused(form, ex);
            }
        });
        submit.setId("submit-form");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button save = new Button(getTranslation("task.saveDraft"), e -> {
            try {
                Instant at = drafts.save(taskId, user, form == null ? java.util.Map.of() : form.values());
                Notices.success(getTranslation("task.draftSaved", texts.dateTime(at)));
            } catch (WorkflowException ex) {
                Notices.error(getTranslation(ex.messageKey()));
            }
        });
        save.setId("save-draft");
        bar.add(submit, save);
    }

    private VerticalLayout reviseActions(String taskId, String user, FormRenderer form, HorizontalLayout bar) {
        TextArea note = new TextArea(getTranslation("task.note"));
        note.setId("note");
        note.setWidthFull();
        TextLimit.apply(note, Trail.OPINION_MAX);
        Button resubmit = new Button(getTranslation("task.resubmit"), e -> {
            try {
                commands.resubmit(taskId, user, form == null ? java.util.Map.of() : form.values(), note.getValue());
                done("task.resubmitted");
            } catch (WorkflowException ex) {
                refused(form, ex);
            }
        });
        resubmit.setId("resubmit");
        resubmit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button withdraw = new Button(getTranslation("task.withdraw"), e -> {
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("task.withdrawConfirmTitle"),
                    getTranslation("task.withdrawConfirm"), getTranslation("task.withdraw"), c -> act(null,
                    () -> commands.withdraw(taskId, user, note.getValue()), "task.withdrawn"));
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("common.cancel"));
            confirm.setConfirmButtonTheme("error primary");
            confirm.setId("withdraw-confirm");
            confirm.open();
        });
        withdraw.setId("withdraw");
        withdraw.addThemeVariants(ButtonVariant.LUMO_ERROR);
        bar.add(resubmit, withdraw);
        VerticalLayout box = new VerticalLayout(note);
        box.setPadding(false);
        return box;
    }

    private void refused(FormRenderer form, WorkflowException ex) {
        if (form != null) {
            form.showRefusal(ex, texts);
        } else {
            Notices.error(getTranslation(ex.messageKey()));
        }
    }

    private void act(TextArea opinion, Runnable action, String doneKey) {
        try {
            action.run();
            done(doneKey);
        } catch (WorkflowException ex) {
            String message = getTranslation(ex.messageKey(), ex.errors().stream().findFirst()
                    .map(err -> err.args().toArray()).orElse(new Object[0]));
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
