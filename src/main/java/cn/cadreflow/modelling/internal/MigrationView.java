package cn.cadreflow.modelling.internal;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
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
import cn.cadreflow.security.AppRoles;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;
import cn.cadreflow.ui.Notices;
import cn.cadreflow.workflow.MigrationPreview;
import cn.cadreflow.workflow.MigrationResult;
import cn.cadreflow.workflow.ModelVersion;
import jakarta.annotation.security.RolesAllowed;

/**
 * 迁移实例 ({@code admin/library/migrate?from=…&to=…}): pick the process version whose running instances should
 * move and the version they move to; 预览 shows which steps map where, which active steps cannot be mapped and how
 * many instances sit in each, and how many instances will move; a step of the old version with no step of the same
 * id in the new one can be mapped by hand ({@link StepMapping}), and a mapping that cannot be planned is explained
 * step by step; 迁移 then moves those that can, and says how many moved and how many stayed.
 */
@Route("admin/library/migrate")
@RolesAllowed(AppRoles.ADMIN)
public class MigrationView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LibraryService library;
    private final UserContext actor;
    private final VersionPair pair;
    private final Paragraph summary = new Paragraph();
    private final Grid<MigrationPreview.Mapping> mapped = new Grid<>();
    private final UnorderedList unmapped = new UnorderedList();
    private final UnorderedList problems = new UnorderedList();
    private final StepMapping byHand = new StepMapping(this::preview);
    private final VerticalLayout result = new VerticalLayout();
    private final Button migrate;

    public MigrationView(LibraryService library, UserService users) {
        this.library = library;
        this.actor = users.current();
        List<LibraryEntry> processes = library.entries(actor).stream()
                .filter(e -> e.version().kind() == ModelVersion.Kind.PROCESS).toList();
        addClassName("view");
        Button preview = new Button(getTranslation("migrate.preview"), e -> preview());
        preview.setId("migrate-preview");
        pair = new VersionPair("migrate", processes, getTranslation("migrate.from"), getTranslation("migrate.to"),
                preview);
        pair.onChange(this::clear);
        problems.setId("migrate-problems");
        summary.setId("migrate-summary");
        mapped.setId("migrate-mapped");
        mapped.addThemeVariants(GridVariant.LUMO_COMPACT);
        mapped.setAllRowsVisible(true);
        mapped.addColumn(m -> getTranslation("migrate.step", m.sourceName(), m.sourceId())).setHeader(getTranslation("migrate.source"));
        mapped.addColumn(m -> getTranslation("migrate.step", m.targetName(), m.targetId())).setHeader(getTranslation("migrate.target"));
        unmapped.setId("migrate-unmapped");
        migrate = new Button(getTranslation("migrate.run"), e -> migrate());
        migrate.setId("migrate-run");
        migrate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        result.setId("migrate-result");
        result.setPadding(false);
        result.add(summary, problems, byHand, new H3(getTranslation("migrate.mapped")), mapped,
                new H3(getTranslation("migrate.unmapped")), unmapped, migrate);
        add(new H2(getTranslation("migrate.title")), new Paragraph(getTranslation("migrate.intro")), pair, result);
        clear();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        pair.pick(event.getLocation().getQueryParameters());
    }

    private void clear() {
        result.setVisible(false);
        byHand.reset();
    }

    private void preview() {
        if (!pair.picked()) {
            Notices.error(getTranslation("migrate.pickTwo"));
            return;
        }
        MigrationPreview p;
        try {
            p = library.migrationPreview(actor, pair.from().version().id(), pair.to().version().id(),
                    byHand.chosen());
        } catch (LibraryException e) {
            Notices.error(getTranslation(e.messageKey()));
            return;
        }
        summary.setText(!p.planned() ? getTranslation("modelling.migrate.notPlanned", p.running())
                : getTranslation("migrate.summary", p.running(), p.movable(), p.running() - p.movable()));
        problems.removeAll();
        p.problems().forEach(problem -> problems.add(new ListItem(problem(problem))));
        problems.setVisible(!p.planned());
        byHand.show(p);
        mapped.setItems(p.mapped());
        unmapped.removeAll();
        if (p.unmapped().isEmpty()) {
            unmapped.add(new ListItem(getTranslation("migrate.noneUnmapped")));
        }
        p.unmapped().forEach(u -> unmapped.add(new ListItem(getTranslation("migrate.unmappedStep", u.stepName(),
                u.stepId(), u.instances()))));
        migrate.setEnabled(p.movable() > 0);
        result.setVisible(true);
    }

    /** A problem of the mapping in words: which steps, and what to do. */
    private String problem(MigrationPreview.Problem p) {
        return p.sourceId() == null ? getTranslation("modelling.migrate.problem.plan")
                : getTranslation("modelling.migrate.problem." + p.code(), p.sourceName(), p.sourceId(),
                        p.targetName(), p.targetId());
    }

    private void migrate() {
        try {
            MigrationResult r = library.migrate(actor, pair.from().version().id(), pair.to().version().id(),
                    byHand.chosen());
            Notices.success(getTranslation("migrate.done", r.moved(), r.left()));
        } catch (LibraryException e) {
            Notices.error(getTranslation(e.messageKey()));
        }
        preview();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("migrate.title");
    }
}
