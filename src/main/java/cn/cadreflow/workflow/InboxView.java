package cn.cadreflow.workflow;

import java.util.Locale;

import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;

import jakarta.annotation.security.PermitAll;

/** 待办: the signed-in user's tasks and the unclaimed tasks of their groups, newest first, loaded lazily. */
@Route("inbox")
@RouteAlias("")
@Menu(order = 1, title = "nav.inbox", icon = "vaadin:inbox")
@PermitAll
public class InboxView extends VerticalLayout implements HasDynamicTitle {

    final Grid<WorkflowViews.TaskSummary> grid = new Grid<>();

    public InboxView(WorkflowService workflow, Texts texts) {
        addClassName("view");
        setSizeFull();
        String user = SecurityContextHolder.getContext().getAuthentication().getName();
        Locale locale = getLocale();

        grid.setId("inbox-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(t -> texts.stepName(t.processKey(), t.stepKey(), t.name(), locale))
                .setHeader(getTranslation("inbox.step")).setAutoWidth(true);
        grid.addColumn(t -> texts.processName(t.processKey(), t.processName(), locale))
                .setHeader(getTranslation("inbox.process")).setAutoWidth(true);
        grid.addColumn(WorkflowViews.TaskSummary::starterName).setHeader(getTranslation("inbox.starter"))
                .setAutoWidth(true);
        grid.addColumn(t -> texts.dateTime(t.created())).setHeader(getTranslation("inbox.created"))
                .setAutoWidth(true);
        grid.addColumn(t -> t.assignee() == null ? getTranslation("inbox.unclaimed") : getTranslation("inbox.mine"))
                .setHeader(getTranslation("inbox.state")).setAutoWidth(true);
        grid.setItems(DataProvider.fromCallbacks(
                q -> workflow.inbox(user, q.getOffset(), q.getLimit()).stream(),
                q -> (int) workflow.countInbox(user)));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(TaskView.class,
                new com.vaadin.flow.router.RouteParameters("taskId", e.getItem().taskId()))));
        grid.setEmptyStateText(getTranslation("inbox.empty"));

        add(new H2(getTranslation("nav.inbox")), grid);
        setFlexGrow(1, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.inbox") + " · " + getTranslation("app.name");
    }
}
