package cn.cadreflow.modelling.internal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import cn.cadreflow.modelling.LibraryException;
import cn.cadreflow.modelling.LibraryService;
import cn.cadreflow.security.AppRoles;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;
import cn.cadreflow.ui.Notices;
import cn.cadreflow.ui.Texts;
import cn.cadreflow.workflow.ModelIncident;
import jakarta.annotation.security.RolesAllowed;

/**
 * 流程故障: the steps the engine could not carry out (failed jobs), each said in plain words (which process,
 * which step, since when, and the engine's reason), with 重试 (run the step once more) and 取消 (end the instance,
 * with a reason). Both are recorded.
 */
@Route("admin/incidents")
@Menu(order = 23, title = "incidents.nav", icon = "vaadin:warning")
@RolesAllowed(AppRoles.ADMIN)
public class IncidentsView extends VerticalLayout implements HasDynamicTitle {

    private final LibraryService library;
    private final UserContext actor;
    private final Grid<ModelIncident> grid = new Grid<>();
    private final TextField reason = new TextField();

    public IncidentsView(LibraryService library, UserService users, Texts texts) {
        this.library = library;
        this.actor = users.current();
        addClassName("view");
        add(new H2(getTranslation("incidents.title")), new Paragraph(getTranslation("incidents.intro")));
        reason.setId("incident-reason");
        reason.setLabel(getTranslation("incidents.reason"));
        reason.setMaxLength(LibraryService.REASON_MAX);
        reason.setWidth("30em");
        grid.setId("incident-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(ModelIncident::processName).setHeader(getTranslation("incidents.process")).setAutoWidth(true);
        grid.addColumn(ModelIncident::stepName).setHeader(getTranslation("incidents.step")).setAutoWidth(true);
        grid.addColumn(i -> texts.dateTime(i.since())).setHeader(getTranslation("incidents.since")).setAutoWidth(true);
        grid.addColumn(i -> getTranslation("incidents.plain", i.stepName(), i.reason() == null ? "" : i.reason()))
                .setHeader(getTranslation("incidents.what")).setFlexGrow(1);
        grid.addComponentColumn(this::actions).setKey("actions").setHeader(getTranslation("library.actions")).setAutoWidth(true);
        add(reason, grid);
        refresh();
    }

    private HorizontalLayout actions(ModelIncident incident) {
        HorizontalLayout row = new HorizontalLayout();
        if (incident.retryable()) {
            Button retry = new Button(getTranslation("incidents.retry"), e -> act(() -> library.retry(actor,
                    incident.id()), "incidents.retried"));
            retry.setId("retry-" + incident.id());
            retry.addThemeVariants(ButtonVariant.LUMO_SMALL);
            row.add(retry);
        }
        Button cancel = new Button(getTranslation("incidents.cancel"), e -> act(() -> library.cancel(actor,
                incident.id(), reason.getValue()), "incidents.cancelled"));
        cancel.setId("cancel-" + incident.id());
        cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        row.add(cancel);
        return row;
    }

    private void act(Runnable action, String doneKey) {
        try {
            action.run();
            Notices.success(getTranslation(doneKey));
            reason.clear();
        } catch (LibraryException e) {
            Notices.error(getTranslation(e.messageKey()));
        }
        refresh();
    }

    private void refresh() {
        grid.setItems(library.incidents(actor));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("incidents.title");
    }
}
