package cn.cadreflow.ui;

import java.util.List;

/**
 * What a module adds to the shell ({@link MainLayout}) for the signed-in user: a badge after a menu item, widgets
 * in the header. Implemented by Spring beans of the modules that have something to show, so that the shell knows
 * none of them.
 */
public interface ShellExtension {

    /** The badge after the menu item of this view, or null. */
    default ShellWidget navBadge(Class<?> view, String user) {
        return null;
    }

    /** Widgets for the header, shown before the user's name. */
    default List<ShellWidget> headerWidgets(String user) {
        return List.of();
    }
}
