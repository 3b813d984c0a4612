package cn.cadreflow.workflow.internal.ui;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.ConfigurableFilterDataProvider;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.component.dependency.Uses;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.shared.Registration;

import jakarta.annotation.security.PermitAll;

import cn.cadreflow.ui.CountsChanged;
import cn.cadreflow.ui.Notices;
import cn.cadreflow.ui.PhoneLayout;
import cn.cadreflow.ui.TextLimit;
import cn.cadreflow.ui.Texts;
import cn.cadreflow.workflow.TaskCommands;
import cn.cadreflow.workflow.TaskFilter;
import cn.cadreflow.workflow.WorkflowException;
import cn.cadreflow.workflow.WorkflowQueries;
import cn.cadreflow.workflow.WorkflowViews;
import cn.cadreflow.workflow.internal.query.TaskLists;
import cn.cadreflow.workflow.internal.trail.Trail;

/**
 * The task centre: 待办 (mine and my groups' unclaimed), 待签 (unclaimed only), 已办 (done by me) and
 * 抄送我的 (copied to me), filtered by process, unit, cadre and due state, loaded lazily page by page.
 * Tasks of one step can be approved together (批量审批).
 */
@Route("inbox")
@RouteAlias("")
@Menu(order = 1, title = "nav.inbox", icon = "vaadin:inbox")
@PermitAll
// the bell (and its popover) reaches the shell through TaskCentreShell, a bean the production bundle's scan of the
// routes never visits: name it here so that its web components are bundled
@Uses(NotificationBell.class)
public class InboxView extends VerticalLayout implements HasDynamicTitle, AfterNavigationObserver {

    final Grid<WorkflowViews.TaskSummary> grid = new Grid<>();
    final Grid<WorkflowViews.Copy> copies = new Grid<>();
    private final TaskLists lists;
    private final TaskCommands commands;
    private final WorkflowQueries queries;
    private final Texts texts;
    private final Clock clock;
    private final String user;
    private final Tab todo = new Tab();
    private final Tab claimable = new Tab();
    private final Tab done = new Tab();
    private final Tab copied = new Tab();
    private final Tabs tabs = new Tabs(todo, claimable, done, copied);
    private final Select<String> process = new Select<>();
    private final ComboBox<TaskLists.UnitOption> unit = new ComboBox<>();
    private final TextField cadre = new TextField();
    private final Select<TaskFilter.Due> due = new Select<>();
    private final Select<TaskFilter.Sort> sort = new Select<>();
    private final Button batch = new Button();
    private final Span batchHint = new Span();
    private final ConfigurableFilterDataProvider<WorkflowViews.TaskSummary, Void, TaskFilter> tasks;
    private Registration countsChanged;

