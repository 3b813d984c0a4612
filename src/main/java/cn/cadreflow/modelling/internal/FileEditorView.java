package cn.cadreflow.modelling.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;

import cn.cadreflow.modelling.LibraryException;
import cn.cadreflow.modelling.LibraryService;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.ui.Notices;
import cn.cadreflow.workflow.ModelProblem;
import cn.cadreflow.workflow.ModelRejected;
import cn.cadreflow.workflow.ModelVersion;

/**
 * An editor of one form or decision table of the library: a new one, a copy of a library version
 * ({@code ?from=<versionId>}) or a saved draft ({@code ?draft=<id>}). 校验 lists the deployment guard's problems in
 * the user's language; 保存草稿 keeps a draft version; 部署 deploys through the guarded path, recorded, as a new
 * version of its key.
 */
abstract class FileEditorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LibraryService library;
    private final UserContext actor;
    private final ModelVersion.Kind kind;
    private final String prefix;
    private final ModelText editor;
    private final UnorderedList problems = new UnorderedList();
    private final Paragraph problemsTitle = new Paragraph();

    FileEditorView(LibraryService library, UserContext actor, ModelVersion.Kind kind, String prefix, ModelText editor) {
        this.library = library;
        this.actor = actor;
        this.kind = kind;
        this.prefix = prefix;
        this.editor = editor;
        addClassName("view");
        setSizeFull();
        editor.setId(prefix);
        Button validate = new Button(getTranslation("modeller.validate"), e -> validate());
        validate.setId(prefix + "-validate");
        Button save = new Button(getTranslation("modeller.saveDraft"), e -> saveDraft());
        save.setId(prefix + "-save");
        Button deploy = new Button(getTranslation("modeller.deploy"), e -> deploy());
        deploy.setId(prefix + "-deploy");
        deploy.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        problemsTitle.setId(prefix + "-problems-title");
        problems.setId(prefix + "-problems");
        add(new H2(getPageTitle()), new Paragraph(getTranslation(prefix + ".intro")),
                new HorizontalLayout(validate, save, deploy), problemsTitle, problems, editor);
    }

    /** A new model of this key, with Chinese or English default texts. */
    abstract String newContent(String key);

    /** The key the content names (a form's id, the first decision's id), blank when none. */
    abstract String key(String content);

    /** The name the content gives itself, for the draft list. */
    abstract String name(String content);

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters();
        var from = params.getSingleParameter("from");
        var draft = params.getSingleParameter("draft");
        try {
            if (from.isPresent()) {
                if (library.entry(actor, from.get()).version().kind() != kind) {
                    throw new LibraryException(LibraryService.UNAVAILABLE);
                }
                load(new String(library.content(actor, from.get()), StandardCharsets.UTF_8));
                return;
            }
            if (draft.isPresent() && draft.get().matches("\\d{1,18}")) {
                load(new String(library.draft(actor, Long.parseLong(draft.get()), kind), StandardCharsets.UTF_8));
                return;
            }
        } catch (LibraryException e) {
            Notices.error(getTranslation(e.messageKey()));
        }
        load(newContent(kind.name().toLowerCase() + "_" + Long.toString(System.currentTimeMillis(), 36)));
    }

    void load(String content) {
        editor.setContent(content);
        show(List.of());
    }

    /** The content as the page shows it. */
    String content() {
        return editor.content();
    }

    private byte[] bytes() {
        return editor.content().getBytes(StandardCharsets.UTF_8);
    }

    /** Lists every problem; true when there is none. */
    boolean validate() {
        try {
            List<ModelProblem> found = library.checkFile(actor, kind, key(editor.content()), bytes());
            show(found);
            if (found.isEmpty()) {
                Notices.success(getTranslation("modeller.valid"));
            }
            return found.isEmpty();
        } catch (LibraryException e) {
            Notices.error(getTranslation(e.messageKey()));
            return false;
        }
    }

    void saveDraft() {
        try {
            library.saveDraft(actor, kind, key(editor.content()), name(editor.content()), bytes());
            Notices.success(getTranslation("modeller.saved"));
        } catch (LibraryException e) {
            Notices.error(getTranslation(e.messageKey()));
        }
    }

    void deploy() {
        String key = key(editor.content());
        try {
            library.deployFile(actor, kind, key, bytes());
            show(List.of());
            Notices.success(getTranslation("editor.deployed", key));
        } catch (ModelRejected rejected) {
            show(rejected.problems());
            Notices.error(getTranslation("modeller.refused"));
        } catch (LibraryException e) {
            Notices.error(getTranslation(e.messageKey()));
        }
    }

    private void show(List<ModelProblem> found) {
        problems.removeAll();
        problemsTitle.setText(found.isEmpty() ? "" : getTranslation("editor.problems", found.size()));
        for (int i = 0; i < found.size(); i++) {
            ModelProblem p = found.get(i);
            // a button: clicking it selects the element in the editor, as in 流程建模
            Button locate = new Button(getTranslation(p.key(), p.params()), e -> editor.select(p.elementId()));
            locate.setId(prefix + "-problem-" + i);
            locate.getElement().setAttribute("data-element", p.elementId());
            locate.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            problems.add(new ListItem(locate));
        }
    }

    /** The editor's labels: English for an English session, else Chinese. */
    static String locale() {
        UI ui = UI.getCurrent();
        return ui != null && ui.getLocale() != null && "en".equals(ui.getLocale().getLanguage()) ? "en" : "zh";
    }

    @Override
    public String getPageTitle() {
        return getTranslation(prefix + ".title");
    }
}
