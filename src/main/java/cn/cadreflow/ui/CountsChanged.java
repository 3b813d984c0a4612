package cn.cadreflow.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.UI;

/**
 * Fired on the UI when an action changed what the shell's widgets count without navigating (批量审批), so that
 * the menu badges and the bell, which are otherwise read again on navigation, follow.
 */
public class CountsChanged extends ComponentEvent<UI> {

    public CountsChanged(UI ui) {
        super(ui, false);
    }
}
