package cn.cadreflow.workflow.internal.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;

import cn.cadreflow.ui.ShellWidget;
import cn.cadreflow.workflow.TaskFilter;
import cn.cadreflow.workflow.internal.query.TaskLists;

/** The number of open tasks (待办) after the inbox's menu item; hidden at zero. */
class InboxCount extends Span implements ShellWidget {

    private final TaskLists lists;
    private final String user;

    InboxCount(TaskLists lists, String user) {
        this.lists = lists;
        this.user = user;
        setId("nav-inbox-count");
        addClassName("nav-count");
    }

    @Override
    public Component component() {
        return this;
    }

    @Override
    public void refresh() {
        long todo = lists.count(user, TaskLists.Box.TODO, TaskFilter.NONE);
        setText(String.valueOf(todo));
        setVisible(todo > 0);
    }
}
