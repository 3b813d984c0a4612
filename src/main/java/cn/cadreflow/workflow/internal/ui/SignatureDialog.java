package cn.cadreflow.workflow.internal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;

import cn.cadreflow.ui.BoundedUpload;
import cn.cadreflow.ui.Notices;
import cn.cadreflow.workflow.WorkflowException;
import cn.cadreflow.workflow.internal.task.Signatures;

/**
 * 我的签名: the user's handwritten signature image, to see, replace (upload a PNG or JPEG of at most 200 KB) or
 * remove. A refused file is named with its reason and changes nothing.
 */
class SignatureDialog extends Dialog {

    private final Signatures signatures;
    private final String user;
    private final Div current = new Div();

    SignatureDialog(Signatures signatures, String user) {
        this.signatures = signatures;
        this.user = user;
        setId("signature-dialog");
        setHeaderTitle(getTranslation("signature.title"));
        setWidth("28em");
        Paragraph hint = new Paragraph(getTranslation("signature.hint", Signatures.MAX_BYTES / 1024));
        hint.setId("signature-hint");
        Paragraph kept = new Paragraph(getTranslation("signature.kept"));
        kept.setId("signature-kept");
        BoundedUpload upload = new BoundedUpload(Signatures.MAX_BYTES, (name, content) -> keep(content));
        upload.setId("signature-upload");
        upload.setAcceptedFileTypes("image/png", "image/jpeg", ".png", ".jpg", ".jpeg");
        current.setId("signature-current");
        add(hint, kept, current, upload);
        getFooter().add(new Button(getTranslation("common.close"), e -> close()));
        render();
    }

    private void keep(byte[] content) {
        try {
            signatures.save(user, content);
            Notices.success(getTranslation("signature.saved"));
        } catch (WorkflowException ex) {
            Notices.error(getTranslation(ex.messageKey(), ex.errors().stream().findFirst()
                    .map(err -> err.args().toArray()).orElse(new Object[0])));
        }
        render();
    }

    private void render() {
        current.removeAll();
        signatures.of(user).ifPresentOrElse(s -> {
            Button remove = new Button(getTranslation("signature.remove"), e -> {
                try {
                    signatures.remove(user);
                    Notices.success(getTranslation("signature.removed"));
                } catch (WorkflowException ex) {
                    Notices.error(getTranslation(ex.messageKey()));
                }
                render();
            });
            remove.setId("signature-remove");
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            current.add(SignatureImages.image(s), remove);
        }, () -> {
            Paragraph none = new Paragraph(getTranslation("signature.none"));
            none.setId("signature-none");
            current.add(none);
        });
    }
}
