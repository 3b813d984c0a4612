package cn.cadreflow.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.textfield.TextFieldBase;
import com.vaadin.flow.data.value.ValueChangeMode;

/**
 * A text field's limit, shown rather than enforced by the browser: the browser's own {@code maxlength} cuts a
 * pasted text short without a word, so a limited field has none and instead counts its characters as they are
 * typed or pasted ("12 / 1000", in UTF-16 units as the server counts them) and, past the limit, turns invalid and
 * says by how much. The server refuses an over-long text on its own whatever the browser sent.
 */
public final class TextLimit {

    /** Component data: the field's error is this limit's. */
    private static final String OVER = "cf.textLimit.over";

    private TextLimit() {
    }

    /** Shows the count and the limit under the field, and a message while the text is longer. */
    public static <F extends TextFieldBase<F, String>> F apply(F field, int max) {
        field.setValueChangeMode(ValueChangeMode.LAZY);
        show(field, max);
        field.addValueChangeListener(e -> show(field, max));
        return field;
    }

    private static <F extends TextFieldBase<F, String>> void show(F field, int max) {
        int length = field.getValue() == null ? 0 : field.getValue().length();
        field.setHelperText(field.getTranslation("text.counter", length, max));
        if (length > max) {
            field.setErrorMessage(field.getTranslation("text.tooLong", max, length - max));
            field.setInvalid(true);
            ComponentUtil.setData(field, OVER, Boolean.TRUE);
        } else if (ComponentUtil.getData(field, OVER) != null) {
            // back within the limit: clear the message this limit set (another check's message is its own)
            ComponentUtil.setData(field, OVER, null);
            field.setErrorMessage(null);
            field.setInvalid(false);
        }
    }
}
