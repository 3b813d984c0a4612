package cn.cadreflow.modelling.internal;

import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.combobox.ComboBox;

import cn.cadreflow.modelling.LibraryEntry;

/** A version of the library to pick, labelled with its kind, name, key and version number. */
final class VersionPicker extends ComboBox<LibraryEntry> {

    VersionPicker(String id, String label, List<LibraryEntry> entries) {
        super(label);
        setId(id);
        setWidth("32em");
        setItems(entries);
        setItemLabelGenerator(e -> getTranslation("compare.entry",
                getTranslation("library.kind." + e.version().kind().name()), e.version().name(), e.version().key(),
                e.version().version()));
    }

    /** Picks the version with this id, if it is one of the items. */
    void pick(List<LibraryEntry> entries, Optional<String> id) {
        id.flatMap(v -> entries.stream().filter(e -> e.version().id().equals(v)).findFirst()).ifPresent(this::setValue);
    }
}
