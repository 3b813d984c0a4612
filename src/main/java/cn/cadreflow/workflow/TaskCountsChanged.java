package cn.cadreflow.workflow;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.UI;

/**
 * Fired on the UI when an action changed the user's task counts without navigating (批量审批), so that the
 * shell's 待办 badge and bell, which are otherwise read again on navigation, follow.
 */
public class TaskCountsChanged extends ComponentEvent<UI> {

    public TaskCountsChanged(UI ui) {
        super(ui, false);
    }
}
