package cn.cadreflow.modelling.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import cn.cadreflow.modelling.LibraryException;
import cn.cadreflow.modelling.LibraryService;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.security.AppRoles;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;
import cn.cadreflow.ui.Notices;
import cn.cadreflow.workflow.ModelProblem;
import cn.cadreflow.workflow.ModelRejected;
import cn.cadreflow.workflow.ModelVersion;
import jakarta.annotation.security.RolesAllowed;

/**
 * 流程建模 ({@code admin/library/model}): the bpmn-js Camunda 7 modeller with a side panel of pickers. A new
 * process, a copy of a library version ({@code ?from=<versionId>}) or a saved draft ({@code ?draft=<id>}).
 * 校验 lists every problem (the deployment guard's and the start page's) in the user's language; clicking one
 * selects its element in the diagram. 保存草稿 keeps a draft version; 部署 validates again and deploys through
 * the guarded path, recorded; the process then appears in 发起申请 for the roles allowed to start it.
 */
@Route("admin/library/model")
@RolesAllowed(AppRoles.ADMIN)
public class ModellerView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LibraryService library;
    private final UserContext actor;
    private final BpmnModeller modeller;
    private final ElementPanel side;
    private final VerticalLayout problems = new VerticalLayout();
    private final Paragraph problemsTitle = new Paragraph();
    private String selectedId = "";
    private String selectedType = "";
    private String sideShows = "";

    public ModellerView(LibraryService library, UserService users, OrgService org, LibraryLimits limits) {
        this.library = library;
        this.actor = users.current();
        addClassName("view");
        setSizeFull();
        modeller = new BpmnModeller(getLocale() != null && "en".equals(getLocale().getLanguage()) ? "en" : "zh",
                (int) limits.maxBytes());
        modeller.setId("modeller");
        List<String> forms = library.entries(actor).stream().map(e -> e.version())
                .filter(v -> v.kind() == ModelVersion.Kind.FORM).map(ModelVersion::key).distinct().sorted().toList();
        side = new ElementPanel(this::edit, forms, org.tree().units());

        Button validate = new Button(getTranslation("modeller.validate"), e -> validate());
        validate.setId("modeller-validate");
        Button save = new Button(getTranslation("modeller.saveDraft"), e -> saveDraft());
        save.setId("modeller-save");
        Button deploy = new Button(getTranslation("modeller.deploy"), e -> deploy());
        deploy.setId("modeller-deploy");
        deploy.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        problemsTitle.setId("modeller-problems-title");
        problems.setId("modeller-problems");
        problems.setPadding(false);
        problems.setSpacing(false);

        Div canvas = new Div(modeller);
        canvas.getStyle().set("flex", "1 1 auto").set("min-width", "0");
        HorizontalLayout work = new HorizontalLayout(canvas, side);
        work.setWidthFull();
        add(new H2(getTranslation("modeller.title")), new Paragraph(getTranslation("modeller.intro")),
                new HorizontalLayout(validate, save, deploy), work, problemsTitle, problems);

        modeller.onSelect(s -> {
            selectedId = s.id();
            selectedType = s.type();
            showSide();
        });
        modeller.onChange(this::showSide);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var params = event.getLocation().getQueryParameters().getSingleParameter("from");
        var draft = event.getLocation().getQueryParameters().getSingleParameter("draft");
        try {
            if (params.isPresent()) {
                load(new String(library.content(actor, params.get()), StandardCharsets.UTF_8));
                return;
            }
            if (draft.isPresent() && draft.get().matches("\\d{1,18}")) {
                load(new String(library.draft(actor, Long.parseLong(draft.get())), StandardCharsets.UTF_8));
                return;
            }
        } catch (LibraryException e) {
            Notices.error(getTranslation(e.messageKey()));
        }
        String key = "process_" + Long.toString(System.currentTimeMillis(), 36);
        load(NewProcess.xml(key, getTranslation("modeller.newName"), getTranslation("modeller.newTask")));
    }

    void load(String xml) {
        modeller.setXml(xml);
        selectedId = "";
        selectedType = "";
        showSide();
    }

    /** The diagram as the page shows it. */
    String xml() {
        return modeller.xml();
    }

    /** Selects an element as a click in the diagram would (the side panel follows). */
    void selected(String id, String type) {
        selectedId = id;
        selectedType = type;
        showSide();
    }

    /** Redraws the side panel only when the selection or what its pickers show changed (no flicker, no loop). */
    private void showSide() {
        try {
            ModelEdits model = new ModelEdits(modeller.xml());
            String shown = ElementPanel.signature(model, selectedId, selectedType);
            if (!shown.equals(sideShows)) {
                sideShows = shown;
                side.show(model, selectedId, selectedType);
            }
        } catch (LibraryException e) {
            sideShows = "";
            side.removeAll();
        }
    }

    private void edit(UnaryOperator<ModelEdits> change) {
        try {
            ModelEdits edited = change.apply(new ModelEdits(modeller.xml()));
            modeller.setXml(edited.xml());
        } catch (LibraryException e) {
            Notices.error(getTranslation(e.messageKey()));
        }
    }

    private String key() {
        try {
            String key = new ModelEdits(modeller.xml()).processId();
            return key == null ? "" : key;
        } catch (LibraryException e) {
            return "";
        }
    }

    private byte[] bytes() {
        return modeller.xml().getBytes(StandardCharsets.UTF_8);
    }

    /** Lists every problem; true when there is none. */
    boolean validate() {
        List<ModelProblem> found = library.validate(actor, key(), bytes());
        show(found);
        if (found.isEmpty()) {
            Notices.success(getTranslation("modeller.valid"));
        }
        return found.isEmpty();
    }

    private void show(List<ModelProblem> found) {
        problems.removeAll();
        problemsTitle.setText(found.isEmpty() ? "" : getTranslation("modeller.problems", found.size()));
        for (int i = 0; i < found.size(); i++) {
            ModelProblem p = found.get(i);
            Button item = new Button(getTranslation(p.key(), p.params()), e -> modeller.select(p.elementId()));
            item.setId("problem-" + i);
            item.getElement().setAttribute("data-element", p.elementId());
            item.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            problems.add(item);
        }
    }

    private void saveDraft() {
        try {
            ModelEdits model = new ModelEdits(modeller.xml());
            library.saveDraft(actor, model.processId(), model.attribute(model.processId(), "name"), bytes());
            Notices.success(getTranslation("modeller.saved"));
        } catch (LibraryException e) {
            Notices.error(getTranslation(e.messageKey()));
        }
    }

    private void deploy() {
        try {
            library.deployModel(actor, key(), bytes());
            show(List.of());
            Notices.success(getTranslation("modeller.deployed", key()));
        } catch (ModelRejected rejected) {
            show(rejected.problems());
            Notices.error(getTranslation("modeller.refused"));
        } catch (LibraryException e) {
            Notices.error(getTranslation(e.messageKey()));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("modeller.title");
    }
}
