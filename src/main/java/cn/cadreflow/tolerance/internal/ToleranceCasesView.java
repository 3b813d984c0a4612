package cn.cadreflow.tolerance.internal;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.org.OrgUnit;
import cn.cadreflow.security.AppRoles;
import cn.cadreflow.security.UserService;
import cn.cadreflow.tolerance.ToleranceCase;
import cn.cadreflow.tolerance.ToleranceCases;
import jakarta.annotation.security.RolesAllowed;

/**
 * 容错纠错案件: the cases an HR officer's scope covers, and the cases of the units a 组织部长 (to whom an overdue 受理
 * escalates) is over (by the case's unit), each opening its case view ({@link ToleranceCaseView}); filtered by the
 * matter's category (事项类别).
 */
@Route("tolerance/cases")
@Menu(order = 8.3, title = "tolerance.cases.nav", icon = "vaadin:folder-open-o")
@RolesAllowed({AppRoles.HR_OFFICER, AppRoles.ORG_HEAD})
public class ToleranceCasesView extends VerticalLayout implements HasDynamicTitle {

    public ToleranceCasesView(ToleranceCases cases, CadreService cadres, OrgService org, UserService users) {
        addClassName("view");
        List<ToleranceCase> listed = cases.listed(users.current());
        Map<Long, Cadre> byId = cadres.findAll(listed.stream().map(ToleranceCase::cadreId).toList());
        Map<Long, OrgUnit> units = org.units(listed.stream().map(ToleranceCase::unitId).toList());
        Grid<ToleranceCase> grid = new Grid<>();
        grid.setId("cases");
        grid.addComponentColumn(c -> new Anchor("tolerance/case/" + c.id(), "RC-" + c.id()))
                .setHeader(getTranslation("tolerance.cases.number")).setAutoWidth(true);
        grid.addColumn(c -> byId.containsKey(c.cadreId()) ? byId.get(c.cadreId()).name() : "")
                .setHeader(getTranslation("tolerance.cases.cadre")).setAutoWidth(true);
        grid.addColumn(c -> units.containsKey(c.unitId()) ? units.get(c.unitId()).name() : "")
                .setHeader(getTranslation("tolerance.cases.unit")).setAutoWidth(true);
        grid.addColumn(c -> getTranslation("tolerance.category." + c.category().name()))
                .setHeader(getTranslation("tolerance.category")).setAutoWidth(true);
        grid.addColumn(ToleranceCase::matter).setHeader(getTranslation("tolerance.matter")).setFlexGrow(1);
        grid.addColumn(c -> getTranslation("tolerance.caseView.status." + c.status().name()))
                .setHeader(getTranslation("tolerance.cases.status")).setAutoWidth(true);
        grid.setItems(listed);
        // 事项类别: all, or one kind of matter
        Select<ToleranceCase.Category> category = new Select<>();
        category.setId("cases-category");
        category.setLabel(getTranslation("tolerance.category"));
        category.setItems(ToleranceCase.Category.values());
        category.setEmptySelectionAllowed(true);
        category.setEmptySelectionCaption(getTranslation("tolerance.cases.allCategories"));
        category.setItemLabelGenerator(c -> c == null ? getTranslation("tolerance.cases.allCategories")
                : getTranslation("tolerance.category." + c.name()));
        category.addValueChangeListener(e -> grid.setItems(e.getValue() == null ? listed
                : listed.stream().filter(c -> c.category() == e.getValue()).toList()));
        add(new H2(getTranslation("tolerance.cases.title")), category, grid);
        setSizeFull();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tolerance.cases.title") + " · " + getTranslation("app.name");
    }
}
