package cn.cadreflow.modelling.internal;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import cn.cadreflow.modelling.LibraryEntry;
import cn.cadreflow.modelling.LibraryException;
import cn.cadreflow.modelling.LibraryService;
import cn.cadreflow.modelling.ModelChange;
import cn.cadreflow.modelling.internal.compare.ModelDiff;
import cn.cadreflow.security.AppRoles;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;
import cn.cadreflow.ui.Notices;
import jakarta.annotation.security.RolesAllowed;

/**
 * 比较版本 ({@code admin/library/compare?from=…&to=…}): two versions of a model picked from the library, and
 * what changed from the first to the second in words, one line per change: steps added, removed, renamed, and
 * each changed assignee rule, form, condition, timer, due date, step kind and so on, by element name and id.
 */
@Route("admin/library/compare")
@RolesAllowed(AppRoles.ADMIN)
public class CompareView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LibraryService library;
    private final UserContext actor;
    private final VersionPair pair;
    private final Paragraph summary = new Paragraph();
    private final UnorderedList changes = new UnorderedList();

    public CompareView(LibraryService library, UserService users) {
        this.library = library;
        this.actor = users.current();
        addClassName("view");
        Button run = new Button(getTranslation("compare.run"), e -> run());
        run.setId("compare-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        pair = new VersionPair("compare", library.entries(actor), getTranslation("compare.from"),
                getTranslation("compare.to"), run);
        summary.setId("compare-summary");
        changes.setId("compare-changes");
        add(new H2(getTranslation("compare.title")), new Paragraph(getTranslation("compare.intro")), pair, summary,
                changes);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (pair.pick(event.getLocation().getQueryParameters())) {
            run();
        }
    }

    private void run() {
        changes.removeAll();
        summary.setText("");
        if (!pair.picked()) {
            Notices.error(getTranslation("compare.pickTwo"));
            return;
        }
        List<ModelChange> found;
        try {
            found = library.compare(actor, pair.from().version().id(), pair.to().version().id());
        } catch (LibraryException e) {
            Notices.error(getTranslation(e.messageKey()));
            return;
        }
        summary.setText(found.isEmpty() ? getTranslation("compare.same")
                : getTranslation("compare.count", found.size()));
        found.forEach(c -> changes.add(new ListItem(text(c))));
    }

    /** One change in words. */
    String text(ModelChange c) {
        String type = ModelDiff.TYPES.contains(c.elementType()) ? getTranslation("compare.type." + c.elementType())
                : c.elementType();
        String name = c.elementName() == null || c.elementName().isBlank() ? c.elementId() : c.elementName();
        return switch (c.what()) {
            case ADDED -> getTranslation("compare.added", type, name, c.elementId());
            case REMOVED -> getTranslation("compare.removed", type, name, c.elementId());
            case RENAMED -> getTranslation("compare.renamed", type, c.elementId(), c.before(), c.after());
            case CHANGED -> {
                String property = ModelDiff.PROPERTIES.contains(c.property())
                        ? getTranslation("compare.property." + c.property()) : c.property();
                String key = c.before().isEmpty() ? "compare.set" : c.after().isEmpty() ? "compare.unset"
                        : "compare.changed";
                yield getTranslation(key, type, name, c.elementId(), property, c.before(), c.after());
            }
        };
    }

    @Override
    public String getPageTitle() {
        return getTranslation("compare.title");
    }
}
