package cn.cadreflow.workflow.internal.ui;

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
import com.vaadin.flow.router.RouteParameters;

import jakarta.annotation.security.PermitAll;

import cn.cadreflow.ui.PhoneLayout;
import cn.cadreflow.ui.Texts;
import cn.cadreflow.workflow.WorkflowQueries;
import cn.cadreflow.workflow.WorkflowViews;

/** 我发起的: the processes this user started, with where each stands or how it ended. */
@Route("started")
@Menu(order = 3, title = "nav.started", icon = "vaadin:paperplane-o")
@PermitAll
public class StartedView extends VerticalLayout implements HasDynamicTitle {

    final Grid<WorkflowViews.InstanceSummary> grid = new Grid<>();

    public StartedView(WorkflowQueries queries, Texts texts) {
        addClassName("view");
        setSizeFull();
        String user = SecurityContextHolder.getContext().getAuthentication().getName();
        Locale locale = getLocale();
        grid.setId("started-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(i -> texts.processName(i.processKey(), i.processName(), locale))
                .setHeader(getTranslation("started.process")).setAutoWidth(true);
        grid.addColumn(WorkflowViews.InstanceSummary::businessKey).setHeader(getTranslation("started.number"))
                .setAutoWidth(true);
        grid.addColumn(i -> texts.dateTime(i.started())).setHeader(getTranslation("started.started"))
                .setAutoWidth(true);
        grid.addColumn(i -> status(i, texts, locale)).setHeader(getTranslation("started.status")).setAutoWidth(true);
        grid.addColumn(i -> texts.dateTime(i.ended())).setHeader(getTranslation("started.ended")).setAutoWidth(true);
        grid.setItems(DataProvider.fromCallbacks(
                q -> queries.started(user, q.getOffset(), q.getLimit()).stream(),
                q -> (int) queries.countStarted(user)));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(InstanceView.class,
                new RouteParameters("instanceId", e.getItem().processInstanceId()))));
        grid.setEmptyStateText(getTranslation("started.empty"));
        // on a phone, rows are cards: the request and its number, where it stands, when it started and ended
        Grid.Column<WorkflowViews.InstanceSummary> cards = PhoneLayout.cards(grid,
                i -> texts.processName(i.processKey(), i.processName(), locale)
                        + (i.businessKey() == null ? "" : AboutLine.SEPARATOR + i.businessKey()),
                i -> status(i, texts, locale), i -> i.ended() == null ? texts.dateTime(i.started())
                        : texts.dateTime(i.started()) + " – " + texts.dateTime(i.ended()));
        PhoneLayout.follow(this, narrow -> PhoneLayout.showCards(grid, cards, narrow));
        add(new H2(getTranslation("nav.started")), grid);
        setFlexGrow(1, grid);
    }

    /** "进行中：单位负责人审批" while running; the end event's name (已批准, 已撤回) once ended. */
    static String status(WorkflowViews.InstanceSummary i, Texts texts, Locale locale) {
        if (i.running()) {
            return texts.get("started.running", locale, String.join("、", i.currentSteps()));
        }
        if ("terminated".equals(i.outcomeKey())) {
            return texts.get("started.terminated", locale);
        }
        return texts.stepName(i.processKey(), i.outcomeKey(), i.outcomeName(), locale);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.started") + " · " + getTranslation("app.name");
    }
}
