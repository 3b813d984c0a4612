package cn.cadreflow.cadre.internal;

import static cn.cadreflow.ui.FormTable.row;
import static cn.cadreflow.ui.FormTable.value;
import static cn.cadreflow.ui.FormTable.wide;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

import cn.cadreflow.ui.FormTable;
import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.cadre.CadreFileSection;
import cn.cadreflow.cadre.CadreFormats;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.cadre.PostHistoryEntry;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.org.Post;
import cn.cadreflow.security.AppRoles;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;
import jakarta.annotation.security.RolesAllowed;

/**
 * The cadre file laid out for paper: the basic record as a bordered form, the post history and every section of the
 * file, with the print style sheet hiding the shell and the buttons. Whoever may read the file may print it.
 */
@Route("file/:cadreId/print")
@RolesAllowed({AppRoles.CADRE, AppRoles.UNIT_LEADER, AppRoles.HR_OFFICER, AppRoles.ADMIN})
public class CadreFilePrintView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final CadreService cadres;
    private final OrgService org;
    private final UserService users;
    private final List<CadreFileSection> sections;
    private String title = "";

    public CadreFilePrintView(CadreService cadres, OrgService org, UserService users, List<CadreFileSection> sections) {
        this.cadres = cadres;
        this.org = org;
        this.users = users;
        this.sections = sections.stream().sorted(Comparator.comparingInt(CadreFileSection::order)).toList();
        addClassName("view");
        addClassName("print-form");
        addClassName("file-print");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        UserContext user = users.current();
        title = getTranslation("nav.file");
        Cadre c = event.getRouteParameters().get("cadreId").flatMap(CadreFilePrintView::parse)
                .flatMap(id -> cadres.visible(id, user)).orElse(null);
        if (c == null) {
            Paragraph p = new Paragraph(getTranslation("file.notAllowed"));
            p.setId("file-error");
            add(new H2(title), p);
            return;
        }
        Locale locale = getLocale();
        title = getTranslation("file.title", c.name());
        Button print = new Button(getTranslation("file.print"), VaadinIcon.PRINT.create(),
                e -> getUI().ifPresent(ui -> ui.getPage().executeJs("window.print()")));
        print.setId("file-print-now");
        print.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout actions = new HorizontalLayout(new RouterLink(getTranslation("file.backToFile"),
                CadreFileView.class, new RouteParameters("cadreId", String.valueOf(c.id()))), print);
        actions.addClassName("no-print");
        actions.setAlignItems(Alignment.BASELINE);
        H2 heading = new H2(getTranslation("file.printHeading"));
        heading.addClassName("form-heading");

        NativeTable profile = new NativeTable();
        profile.setId("print-profile");
        profile.addClassName("registration-form");
        NativeTableBody body = new NativeTableBody();
        body.add(row(label("cadre.name"), value(c.name(), "print-name"),
                label("cadre.gender"), value(getTranslation("gender." + c.gender()), null),
                label("directory.birth"), value(CadreFormats.yearMonth(c.birthDate(), locale), "print-birth")));
        body.add(row(label("cadre.ethnicity"), value(c.ethnicity(), null),
                label("cadre.politicalStatus"), value(getTranslation("political." + c.politicalStatus()), null),
                label("cadre.partyDate"), value(CadreFormats.yearMonth(c.partyDate(), locale), null)));
        body.add(row(label("cadre.workStartDate"), value(CadreFormats.yearMonth(c.workStartDate(), locale), null),
                label("cadre.education"), value(getTranslation("education." + c.education()), null),
                label("cadre.rank"), value(getTranslation("rank." + c.rankCode()), null)));
        body.add(row(label("cadre.unitPost"), wide(value(org.tree().path(c.unitId()) + " "
                        + org.post(c.postId()).map(Post::name).orElse(""), null), 3),
                label("directory.postSince"), value(CadreFormats.yearMonth(c.postSince(), locale), null)));
        profile.add(body);

        NativeTable history = new NativeTable();
        history.setId("print-history");
        history.addClassName("print-table");
        NativeTableBody lines = new NativeTableBody();
        NativeTableRow head = new NativeTableRow();
        for (String key : List.of("file.from", "file.to", "cadre.unit", "cadre.post")) {
            head.add(new NativeTableHeaderCell(getTranslation(key)));
        }
        lines.add(head);
        for (PostHistoryEntry h : cadres.postHistory(c.id(), user)) {
            lines.add(row(value(CadreFormats.yearMonth(h.startDate(), locale), null),
                    value(h.endDate() == null ? getTranslation("file.now") : CadreFormats.yearMonth(h.endDate(), locale),
                            null), value(h.unitName(), null), value(h.postName(), null)));
        }
        history.add(lines);

        add(actions, heading, profile, new H3(getTranslation("file.postHistory")), history);
        for (CadreFileSection section : sections) {
            Div part = new Div(new H3(getTranslation(section.titleKey())), section.render(c, locale));
            part.addClassName("print-section");
            add(part);
        }
    }

    private NativeTableCell label(String key) {
        return FormTable.label(getTranslation(key));
    }

    private static java.util.Optional<Long> parse(String id) {
        try {
            return java.util.Optional.of(Long.valueOf(id));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
