package cn.cadreflow.workflow.internal.ui;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;

import cn.cadreflow.ui.Texts;
import cn.cadreflow.workflow.SubjectNotes;

/** The {@link SubjectNotes} about the person a task is about, under a heading; nothing when there are none. */
final class SubjectNotesPanel {

    private SubjectNotesPanel() {
    }

    /** The panel, or null when no module has anything to say (or there is no subject, or the reader is it). */
    static Div of(List<SubjectNotes> sources, String subject, String reader, Texts texts, Locale locale) {
        if (subject == null || subject.equals(reader)) {
            return null;
        }
        List<String> notes = sources.stream().flatMap(s -> s.notes(subject, locale).stream()).toList();
        if (notes.isEmpty()) {
            return null;
        }
        UnorderedList list = new UnorderedList(notes.stream().map(ListItem::new).toArray(ListItem[]::new));
        Div panel = new Div(new Paragraph(texts.get("task.subjectNotes", locale)), list);
        panel.setId("task-subject-notes");
        panel.addClassName("subject-notes");
        return panel;
    }
}