    public InboxView(TaskLists lists, TaskCommands commands, WorkflowQueries queries, Texts texts, Clock clock) {
        this.lists = lists;
        this.commands = commands;
        this.queries = queries;
        this.texts = texts;
        this.clock = clock;
        this.user = SecurityContextHolder.getContext().getAuthentication().getName();
        addClassName("view");
        setSizeFull();
        Locale locale = getLocale();

        todo.setId("tab-todo");
        claimable.setId("tab-claimable");
        done.setId("tab-done");
        copied.setId("tab-copies");
        tabs.setId("inbox-tabs");
        tabs.addSelectedChangeListener(e -> showBox());

        process.setId("filter-process");
        process.setLabel(getTranslation("filter.process"));
        List<WorkflowViews.StartOption> processes = lists.processes();
        process.setItems(java.util.stream.Stream.concat(java.util.stream.Stream.of(""),
                processes.stream().map(WorkflowViews.StartOption::processKey)).toList());
        process.setItemLabelGenerator(k -> k.isEmpty() ? getTranslation("filter.any")
                : processes.stream().filter(p -> p.processKey().equals(k)).findFirst()
                .map(p -> texts.processName(k, p.name(), locale)).orElse(k));
        process.setValue("");
        unit.setId("filter-unit");
        unit.setLabel(getTranslation("filter.unit"));
        unit.setItems(lists.units(user));
        unit.setItemLabelGenerator(TaskLists.UnitOption::name);
        unit.setClearButtonVisible(true);
        cadre.setId("filter-cadre");
        cadre.setLabel(getTranslation("filter.cadre"));
        cadre.setValueChangeMode(ValueChangeMode.LAZY);
        cadre.setClearButtonVisible(true);
        due.setId("filter-due");
        due.setLabel(getTranslation("filter.due"));
        due.setItems(TaskFilter.Due.values());
        due.setItemLabelGenerator(d -> getTranslation("filter.due." + d.name()));
        due.setValue(TaskFilter.Due.ANY);
        sort.setId("filter-sort");
        sort.setLabel(getTranslation("filter.sort"));
        sort.setItems(TaskFilter.Sort.values());
        sort.setItemLabelGenerator(s -> getTranslation("filter.sort." + s.name()));
        sort.setValue(TaskFilter.Sort.NEWEST);
        HorizontalLayout filters = new HorizontalLayout(process, unit, cadre, due, sort);
        filters.setId("filters");
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.getStyle().set("flex-wrap", "wrap");

        grid.setId("inbox-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(t -> stepTitle(t, locale))
                .setHeader(getTranslation("inbox.step")).setAutoWidth(true);
        grid.addColumn(t -> texts.processName(t.processKey(), t.processName(), locale))
                .setHeader(getTranslation("inbox.process")).setAutoWidth(true);
        grid.addColumn(WorkflowViews.TaskSummary::starterName).setHeader(getTranslation("inbox.starter"))
                .setAutoWidth(true);
        grid.addColumn(t -> AboutLine.of(t, texts, locale)).setHeader(getTranslation("inbox.about"))
                .setAutoWidth(true);
        grid.addColumn(t -> texts.dateTime(t.created())).setHeader(getTranslation("inbox.created"))
                .setAutoWidth(true);
        grid.addColumn(this::dueText).setHeader(getTranslation("inbox.due")).setAutoWidth(true);
        grid.addColumn(this::stateText).setHeader(getTranslation("inbox.state")).setAutoWidth(true);
        grid.setPartNameGenerator(t -> t.overdue(clock.instant()) ? "overdue" : null);
        CallbackDataProvider<WorkflowViews.TaskSummary, TaskFilter> base = DataProvider.fromFilteringCallbacks(
                q -> lists.summaries(lists.list(user, box(), q.getFilter().orElse(TaskFilter.NONE), q.getOffset(),
                        q.getLimit())).stream(),
                q -> (int) lists.count(user, box(), q.getFilter().orElse(TaskFilter.NONE)));
        tasks = base.withConfigurableFilter();
        grid.setItems(tasks);
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(TaskView.class,
                new RouteParameters("taskId", e.getItem().taskId()))));
        grid.setEmptyStateText(getTranslation("inbox.empty"));
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addSelectionListener(e -> showBatchState(e.getAllSelectedItems()));

