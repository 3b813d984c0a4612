package cn.cadreflow.ui.internal;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A page the user cannot have: a route that does not exist, or one the user may not open. Both read the same, so a
 * refusal does not tell that the page exists: a page in the user's language, inside the shell, with the way back.
 * Never the framework's English message.
 */
abstract class MissingPage extends VerticalLayout implements HasDynamicTitle {

    MissingPage() {
        addClassName("view");
    }

    /** Shows the page; the HTTP status to answer with. */
    int show() {
        removeAll();
        H2 title = new H2(getTranslation("error.notFound.title"));
        title.setId("not-found-title");
        Anchor home = new Anchor("inbox", getTranslation("error.notFound.home"));
        home.setId("not-found-home");
        add(title, new Paragraph(getTranslation("error.notFound.text")), home);
        return HttpServletResponse.SC_NOT_FOUND;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("error.notFound.title");
    }
}
