package cn.cadreflow.cadre.internal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.DataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;

import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.cadre.CadreFileSection;
import cn.cadreflow.cadre.CadreFormats;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.cadre.PostHistoryEntry;
import cn.cadreflow.cadre.PostNote;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.org.Post;
import cn.cadreflow.security.AppRoles;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;
import jakarta.annotation.security.RolesAllowed;

/**
 * 干部档案. Without an id: the user's own file, or for unit leaders, HR officers and administrators the cadres they
 * may read. With an id: that cadre's file, if the user may read it ({@link CadreService#canView}).
 */
@Route("file/:cadreId?")
@Menu(order = 4, title = "nav.file", icon = "vaadin:folder-open-o")
@RolesAllowed({AppRoles.CADRE, AppRoles.UNIT_LEADER, AppRoles.HR_OFFICER, AppRoles.ADMIN})
public class CadreFileView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final CadreService cadres;
    private final OrgService org;
    private final UserService users;
    private final List<CadreFileSection> sections;
    private final List<PostNote> postNotes;
    private String title = "";

    public CadreFileView(CadreService cadres, OrgService org, UserService users, List<CadreFileSection> sections,
                         List<PostNote> postNotes) {
        this.cadres = cadres;
        this.org = org;
        this.users = users;
        this.postNotes = postNotes;
        this.sections = sections.stream().sorted(Comparator.comparingInt(CadreFileSection::order)).toList();
        addClassName("view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        UserContext user = users.current();
        String id = event.getRouteParameters().get("cadreId").orElse(null);
        List<Long> listable = cadres.listableUnits(user);
        if (id == null && !listable.isEmpty()) {
            showList(listable);
            return;
        }
        Long cadreId = id == null ? user.cadreId() : parse(id);
        Cadre cadre = cadreId == null ? null : cadres.visible(cadreId, user).orElse(null);
        if (cadre == null) {
            title = getTranslation("nav.file");
            Paragraph p = new Paragraph(getTranslation(id == null ? "file.noFile" : "file.notAllowed"));
            p.setId("file-error");
            add(new H2(title), p);
            return;
        }
        showFile(cadre, user);
    }

    private void showList(List<Long> units) {
        title = getTranslation("file.listTitle");
        TextField search = new TextField();
        search.setPlaceholder(getTranslation("file.search"));
        search.setId("file-search");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        OrgService.OrgTree tree = org.tree();
        Grid<Cadre> grid = new Grid<>();
        grid.setId("cadre-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(Cadre::name).setHeader(getTranslation("cadre.name")).setAutoWidth(true);
        grid.addColumn(c -> tree.unit(c.unitId()).map(u -> u.name()).orElse("")).setHeader(getTranslation("cadre.unit"))
                .setAutoWidth(true);
        grid.addColumn(c -> org.post(c.postId()).map(Post::name).orElse("")).setHeader(getTranslation("cadre.post"))
                .setAutoWidth(true);
        grid.addColumn(c -> getTranslation("rank." + c.rankCode())).setHeader(getTranslation("cadre.rank"))
                .setAutoWidth(true);
        DataProvider<Cadre, Void> provider = DataProvider.fromCallbacks(
                q -> cadres.list(units, search.getValue(), q.getOffset(), q.getLimit()).stream(),
                q -> cadres.count(units, search.getValue()));
        grid.setItems(provider);
        search.addValueChangeListener(e -> provider.refreshAll());
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(CadreFileView.class,
                new RouteParameters("cadreId", String.valueOf(e.getItem().id())))));
        add(new H2(title), search, grid);
        setSizeFull();
        setFlexGrow(1, grid);
    }

    private void showFile(Cadre c, UserContext user) {
        Locale locale = getLocale();
        title = getTranslation("file.title", c.name());
        H2 heading = new H2(title);
        heading.setId("file-title");
        Button print = new Button(getTranslation("file.print"), VaadinIcon.PRINT.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(CadreFilePrintView.class,
                        new RouteParameters("cadreId", String.valueOf(c.id())))));
        print.setId("file-print");
        HorizontalLayout top = new HorizontalLayout(heading, print);
        top.setAlignItems(Alignment.BASELINE);
        top.setWidthFull();
        top.setJustifyContentMode(JustifyContentMode.BETWEEN);
        add(top);

        FormLayout profile = new FormLayout();
        profile.setId("profile");
        profile.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2),
                new FormLayout.ResponsiveStep("60em", 3));
        profile.add(field("cadre.name", c.name()),
                field("cadre.gender", getTranslation("gender." + c.gender())),
                field("directory.birth", CadreFormats.yearMonth(c.birthDate(), locale)),
                field("cadre.ethnicity", c.ethnicity()),
                field("cadre.partyDate", c.partyDate() == null ? getTranslation("cadre.notMember") : date(c.partyDate())),
                field("cadre.workStartDate", date(c.workStartDate())),
                field("cadre.politicalStatus", getTranslation("political." + c.politicalStatus())),
                field("cadre.education", getTranslation("education." + c.education())),
                field("cadre.rank", getTranslation("rank." + c.rankCode())),
                field("cadre.unit", org.tree().path(c.unitId())),
                postField(c.postId()),
                field("directory.postSince", CadreFormats.yearMonth(c.postSince(), locale)),
                field("cadre.status", getTranslation("cadreStatus." + c.status())));
        add(new H3(getTranslation("file.profile")), profile);

        Grid<PostHistoryEntry> history = new Grid<>();
        history.setId("post-history");
        history.setAllRowsVisible(true);
        history.addColumn(h -> date(h.startDate())).setHeader(getTranslation("file.from")).setAutoWidth(true);
        history.addColumn(h -> h.endDate() == null ? getTranslation("file.now") : date(h.endDate()))
                .setHeader(getTranslation("file.to")).setAutoWidth(true);
        history.addColumn(PostHistoryEntry::unitName).setHeader(getTranslation("cadre.unit")).setAutoWidth(true);
        history.addColumn(PostHistoryEntry::postName).setHeader(getTranslation("cadre.post")).setAutoWidth(true);
        history.setItems(cadres.postHistory(c.id(), user));
        add(new H3(getTranslation("file.postHistory")), history);

        for (CadreFileSection section : sections) {
            add(new H3(getTranslation(section.titleKey())), section.render(c, locale));
        }
    }

    /** The post, with what features say of it under it (a reservation for a cadre away, say). */
    private TextField postField(Long postId) {
        TextField post = field("cadre.post", org.post(postId).map(Post::name).orElse(""));
        post.setId("profile-post");
        if (postId != null) {
            post.setHelperText(String.join("；", postNotes.stream().map(n -> n.note(postId, getLocale()))
                    .flatMap(java.util.Optional::stream).toList()));
        }
        return post;
    }

    private TextField field(String labelKey, String value) {
        TextField f = new TextField(getTranslation(labelKey));
        f.setValue(value == null ? "" : value);
        f.setReadOnly(true);
        return f;
    }

    private static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    private static Long parse(String id) {
        try {
            return Long.valueOf(id);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
