package cn.cadreflow.ui;

import com.vaadin.flow.component.Component;

/**
 * A part of the shell showing something that changes with every action (a count): read again on every navigation
 * and whenever a view fires {@link CountsChanged}.
 */
public interface ShellWidget {

    Component component();

    void refresh();
}
