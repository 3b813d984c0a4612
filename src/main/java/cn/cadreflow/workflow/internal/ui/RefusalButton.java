package cn.cadreflow.workflow.internal.ui;

import java.util.Locale;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

import cn.cadreflow.ui.Texts;
import cn.cadreflow.workflow.WorkflowViews;

/**
 * 不同意 as the model sets it for the step ({@code cf.reject}): the button and its confirmation say whether the
 * request ends or goes back, and to whom; confirmed, it runs the refusal with the key of the message to show after.
 */
class RefusalButton extends Button {

    RefusalButton(WorkflowViews.TaskDetail task, Texts texts, Locale locale, Consumer<String> refuse) {
        String[] words = words(task, texts, locale);
        setText(words[0]);
        setId("reject");
        addClickListener(e -> {
            ConfirmDialog confirm = new ConfirmDialog(words[0], words[1], words[0], c -> refuse.accept(words[2]));
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("common.cancel"));
            confirm.setConfirmButtonTheme("error primary");
            confirm.setId("reject-confirm");
            confirm.open();
        });
    }

    /** The button's label, its confirmation and the key of the message after it. */
    private String[] words(WorkflowViews.TaskDetail task, Texts texts, Locale locale) {
        WorkflowViews.Refusal refusal = task.refusal();
        if (refusal == null) {
            return new String[] {getTranslation("task.reject"), getTranslation("task.rejectConfirm"),
                    "task.rejected"};
        }
        if (refusal.ends()) {
            return new String[] {getTranslation("task.rejectEnds"), getTranslation("task.rejectEndsConfirm"),
                    "task.rejectedEnded"};
        }
        if (refusal.returnsTo().key().equals(task.reviseStep())) {
            return new String[] {getTranslation("task.rejectToApplicant"),
                    getTranslation("task.rejectToApplicantConfirm"), "task.rejectedToApplicant"};
        }
        String step = texts.stepName(task.summary().processKey(), refusal.returnsTo().key(),
                refusal.returnsTo().name(), locale);
        return new String[] {getTranslation("task.rejectToStep", step),
                getTranslation("task.rejectToStepConfirm", step), "task.rejectedToStep"};
    }
}