        copies.setId("copies-grid");
        copies.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        copies.addColumn(c -> texts.processName(c.instance().processKey(), c.instance().processName(), locale))
                .setHeader(getTranslation("inbox.process")).setAutoWidth(true);
        copies.addColumn(c -> AboutLine.of(c, texts, locale)).setHeader(getTranslation("inbox.about"))
                .setAutoWidth(true);
        copies.addColumn(c -> c.instance().businessKey()).setHeader(getTranslation("started.number"))
                .setAutoWidth(true);
        copies.addColumn(WorkflowViews.Copy::senderName).setHeader(getTranslation("copies.from")).setAutoWidth(true);
        copies.addColumn(c -> texts.dateTime(c.at())).setHeader(getTranslation("copies.at")).setAutoWidth(true);
        copies.addColumn(c -> StartedView.status(c.instance(), texts, locale))
                .setHeader(getTranslation("started.status")).setAutoWidth(true);
        copies.addColumn(c -> getTranslation(c.read() ? "copies.read" : "copies.unread"))
                .setHeader(getTranslation("inbox.state")).setAutoWidth(true);
        copies.setItems(DataProvider.fromCallbacks(q -> queries.copies(user, q.getOffset(), q.getLimit()).stream(),
                q -> (int) queries.countCopies(user, false)));
        copies.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(InstanceView.class,
                new RouteParameters("instanceId", e.getItem().processInstanceId()))));
        copies.setEmptyStateText(getTranslation("copies.empty"));

        batch.setText(getTranslation("batch.approve"));
        batch.setId("batch-approve");
        batch.setEnabled(false);
        batch.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        batch.addClickListener(e -> openBatch());
        batchHint.setId("batch-hint");
        batchHint.setVisible(false);
        HorizontalLayout batchBar = new HorizontalLayout(batch, batchHint);
        batchBar.setAlignItems(FlexComponent.Alignment.CENTER);

        process.addValueChangeListener(e -> refresh());
        unit.addValueChangeListener(e -> refresh());
        cadre.addValueChangeListener(e -> refresh());
        due.addValueChangeListener(e -> refresh());
        sort.addValueChangeListener(e -> refresh());

        // on a phone: the filters fold behind 筛选, and rows are cards (what / about whom / when and state)
        Button filterToggle = PhoneLayout.filterToggle(filters);
        Grid.Column<WorkflowViews.TaskSummary> taskCards = PhoneLayout.cards(grid, t -> stepTitle(t, locale),
                t -> AboutLine.of(t, texts, locale), this::taskMeta);
        Grid.Column<WorkflowViews.Copy> copyCards = PhoneLayout.cards(copies,
                c -> texts.processName(c.instance().processKey(), c.instance().processName(), locale),
                c -> AboutLine.of(c, texts, locale), c -> String.join(AboutLine.SEPARATOR, c.senderName(),
                        texts.dateTime(c.at()), getTranslation(c.read() ? "copies.read" : "copies.unread")));
        PhoneLayout.follow(this, narrow -> {
            PhoneLayout.foldFilters(filterToggle, filters, narrow);
            PhoneLayout.showCards(grid, taskCards, narrow);
            PhoneLayout.showCards(copies, copyCards, narrow);
        });

        add(new H2(getTranslation("nav.inbox")), tabs, filterToggle, filters, batchBar, grid, copies);
        setFlexGrow(1, grid, copies);
    }

    /** Read on every visit, clicking 待办 again included. */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        refresh();
        showBox();
    }

    /** ... and whenever the user's tasks change while the list is open (a task arrives, from any server). */
    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        countsChanged = ComponentUtil.addListener(event.getUI(), CountsChanged.class, e -> {
            refresh();
            tasks.refreshAll();
            copies.getDataProvider().refreshAll();
        });
    }

    @Override
    protected void onDetach(DetachEvent event) {
        countsChanged.remove();
        super.onDetach(event);
    }

    private TaskLists.Box box() {
        Tab selected = tabs.getSelectedTab();
        return selected == claimable ? TaskLists.Box.CLAIMABLE
                : selected == done ? TaskLists.Box.DONE : TaskLists.Box.TODO;
    }

    private TaskFilter filter() {
        return new TaskFilter(process.getValue(), unit.getValue() == null ? List.of() : lists.unitAndBelow(
                unit.getValue().id()),
                cadre.getValue(), due.getValue(), sort.getValue());
    }

    private void showBox() {
        boolean copiesTab = tabs.getSelectedTab() == copied;
        copies.setVisible(copiesTab);
        grid.setVisible(!copiesTab);
        batch.setVisible(!copiesTab && box() != TaskLists.Box.DONE);
        batchHint.setVisible(false);
        grid.deselectAll();
        grid.setSelectionMode(box() == TaskLists.Box.DONE ? Grid.SelectionMode.NONE : Grid.SelectionMode.MULTI);
        tasks.refreshAll();
        copies.getDataProvider().refreshAll();
    }

    private void refresh() {
        tasks.setFilter(filter());
        TaskFilter f = filter();
        todo.setLabel(getTranslation("inbox.tab.todo", lists.count(user, TaskLists.Box.TODO, f)));
        claimable.setLabel(getTranslation("inbox.tab.claimable", lists.count(user, TaskLists.Box.CLAIMABLE, f)));
        done.setLabel(getTranslation("inbox.tab.done"));
        copied.setLabel(getTranslation("inbox.tab.copies", queries.countCopies(user, true)));
    }

    private String stepTitle(WorkflowViews.TaskSummary t, Locale locale) {
        return texts.stepName(t.processKey(), t.stepKey(), t.name(), locale)
                + (t.addedApproval() ? getTranslation("inbox.addedApproval") : "");
    }

    /** A card's last line: who started it, when it arrived, when it is due, its state. */
    private String taskMeta(WorkflowViews.TaskSummary t) {
        String due = dueText(t);
        return String.join(AboutLine.SEPARATOR, java.util.stream.Stream.of(t.starterName(),
                texts.dateTime(t.created()), due.isEmpty() ? "" : getTranslation("inbox.card.due", due), stateText(t))
                .filter(x -> x != null && !x.isEmpty()).toList());
    }

    private String dueText(WorkflowViews.TaskSummary t) {
        if (t.due() == null) {
            return "";
        }
        String date = texts.dateTime(t.due());
        return t.overdue(clock.instant()) ? getTranslation("inbox.overdue", date) : date;
    }

    private String stateText(WorkflowViews.TaskSummary t) {
        if (t.ended() != null) {
            return getTranslation("inbox.done");
        }
        return t.assignee() == null ? getTranslation("inbox.unclaimed") : getTranslation("inbox.mine");
    }

    /**
     * 批量审批 is offered only when every selected task can take it: approval steps of one step of one process, none
     * delegated to the user nor held by someone else. Otherwise a hint says why.
     */
    private void showBatchState(Set<WorkflowViews.TaskSummary> chosen) {
        long forms = chosen.stream().filter(t -> t.kind() != WorkflowViews.StepKind.APPROVAL).count();
        long notOwn = chosen.stream().filter(t -> t.kind() == WorkflowViews.StepKind.APPROVAL
                && !t.batchApprovable(user)).count();
        boolean oneStep = chosen.stream().map(t -> t.processKey() + "/" + t.stepKey()).distinct().count() == 1;
        String hint = forms > 0 ? getTranslation("batch.hint.forms", forms)
                : notOwn > 0 ? getTranslation("batch.hint.notOwn", notOwn)
                : chosen.size() > 1 && !oneStep ? getTranslation("workflow.error.batchMixed") : null;
        batch.setEnabled(oneStep && hint == null);
        batch.setTooltipText(hint);
        batchHint.setText(hint == null ? "" : hint);
        batchHint.setVisible(hint != null);
    }

    private void openBatch() {
        Set<WorkflowViews.TaskSummary> selected = grid.getSelectedItems();
        Dialog dialog = new Dialog();
        dialog.setId("batch-dialog");
        dialog.setHeaderTitle(getTranslation("batch.title", selected.size()));
        TextArea opinion = new TextArea(getTranslation("task.opinion"));
        opinion.setId("batch-opinion");
        opinion.setWidthFull();
        TextLimit.apply(opinion, Trail.OPINION_MAX);
        opinion.setValue(getTranslation("batch.defaultOpinion"));
        Button confirm = new Button(getTranslation("batch.confirm"), e -> {
            try {
                List<WorkflowViews.BatchResult> results = commands.approveAll(
                        selected.stream().map(WorkflowViews.TaskSummary::taskId).toList(), user, opinion.getValue());
                dialog.close();
                showResults(results);
            } catch (WorkflowException ex) {
                Notices.error(getTranslation(ex.messageKey(), ex.errors().stream().findFirst()
                        .map(err -> err.args().toArray()).orElse(new Object[0])));
            }
        });
        confirm.setId("batch-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(getTranslation("common.cancel"), e -> dialog.close());
        dialog.add(opinion);
        dialog.getFooter().add(cancel, confirm);
        dialog.setWidth("32em");
        dialog.open();
    }

    private void showResults(List<WorkflowViews.BatchResult> results) {
        Dialog dialog = new Dialog();
        dialog.setId("batch-results-dialog");
        long ok = results.stream().filter(WorkflowViews.BatchResult::ok).count();
        dialog.setHeaderTitle(getTranslation("batch.summary", ok, results.size() - ok));
        Grid<WorkflowViews.BatchResult> table = new Grid<>();
        table.setId("batch-results");
        table.setAllRowsVisible(true);
        table.addColumn(WorkflowViews.BatchResult::starterName).setHeader(getTranslation("inbox.starter"));
        table.addColumn(WorkflowViews.BatchResult::name).setHeader(getTranslation("inbox.step"));
        table.addColumn(r -> getTranslation(r.messageKey())).setHeader(getTranslation("batch.result"));
        table.setItems(results);
        dialog.add(table);
        dialog.getFooter().add(new Button(getTranslation("common.close"), e -> dialog.close()));
        dialog.setWidth("40em");
        dialog.open();
        grid.deselectAll();
        refresh();
        getUI().ifPresent(ui -> ComponentUtil.fireEvent(ui, new CountsChanged(ui)));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.inbox") + " · " + getTranslation("app.name");
    }
}
