package cn.cadreflow.modelling.internal;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;

/**
 * A browser editor of one model file kept as text (a form's JSON, a decision table's XML): the server keeps the
 * content; every change the user makes in the page comes back ({@link #content()}), past the size limit it is
 * ignored (the guard would refuse it anyway). The page element takes the property {@code content} and fires
 * {@code cf-change} with {@code detail.content}.
 */
abstract class ModelText extends Component implements HasSize {

    private final int maxChars;
    private String content = "";

    ModelText(String locale, int maxChars) {
        this.maxChars = maxChars;
        setWidthFull();
        getElement().setAttribute("locale", locale);
        getElement().addEventListener("cf-change", e -> changed(e.getEventData().getString("event.detail.content")))
                .addEventData("event.detail.content");
    }

    /** What the user changed in the page. */
    void changed(String newContent) {
        if (newContent != null && newContent.length() <= maxChars) {
            content = newContent;
        }
    }

    String content() {
        return content;
    }

    /**
     * Selects the element with this id in the page and scrolls it into view (a form's field, a decision table's
     * cell, rule or column); nothing happens for an id the page does not show.
     */
    void select(String elementId) {
        getElement().callJsFunction("select", elementId == null ? "" : elementId);
    }

    /** Draws this content in the page. */
    void setContent(String content) {
        this.content = content;
        getElement().setProperty("content", content);
    }
}
