package cn.cadreflow.workflow.internal.ui;

import java.util.Locale;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.RouterLink;

import cn.cadreflow.ui.Texts;
import cn.cadreflow.workflow.WorkflowException;
import cn.cadreflow.workflow.WorkflowQueries;
import cn.cadreflow.workflow.WorkflowViews;
import cn.cadreflow.workflow.internal.task.Signatures;
import cn.cadreflow.workflow.internal.form.FormRenderer;

/**
 * A task that has ended, opened again (已办, a bell item, a link kept from before): the title, who handled it and
 * when, the step's form read-only with the values as history keeps them, then the request's diagram and timeline.
 * No actions. An anonymous step (民主测评) shows that the rating was given, never what it was.
 */
class HandledTaskPanel extends VerticalLayout {

    private final String title;

    HandledTaskPanel(WorkflowViews.HandledTask task, WorkflowQueries queries, Signatures signatures, String user,
                     Texts texts, Locale locale) {
        setPadding(false);
        WorkflowViews.TaskSummary s = task.summary();
        title = texts.stepName(s.processKey(), s.stepKey(), s.name(), locale);
        H2 heading = new H2(getTranslation("task.heading", title, AboutLine.of(s, texts, locale)));
        heading.setId("task-title");
        Paragraph state = new Paragraph(task.cancelled()
                ? getTranslation("task.handled.cancelled", texts.dateTime(s.ended()))
                : task.handledByName() == null ? getTranslation("task.handled.doneAt", texts.dateTime(s.ended()))
                : getTranslation("task.handled.doneBy", task.handledByName(), texts.dateTime(s.ended())));
        state.setId("task-handled");
        add(heading, state);
        if (task.anonymous()) {
            Paragraph anonymous = new Paragraph(getTranslation("task.handled.anonymous"));
            anonymous.setId("task-handled-anonymous");
            add(anonymous);
        } else if (task.form() != null) {
            FormRenderer form = new FormRenderer(task.form(), texts, locale, false);
            form.setValues(task.values());
            add(form);
        }
        add(new RouterLink(getTranslation("task.backToInbox"), InboxView.class));
        try {
            WorkflowViews.InstanceDetail detail = queries.instance(s.processInstanceId(), user);
            add(PrintView.link(s.processInstanceId()));
            add(new InstancePanel(detail, queries.diagram(s.processInstanceId(), user), signatures, texts,
                    locale));
        } catch (WorkflowException e) {
            // a rater may see their own rating's step, not the request it belongs to
        }
    }

    String title() {
        return title;
    }
}
