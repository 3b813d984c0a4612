package cn.cadreflow.workflow.internal.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.dom.Element;

/**
 * The task views' own style sheet (the step list, the phone's bottom bar, the 审批单), added to the view that needs
 * it as a {@code <style>} element, so that it stays out of the application theme.
 */
final class TaskViewStyle {

    private static final String CSS = read();

    private TaskViewStyle() {
    }

    static void addTo(HasElement view) {
        Element style = new Element("style");
        style.setText(CSS);
        view.getElement().appendChild(style);
    }

    private static String read() {
        try (InputStream in = TaskViewStyle.class.getResourceAsStream("task-view.css")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
