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
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;

import cn.cadreflow.modelling.LibraryEntry;
import cn.cadreflow.modelling.LibraryException;
import cn.cadreflow.modelling.LibraryService;
import cn.cadreflow.modelling.ModelDraft;
import cn.cadreflow.security.AppRoles;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;
import cn.cadreflow.ui.BoundedUpload;
import cn.cadreflow.ui.Notices;
import cn.cadreflow.ui.Texts;
import cn.cadreflow.workflow.ModelProblem;
import cn.cadreflow.workflow.ModelRejected;
import cn.cadreflow.workflow.ModelVersion;
import jakarta.annotation.security.RolesAllowed;

/**
 * 流程库: every process, decision table and form with its versions, when and by whom each was deployed and how
 * many instances of each process version are running; open a version; suspend or resume a process version; upload
 * a model, which is checked before anything is deployed, its problems listed in the user's language with the
 * element each is about.
 */
@Route("admin/library")
@Menu(order = 22, title = "library.nav", icon = "vaadin:archive")
@RolesAllowed(AppRoles.ADMIN)
public class LibraryView extends VerticalLayout implements HasDynamicTitle {

    private final LibraryService library;
    private final Texts texts;
    private final UserContext actor;
    private final Grid<LibraryEntry> grid = new Grid<>();
    private final Grid<ModelDraft> drafts = new Grid<>();
    private final UnorderedList problems = new UnorderedList();
    private final Paragraph problemsTitle = new Paragraph();

