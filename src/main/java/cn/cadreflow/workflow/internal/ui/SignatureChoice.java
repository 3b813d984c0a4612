package cn.cadreflow.workflow.internal.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

import cn.cadreflow.workflow.internal.task.Signatures;

/**
 * Beside an approval's opinion: 附签名 (shown only while the user has a signature) and 我的签名 to upload, replace
 * or remove it.
 */
class SignatureChoice extends HorizontalLayout {

    private final Signatures signatures;
    private final String user;
    private final Checkbox attach = new Checkbox();

    SignatureChoice(Signatures signatures, String user) {
        this.signatures = signatures;
        this.user = user;
        setId("signature-choice");
        setAlignItems(FlexComponent.Alignment.BASELINE);
        attach.setId("attach-signature");
        attach.setLabel(getTranslation("signature.attach"));
        Button mine = new Button(getTranslation("signature.title"), e -> {
            SignatureDialog dialog = new SignatureDialog(signatures, user);
            dialog.addOpenedChangeListener(o -> {
                if (!o.isOpened()) {
                    refresh();
                }
            });
            dialog.open();
        });
        mine.setId("my-signature");
        mine.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        add(attach, mine);
        refresh();
    }

    private void refresh() {
        boolean has = signatures.of(user).isPresent();
        attach.setVisible(has);
        if (!has) {
            attach.setValue(false);
        }
    }

    /** Whether the decision is to carry the user's signature (附签名 ticked). */
    boolean ticked() {
        return attach.isVisible() && attach.getValue();
    }
}
