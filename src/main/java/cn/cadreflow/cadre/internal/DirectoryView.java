package cn.cadreflow.cadre.internal;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;

import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.cadre.CadreException;
import cn.cadreflow.cadre.CadreFormats;
import cn.cadreflow.org.OrgUnit;
import cn.cadreflow.security.AppRoles;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;
import cn.cadreflow.ui.Notices;
import cn.cadreflow.ui.PhoneLayout;
import jakarta.annotation.security.RolesAllowed;

/**
 * 干部名册, for HR officers (the units of their HR scope) and administrators (every unit, read-only): the active
 * cadres of the scope, searched by name, unit, post or account, browsed by the unit tree, exported to Excel; a row
 * opens the cadre's file. On a phone the rows are cards and the search and the tree fold behind 筛选.
 */
@Route("directory")
@Menu(order = 4.5, title = "nav.directory", icon = "vaadin:records")
@RolesAllowed({AppRoles.HR_OFFICER, AppRoles.ADMIN})
public class DirectoryView extends VerticalLayout implements HasDynamicTitle {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    final Grid<CadreDirectory.Entry> grid = new Grid<>();
    final TreeGrid<OrgUnit> tree = new TreeGrid<>();
    final TextField search = new TextField();
    private final CadreDirectory directory;
    private final UserContext user;
    private final Span total = new Span();
    private Grid.Column<CadreDirectory.Entry> card;

    public DirectoryView(CadreDirectory directory, UserService users) {
        this.directory = directory;
        this.user = users.current();
        addClassName("view");
        addClassName("directory");
        setSizeFull();
        H2 heading = new H2(getTranslation("directory.title"));
        List<OrgUnit> units = directory.units(user);
        if (units.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("directory.noScope"));
            none.setId("directory-empty-scope");
            add(heading, none);
            return;
        }
        Locale locale = getLocale();

        search.setId("directory-search");
        search.setPlaceholder(getTranslation("directory.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setMaxLength(CadreDirectory.SEARCH_MAX);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("20em");

        tree.setId("directory-units");
        Set<Long> ids = units.stream().map(OrgUnit::id).collect(Collectors.toSet());
        Map<Long, List<OrgUnit>> children = units.stream().filter(u -> u.parentId() != null && ids.contains(u.parentId()))
                .collect(Collectors.groupingBy(OrgUnit::parentId));
        List<OrgUnit> roots = units.stream().filter(u -> u.parentId() == null || !ids.contains(u.parentId())).toList();
        tree.setItems(roots, u -> children.getOrDefault(u.id(), List.of()));
        tree.addHierarchyColumn(OrgUnit::name).setHeader(getTranslation("directory.units")).setSortable(false);
        tree.expand(roots);
        tree.setMinHeight("12em");
        tree.addThemeVariants(GridVariant.LUMO_COMPACT);

        grid.setId("directory-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(e -> e.cadre().name()).setHeader(getTranslation("cadre.name")).setAutoWidth(true);
        grid.addColumn(e -> getTranslation("gender." + e.cadre().gender()))
                .setHeader(getTranslation("cadre.gender")).setAutoWidth(true);
        grid.addColumn(e -> CadreFormats.yearMonth(e.cadre().birthDate(), locale))
                .setHeader(getTranslation("directory.birth")).setAutoWidth(true);
        grid.addColumn(CadreDirectory.Entry::unitName).setHeader(getTranslation("cadre.unit"))
                .setAutoWidth(true);
        grid.addColumn(CadreDirectory.Entry::postName).setHeader(getTranslation("cadre.post"))
                .setAutoWidth(true);
        grid.addColumn(e -> getTranslation("rank." + e.cadre().rankCode()))
                .setHeader(getTranslation("cadre.rank")).setAutoWidth(true);
        grid.addColumn(e -> getTranslation("political." + e.cadre().politicalStatus()))
                .setHeader(getTranslation("cadre.politicalStatus")).setAutoWidth(true);
        grid.addColumn(e -> CadreFormats.yearMonth(e.cadre().postSince(), locale))
                .setHeader(getTranslation("directory.postSince")).setAutoWidth(true);
        card = PhoneLayout.cards(grid, e -> e.cadre().name() + " · " + e.postName(), CadreDirectory.Entry::unitName,
                e -> facts(e.cadre(), locale));
        // a refused search (a text too long, sent past the field's limit) shows nothing; refresh() says why
        DataProvider<CadreDirectory.Entry, Void> rows = DataProvider.fromCallbacks(q -> {
            try {
                return directory.search(user, query(), q.getOffset(), q.getLimit()).stream();
            } catch (CadreException e) {
                return java.util.stream.Stream.empty();
            }
        }, q -> {
            try {
                return directory.count(user, query());
            } catch (CadreException e) {
                return 0;
            }
        });
        grid.setItems(rows);
        grid.setEmptyStateText(getTranslation("directory.none"));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(CadreFileView.class,
                new RouteParameters("cadreId", String.valueOf(e.getItem().cadre().id())))));

        Anchor export = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = directory.exportXlsx(user, query(), locale);
            return new DownloadResponse(new ByteArrayInputStream(bytes), getTranslation("directory.title") + ".xlsx",
                    XLSX, bytes.length);
        }), getTranslation("directory.export"));
        export.setId("directory-export");
        total.setId("directory-total");

        search.addValueChangeListener(e -> refresh(rows));
        tree.asSingleSelect().addValueChangeListener(e -> refresh(rows));

        HorizontalLayout filters = new HorizontalLayout(search);
        filters.setId("filters");
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        var toggle = PhoneLayout.filterToggle(tree);
        HorizontalLayout bar = new HorizontalLayout(filters, toggle, total, export);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.getStyle().set("flex-wrap", "wrap");
        Div body = new Div(tree, grid);
        body.addClassName("directory-body");
        body.setWidthFull();
        grid.setHeightFull();
        add(heading, bar, body);
        setFlexGrow(1, body);
        grid.getStyle().set("flex", "1 1 0").set("min-width", "0");
        tree.getStyle().set("flex", "0 0 16em");
        PhoneLayout.follow(this, narrow -> {
            PhoneLayout.foldFilters(toggle, tree, narrow);
            // beside the list on a desktop; above it, as tall as a third of the screen, on a phone
            tree.getStyle().set("flex", narrow ? "0 0 auto" : "0 0 16em");
            tree.setHeight(narrow ? "40vh" : null);
            PhoneLayout.showCards(grid, card, narrow);
        });
        refresh(rows);
    }

    private CadreDirectory.Query query() {
        OrgUnit unit = tree.asSingleSelect().getValue();
        return new CadreDirectory.Query(unit == null ? null : unit.id(), search.getValue());
    }

    private void refresh(DataProvider<CadreDirectory.Entry, Void> rows) {
        try {
            total.setText(getTranslation("directory.total", directory.count(user, query())));
        } catch (CadreException e) {
            total.setText("");
            Notices.error(getTranslation(e.key(), e.args()));
        }
        rows.refreshAll();
    }

    /** A card's third line: 出生年月, 政治面貌, 任现职时间. */
    private String facts(Cadre c, Locale locale) {
        return getTranslation("directory.card.facts", CadreFormats.yearMonth(c.birthDate(), locale),
                getTranslation("political." + c.politicalStatus()), CadreFormats.yearMonth(c.postSince(), locale));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("directory.title") + " · " + getTranslation("app.name");
    }
}