    public LibraryView(LibraryService library, UserService users, Texts texts, LibraryLimits limits) {
        this.library = library;
        this.texts = texts;
        this.actor = users.current();
        addClassName("view");
        add(new H2(getTranslation("library.title")), new Paragraph(getTranslation("library.intro")));

        BoundedUpload upload = new BoundedUpload(limits.maxBytes(), this::deploy);
        upload.setId("library-upload");
        upload.setAcceptedFileTypes(".bpmn", ".dmn", ".form");
        problemsTitle.setId("library-problems-title");
        problems.setId("library-problems");
        add(new H3(getTranslation("library.upload")), upload, problemsTitle, problems);
        Button model = new Button(getTranslation("library.newModel"), e -> getUI().ifPresent(ui ->
                ui.navigate(ModellerView.class)));
        model.setId("library-new-model");
        model.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button form = new Button(getTranslation("library.newForm"), e -> getUI().ifPresent(ui ->
                ui.navigate(FormEditorView.class)));
        form.setId("library-new-form");
        Button decision = new Button(getTranslation("library.newDecision"), e -> getUI().ifPresent(ui ->
                ui.navigate(DecisionEditorView.class)));
        decision.setId("library-new-decision");
        Button compare = new Button(getTranslation("library.compare"), e -> getUI().ifPresent(ui ->
                ui.navigate(CompareView.class)));
        compare.setId("library-compare");
        Button migrate = new Button(getTranslation("library.migrate"), e -> getUI().ifPresent(ui ->
                ui.navigate(MigrationView.class)));
        migrate.setId("library-migrate");
        add(new HorizontalLayout(model, form, decision, compare, migrate));

        grid.setId("library-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(e -> getTranslation("library.kind." + e.version().kind().name()))
                .setHeader(getTranslation("library.kind")).setAutoWidth(true);
        grid.addColumn(e -> e.version().name()).setHeader(getTranslation("library.name")).setAutoWidth(true);
        grid.addColumn(e -> e.version().key()).setHeader(getTranslation("library.key")).setAutoWidth(true);
        grid.addColumn(e -> e.version().version()).setHeader(getTranslation("library.version"));
        grid.addColumn(e -> e.version().deployedAt() == null ? "" : texts.dateTime(e.version().deployedAt()))
                .setHeader(getTranslation("library.deployedAt")).setAutoWidth(true);
        grid.addColumn(e -> e.deployedBy() == null ? getTranslation("library.byApplication") : e.deployedBy())
                .setHeader(getTranslation("library.deployedBy")).setAutoWidth(true);
        grid.addColumn(e -> e.version().kind() == ModelVersion.Kind.PROCESS ? String.valueOf(e.version().running())
                : "").setHeader(getTranslation("library.running"));
        grid.addColumn(this::state).setHeader(getTranslation("library.state"));
        grid.addComponentColumn(this::actions).setKey("actions").setHeader(getTranslation("library.actions")).setAutoWidth(true);
        add(new H3(getTranslation("library.versions")), grid);
        drafts.setId("library-drafts");
        drafts.addThemeVariants(GridVariant.LUMO_COMPACT);
        drafts.setAllRowsVisible(true);
        drafts.addColumn(ModelDraft::name).setHeader(getTranslation("library.name")).setAutoWidth(true);
        drafts.addColumn(ModelDraft::processKey).setHeader(getTranslation("library.key")).setAutoWidth(true);
        drafts.addColumn(d -> texts.dateTime(d.savedAt().atZone(java.time.ZoneId.systemDefault()).toInstant())).setHeader(getTranslation("library.draft.saved"));
        drafts.addColumn(ModelDraft::savedBy).setHeader(getTranslation("library.draft.by"));
        drafts.addComponentColumn(d -> {
            Button open = new Button(getTranslation("library.draft.open"), click -> getUI().ifPresent(ui ->
                    ui.navigate(EditorRoutes.editor(d.kind()), QueryParameters.of("draft", String.valueOf(d.id())))));
            open.setId("draft-" + d.id());
            open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            return open;
        });
        add(new H3(getTranslation("library.drafts")), drafts);
        refresh();
    }

    private String state(LibraryEntry e) {
        if (e.version().kind() != ModelVersion.Kind.PROCESS) {
            return "";
        }
        return getTranslation(e.version().suspended() ? "library.suspended" : "library.active");
    }

    private HorizontalLayout actions(LibraryEntry e) {
        String id = e.version().id();
        Button open = new Button(getTranslation("library.open"), click -> getUI().ifPresent(ui -> ui.navigate(
                VersionView.class, QueryParameters.of("id", id))));
        open.setId("open-" + id);
        open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout row = new HorizontalLayout(open);
        if (e.version().kind() == ModelVersion.Kind.PROCESS) {
            boolean suspended = e.version().suspended();
            Button toggle = new Button(getTranslation(suspended ? "library.resume" : "library.suspend"), click -> {
                act(() -> {
                    if (suspended) {
                        library.resume(actor, id);
                    } else {
                        library.suspend(actor, id);
                    }
                }, suspended ? "library.resumed" : "library.suspendedDone", e.version().name(), e.version().version());
            });
            toggle.setId((suspended ? "resume-" : "suspend-") + id);
            toggle.addThemeVariants(ButtonVariant.LUMO_SMALL);
            Button copy = new Button(getTranslation("library.copyModel"), click -> getUI().ifPresent(ui ->
                    ui.navigate(ModellerView.class, QueryParameters.of("from", id))));
            copy.setId("copy-" + id);
            copy.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            row.add(toggle, copy);
        } else {
            Button copy = new Button(getTranslation("library.copyModel"), click -> getUI().ifPresent(ui ->
                    ui.navigate(EditorRoutes.editor(e.version().kind()), QueryParameters.of("from", id))));
            copy.setId("copy-" + id);
            copy.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            row.add(copy);
        }
        return row;
    }

    private void deploy(String fileName, byte[] content) {
        problems.removeAll();
        problemsTitle.setText("");
        try {
            library.deploy(actor, fileName, content);
            Notices.success(getTranslation("library.deployed", fileName));
            refresh();
        } catch (ModelRejected rejected) {
            show(fileName, rejected.problems());
        } catch (LibraryException e) {
            Notices.error(getTranslation(e.messageKey()));
        }
    }

    private void show(String fileName, List<ModelProblem> found) {
        problemsTitle.setText(getTranslation("library.rejected", fileName, found.size()));
        found.forEach(p -> problems.add(new ListItem(getTranslation(p.key(), p.params()))));
        Notices.error(getTranslation("library.error.rejected"));
    }

    private void act(Runnable action, String doneKey, Object... args) {
        try {
            action.run();
            Notices.success(getTranslation(doneKey, args));
        } catch (LibraryException e) {
            Notices.error(getTranslation(e.messageKey()));
        }
        refresh();
    }

    private void refresh() {
        grid.setItems(library.entries(actor));
        drafts.setItems(library.drafts(actor));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("library.title");
    }
}
