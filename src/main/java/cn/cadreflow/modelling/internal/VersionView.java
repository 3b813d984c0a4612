package cn.cadreflow.modelling.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import cn.cadreflow.modelling.LibraryEntry;
import cn.cadreflow.modelling.LibraryException;
import cn.cadreflow.modelling.LibraryService;
import cn.cadreflow.security.AppRoles;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;
import cn.cadreflow.ui.Texts;
import jakarta.annotation.security.RolesAllowed;

/**
 * One version of a model, read-only ({@code admin/library/version?id=…}): what it is, when and by whom it was
 * deployed, its file as deployed, and a link to download it. An unknown id meets the missing-page view.
 */
@Route("admin/library/version")
@RolesAllowed(AppRoles.ADMIN)
public class VersionView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LibraryService library;
    private final Texts texts;
    private final UserContext actor;
    private String title = "";

    public VersionView(LibraryService library, UserService users, Texts texts) {
        this.library = library;
        this.texts = texts;
        this.actor = users.current();
        addClassName("view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String id = event.getLocation().getQueryParameters().getSingleParameter("id").orElse("");
        LibraryEntry entry;
        byte[] content;
        try {
            entry = library.entry(actor, id);
            content = library.content(actor, id);
        } catch (LibraryException e) {
            event.rerouteToError(NotFoundException.class);
            return;
        }
        var v = entry.version();
        title = getTranslation("library.versionTitle", v.name(), v.version());
        H2 heading = new H2(title);
        heading.setId("version-title");
        Paragraph facts = new Paragraph(getTranslation("library.versionFacts",
                getTranslation("library.kind." + v.kind().name()), v.key(), v.resourceName(),
                v.deployedAt() == null ? "" : texts.dateTime(v.deployedAt()),
                entry.deployedBy() == null ? getTranslation("library.byApplication") : entry.deployedBy()));
        facts.setId("version-facts");
        String fileName = v.resourceName().substring(v.resourceName().lastIndexOf('/') + 1);
        Anchor download = new Anchor(DownloadHandler.fromInputStream(e -> new DownloadResponse(
                new ByteArrayInputStream(content), fileName, "application/octet-stream", content.length)),
                getTranslation("library.download", fileName));
        download.setId("version-download");
        TextArea text = new TextArea(getTranslation("library.content"));
        text.setId("version-content");
        text.setValue(new String(content, StandardCharsets.UTF_8));
        text.setReadOnly(true);
        text.setWidthFull();
        text.setMaxHeight("60vh");
        removeAll();
        add(heading, facts, download, text);
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
