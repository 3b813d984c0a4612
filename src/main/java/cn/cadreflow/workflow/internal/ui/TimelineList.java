package cn.cadreflow.workflow.internal.ui;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;

import cn.cadreflow.ui.Texts;
import cn.cadreflow.workflow.TimelineEntry;
import cn.cadreflow.workflow.WorkflowViews;

/** Every action on an instance in order, then the steps still waiting and for whom (or, anonymous, for how many). */
class TimelineList extends UnorderedList {

    TimelineList(String processKey, List<TimelineEntry> entries, List<WorkflowViews.PendingStep> pending,
                 Texts texts, Locale locale) {
        addClassName("timeline");
        setId("timeline");
        for (TimelineEntry e : entries) {
            ListItem item = new ListItem();
            item.addClassName("action-" + e.action().name().toLowerCase(Locale.ROOT));
            item.add(new Div(new Span(texts.dateTime(e.at())), new Span(" · "),
                    new Span(texts.stepName(processKey, e.stepKey(), e.stepName(), locale))));
            item.getChildren().findFirst().ifPresent(c -> c.getElement().getClassList().add("when"));
            // an anonymous step's actions name nobody
            String actor = e.actor() == null ? texts.get("timeline.someone", locale) : e.actorName();
            Div what = new Div(new Span(texts.get("action." + e.action().name(), locale, actor,
                    e.targetName() == null ? "" : e.targetName())));
            what.addClassName("what");
            item.add(what);
            if (e.opinion() != null) {
                Div opinion = new Div(e.opinion());
                opinion.addClassName("opinion");
                item.add(opinion);
            }
            add(item);
        }
        for (WorkflowViews.PendingStep p : pending) {
            ListItem item = new ListItem();
            item.addClassName("pending");
            Div when = new Div(new Span(texts.dateTime(p.since()) + " · "),
                    new Span(texts.stepName(processKey, p.stepKey(), p.stepName(), locale)));
            when.addClassName("when");
            Div who = p.tally() != null ? new Div(texts.get("timeline.tally", locale, p.tally().done(), p.tally().total()))
                    : new Div(texts.get("timeline.waitingFor", locale,
                    p.people().isEmpty() ? "—" : String.join("、", p.people())));
            who.addClassName("who");
            item.add(when, who);
            add(item);
        }
    }
}
