package cn.cadreflow.workflow.internal.ui;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;

import cn.cadreflow.ui.Notices;
import cn.cadreflow.ui.TextLimit;
import cn.cadreflow.workflow.UserDirectory;
import cn.cadreflow.workflow.WorkflowException;
import cn.cadreflow.workflow.internal.task.SavedOpinions;
import cn.cadreflow.workflow.internal.trail.Trail;

/**
 * A small dialog for one task-centre action: an optional person picker (one or several), a text and a
 * confirm button. A refusal from the service keeps the dialog open with the reason shown.
 */
class ActionDialog extends Dialog {

    final ComboBox<UserDirectory.DirectoryUser> person = new ComboBox<>();
    final MultiSelectComboBox<UserDirectory.DirectoryUser> people = new MultiSelectComboBox<>();
    final TextArea text = new TextArea();
    private final Button confirm = new Button();

    enum Pick { NONE, ONE, MANY }

    ActionDialog(String title, Pick pick, List<UserDirectory.DirectoryUser> candidates, String textLabel,
                 boolean textRequired, Component extra) {
        setId("action-dialog");
        setHeaderTitle(title);
        setWidth("32em");
        person.setId("dialog-person");
        person.setLabel(getTranslation("dialog.person"));
        person.setItems(candidates);
        person.setItemLabelGenerator(u -> u.name() + "（" + u.id() + "）");
        person.setWidthFull();
        people.setId("dialog-people");
        people.setLabel(getTranslation("dialog.people"));
        people.setItems(candidates);
        people.setItemLabelGenerator(u -> u.name() + "（" + u.id() + "）");
        people.setWidthFull();
        text.setId("dialog-note");
        text.setLabel(textLabel);
        text.setWidthFull();
        TextLimit.apply(text, Trail.OPINION_MAX);
        text.setRequiredIndicatorVisible(textRequired);
        if (pick == Pick.ONE) {
            add(person);
        } else if (pick == Pick.MANY) {
            add(people);
        }
        if (extra != null) {
            add(extra);
        }
        if (textLabel != null) {
            add(text);
        }
        confirm.setId("dialog-confirm");
        confirm.setText(getTranslation("dialog.confirm"));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("common.cancel"), e -> close());
        getFooter().add(cancel, confirm);
    }

    String personId() {
        return person.getValue() == null ? null : person.getValue().id();
    }

    List<String> peopleIds() {
        Set<UserDirectory.DirectoryUser> chosen = people.getValue();
        return chosen.stream().map(UserDirectory.DirectoryUser::id).toList();
    }

    /** Offers the user's 常用意见 under the text. */
    ActionDialog withSavedOpinions(SavedOpinions saved, String user) {
        // the text is the dialog's last field
        if (text.getParent().isPresent()) {
            add(new OpinionPicker(saved, user, text, "dialog-opinion"));
        }
        return this;
    }

    /** Runs the action on confirm; closes on success, shows the reason otherwise. */
    ActionDialog onConfirm(Consumer<ActionDialog> action) {
        confirm.addClickListener(e -> {
            try {
                action.accept(this);
                close();
            } catch (WorkflowException ex) {
                String message = getTranslation(ex.messageKey(), ex.errors().stream().findFirst()
                        .map(err -> err.args().toArray()).orElse(new Object[0]));
                text.setErrorMessage(message);
                text.setInvalid(true);
                Notices.error(message);
            }
        });
        return this;
    }
}
