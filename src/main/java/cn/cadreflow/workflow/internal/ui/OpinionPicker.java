package cn.cadreflow.workflow.internal.ui;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;

import cn.cadreflow.ui.Notices;
import cn.cadreflow.workflow.WorkflowException;
import cn.cadreflow.workflow.internal.task.SavedOpinions;

/**
 * 常用意见 under an opinion field: the defaults and the user's own saved opinions as chips (a tap puts one into the
 * field), 存为常用 to keep what the field holds, and 管理 to remove the user's own.
 */
class OpinionPicker extends Div {

    private final SavedOpinions saved;
    private final String user;
    private final TextArea target;
    private final String ids;

    /** {@code ids} starts the ids of the picker ({@code <ids>-picker}) and of its buttons. */
    OpinionPicker(SavedOpinions saved, String user, TextArea target, String ids) {
        this.saved = saved;
        this.user = user;
        this.target = target;
        this.ids = ids;
        setId(ids + "-picker");
        addClassName("saved-opinions");
        render();
    }

    private void render() {
        removeAll();
        Span label = new Span(getTranslation("opinion.saved"));
        label.addClassName("label");
        add(label);
        int n = 0;
        for (String key : SavedOpinions.DEFAULTS) {
            add(chip(ids + "-default-" + n++, getTranslation(key)));
        }
        List<SavedOpinions.Saved> own = saved.of(user);
        for (SavedOpinions.Saved s : own) {
            add(chip(ids + "-saved-" + s.id(), s.opinion()));
        }
        Button keep = new Button(getTranslation("opinion.keep"), e -> {
            try {
                saved.add(user, target.getValue());
                Notices.success(getTranslation("opinion.kept"));
                render();
            } catch (WorkflowException ex) {
                Notices.error(getTranslation(ex.messageKey(), ex.errors().stream().findFirst()
                        .map(err -> err.args().toArray()).orElse(new Object[0])));
            }
        });
        keep.setId(ids + "-keep");
        keep.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        add(keep);
        if (!own.isEmpty()) {
            Button manage = new Button(getTranslation("opinion.manage"), e -> manage());
            manage.setId(ids + "-manage");
            manage.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            add(manage);
        }
    }

    private Button chip(String id, String text) {
        Button chip = new Button(text, e -> {
            target.setValue(text);
            target.focus();
        });
        chip.setId(id);
        chip.addClassName("opinion-chip");
        chip.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_CONTRAST);
        return chip;
    }

    private void manage() {
        Dialog dialog = new Dialog();
        dialog.setId("manage-opinions-dialog");
        dialog.setHeaderTitle(getTranslation("opinion.manage"));
        VerticalLayout list = new VerticalLayout();
        list.setPadding(false);
        fill(list, dialog);
        dialog.add(list);
        dialog.getFooter().add(new Button(getTranslation("common.close"), e -> dialog.close()));
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                render();
            }
        });
        dialog.open();
    }

    private void fill(VerticalLayout list, Dialog dialog) {
        list.removeAll();
        List<SavedOpinions.Saved> own = saved.of(user);
        if (own.isEmpty()) {
            list.add(new Paragraph(getTranslation("opinion.none")));
        }
        for (SavedOpinions.Saved s : own) {
            Button remove = new Button(getTranslation("opinion.remove"), e -> {
                try {
                    saved.remove(user, s.id());
                } catch (WorkflowException ex) {
                    Notices.error(getTranslation(ex.messageKey()));
                }
                fill(list, dialog);
            });
            remove.setId("remove-opinion-" + s.id());
            remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            Span text = new Span(s.opinion());
            HorizontalLayout row = new HorizontalLayout(text, remove);
            row.setAlignItems(FlexComponent.Alignment.CENTER);
            row.expand(text);
            row.setWidthFull();
            list.add(row);
        }
    }
}
