package cn.cadreflow.modelling.internal;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.QueryParameters;

import cn.cadreflow.modelling.LibraryEntry;

/**
 * The head of 比较版本 and 迁移实例: two versions of the library to pick (ids {@code <prefix>-from} and
 * {@code <prefix>-to}) and the button that acts on them, the pair also taken from the address
 * ({@code ?from=<versionId>&to=<versionId>}).
 */
final class VersionPair extends HorizontalLayout {

    private final List<LibraryEntry> entries;
    private final VersionPicker from;
    private final VersionPicker to;

    VersionPair(String prefix, List<LibraryEntry> entries, String fromLabel, String toLabel, Button action) {
        this.entries = entries;
        this.from = new VersionPicker(prefix + "-from", fromLabel, entries);
        this.to = new VersionPicker(prefix + "-to", toLabel, entries);
        add(from, to, action);
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        setWrap(true);
    }

    /** Picks the versions the address names, if they are among the entries; true when both are picked. */
    boolean pick(QueryParameters query) {
        from.pick(entries, query.getSingleParameter("from"));
        to.pick(entries, query.getSingleParameter("to"));
        return picked();
    }

    boolean picked() {
        return from.getValue() != null && to.getValue() != null;
    }

    /** The version picked first, or null. */
    LibraryEntry from() {
        return from.getValue();
    }

    /** The version picked second, or null. */
    LibraryEntry to() {
        return to.getValue();
    }

    /** Runs after either pick changes. */
    void onChange(Runnable listener) {
        from.addValueChangeListener(e -> listener.run());
        to.addValueChangeListener(e -> listener.run());
    }
}
