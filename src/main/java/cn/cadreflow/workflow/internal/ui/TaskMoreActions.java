package cn.cadreflow.workflow.internal.ui;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;

import cn.cadreflow.ui.BoundedUpload;
import cn.cadreflow.ui.Notices;
import cn.cadreflow.ui.Texts;
import cn.cadreflow.workflow.InstanceCommands;
import cn.cadreflow.workflow.TaskCommands;
import cn.cadreflow.workflow.UserDirectory;
import cn.cadreflow.workflow.WorkflowException;
import cn.cadreflow.workflow.WorkflowQueries;
import cn.cadreflow.workflow.WorkflowViews;
import cn.cadreflow.workflow.internal.WorkflowSettings;
import cn.cadreflow.workflow.internal.task.SavedOpinions;

/**
 * The bar under a task: 签收, 取消签收, 转办, 委派, 加签, 抄送 (not on a confidential request) and attachments, as far
 * as the task and user allow; 退回修改 goes into the step's own action bar ({@code primary}).
 */
class TaskMoreActions extends HorizontalLayout {

    private final TaskCommands commands;
    private final InstanceCommands instanceCommands;
    private final WorkflowSettings settings;
    private final Runnable reload;
    private final Consumer<String> done;

    TaskMoreActions(TaskCommands commands, InstanceCommands instanceCommands, WorkflowQueries queries,
                    WorkflowSettings settings, Texts texts, String taskId, String user, WorkflowViews.TaskDetail task,
                    Runnable reload, Consumer<String> done, HorizontalLayout primary, SavedOpinions savedOpinions) {
        this.commands = commands;
        this.instanceCommands = instanceCommands;
        this.settings = settings;
        this.reload = reload;
        this.done = done;
        setId("more-actions");
        getStyle().set("flex-wrap", "wrap");
        WorkflowViews.TaskSummary s = task.summary();
        HorizontalLayout bar = this;
        // handing the step on makes no sense once its holder has approved and waits for added approvers
        boolean main = !s.addedApproval() && !task.delegated() && !task.ownerApproved();
        boolean approval = task.kind() == WorkflowViews.StepKind.APPROVAL;
        if (task.claimable()) {
            bar.add(small("claim", "task.claim", () -> {
                commands.claim(taskId, user);
                Notices.success(getTranslation("task.claimed"));
                reload.run();
            }));
        }
        if (task.unclaimable()) {
            bar.add(small("unclaim", "task.unclaim", () -> {
                commands.unclaim(taskId, user);
                done.accept("task.unclaimed");
            }));
        }
        List<UserDirectory.DirectoryUser> others = queries.people().stream().filter(p -> !p.id().equals(user))
                .toList();
        if (main && approval) {
            bar.add(dialogButton("transfer", "task.transfer", () -> new ActionDialog(getTranslation("task.transfer"),
                    ActionDialog.Pick.ONE, others, getTranslation("task.reason"), false, null)
                    .onConfirm(d -> {
                        commands.transfer(taskId, user, d.personId(), d.text.getValue());
                        done.accept("task.transferred");
                    })));
            bar.add(dialogButton("delegate", "task.delegate", () -> new ActionDialog(getTranslation("task.delegate"),
                    ActionDialog.Pick.ONE, others, getTranslation("task.note"), false, null)
                    .onConfirm(d -> {
                        commands.delegate(taskId, user, d.personId(), d.text.getValue());
                        done.accept("task.delegated");
                    })));
            bar.add(dialogButton("add-approvers", "task.addApprovers", () -> new ActionDialog(
                    getTranslation("task.addApprovers"), ActionDialog.Pick.MANY, others, getTranslation("task.note"),
                    false, null).onConfirm(d -> {
                        commands.addApprovers(taskId, user, d.peopleIds(), d.text.getValue());
                        Notices.success(getTranslation("task.approversAdded"));
                        reload.run();
                    })));
            if (!task.returnTargets().isEmpty()) {
                Select<WorkflowViews.Step> step = new Select<>();
                step.setId("return-step");
                step.setLabel(getTranslation("task.returnTo"));
                step.setItems(task.returnTargets());
                step.setItemLabelGenerator(st -> st.key().equals(task.reviseStep())
                        ? getTranslation("task.returnToApplicant")
                        : texts.stepName(s.processKey(), st.key(), st.name(), getLocale()));
                step.setValue(task.returnTargets().get(task.returnTargets().size() - 1));
                // 退回修改 is one of the step's own actions, beside 同意 and 不同意
                primary.add(dialogButton("return", "task.return", () -> new ActionDialog(getTranslation("task.return"),
                        ActionDialog.Pick.NONE, List.of(), getTranslation("task.opinion"), true, step)
                        .withSavedOpinions(savedOpinions, user)
                        .onConfirm(d -> {
                            commands.returnTo(taskId, user, step.getValue() == null ? null : step.getValue().key(),
                                    d.text.getValue());
                            done.accept("task.returned");
                        })));
            }
        }
        if (task.copyable()) {
            // a confidential request (cf.confidential) is never copied, so 抄送 is not offered at all
            bar.add(dialogButton("copy", "task.copy", () -> new ActionDialog(getTranslation("task.copy"),
                    ActionDialog.Pick.MANY, others, null, false, null).onConfirm(d -> {
                        instanceCommands.copyTo(s.processInstanceId(), user, d.peopleIds());
                        Notices.success(getTranslation("task.copied"));
                        reload.run();
                    })));
        }
        bar.add(upload(taskId, user));
    }

    private Upload upload(String taskId, String user) {
        BoundedUpload upload = new BoundedUpload(settings.attachmentMaxBytes(), (fileName, data) -> {
            try {
                commands.attach(taskId, user, fileName, data);
                Notices.success(getTranslation("attachment.added", fileName));
                reload.run();
            } catch (WorkflowException ex) {
                Notices.error(getTranslation(ex.messageKey()));
            }
        });
        upload.setId("upload");
        upload.setAcceptedFileTypes(settings.attachmentTypes().stream().map(t -> "." + t)
                .toArray(String[]::new));
        upload.setDropAllowed(false);
        UploadI18N i18n = upload.getI18n();
        i18n.getAddFiles().setOne(getTranslation("attachment.add"));
        i18n.getError().setIncorrectFileType(getTranslation("attachment.error.type"));
        upload.setI18n(i18n);
        return upload;
    }

    private Button small(String id, String key, Runnable action) {
        Button b = new Button(getTranslation(key), e -> {
            try {
                action.run();
            } catch (WorkflowException ex) {
                Notices.error(getTranslation(ex.messageKey()));
            }
        });
        b.setId(id);
        b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return b;
    }

    private Button dialogButton(String id, String key, Supplier<ActionDialog> dialog) {
        Button b = new Button(getTranslation(key), e -> dialog.get().open());
        b.setId(id);
        b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return b;
    }

}
