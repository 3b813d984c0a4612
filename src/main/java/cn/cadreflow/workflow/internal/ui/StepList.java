package cn.cadreflow.workflow.internal.ui;

import java.util.List;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Span;

import cn.cadreflow.ui.Texts;

/**
 * 审批流程 in the 钉钉 style: one entry per step in order, each with its people (a round badge with the name's
 * initials, then the name), its state (已同意, 不同意, 退回, 待处理 …), its time and opinion; a waiting step names who
 * may act on it.
 */
class StepList extends OrderedList {

    StepList(List<ApprovalSteps.Row> rows, Texts texts, SignatureImages signatures) {
        setId("step-list");
        addClassName("step-list");
        for (ApprovalSteps.Row row : rows) {
            ListItem item = new ListItem();
            item.addClassNames("step", "step-" + row.state());
            Span name = new Span(row.step());
            name.addClassName("step-name");
            Span state = new Span(row.stateText());
            state.addClassName("step-state");
            Div head = new Div(name, state);
            head.addClassName("step-head");
            item.add(head);
            Div people = new Div();
            people.addClassName("step-people");
            if (row.people().isEmpty() && row.pending()) {
                people.add(new Span("—"));
            }
            for (String person : row.people()) {
                Span badge = new Span(ApprovalSteps.initials(person));
                badge.addClassName("avatar");
                Span who = new Span(badge, new Span(person));
                who.addClassName("person");
                people.add(who);
            }
            if (row.signature() != null) {
                signatures.image(row.signature()).ifPresent(people::add);
            }
            if (row.target() != null) {
                Span target = new Span("→ " + row.target());
                target.addClassName("step-target");
                people.add(target);
            }
            item.add(people);
            if (row.at() != null) {
                Div when = new Div(row.pending() ? getTranslation("stepState.since", texts.dateTime(row.at()))
                        : texts.dateTime(row.at()));
                when.addClassName("step-time");
                item.add(when);
            }
            if (row.opinion() != null && !row.opinion().isBlank()) {
                Div opinion = new Div(row.opinion());
                opinion.addClassName("step-opinion");
                item.add(opinion);
            }
            add(item);
        }
    }
}
