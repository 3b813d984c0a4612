package cn.cadreflow.tolerance.internal;

import java.util.Locale;

import org.springframework.stereotype.Component;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;

import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.cadre.CadreFileSection;
import cn.cadreflow.i18n.AppI18NProvider;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;
import cn.cadreflow.tolerance.ToleranceOutcome;
import cn.cadreflow.tolerance.ToleranceService;

/**
 * 容错认定 in the cadre file: every fault-tolerance outcome recorded for the cadre, newest decision first. The file
 * view has checked access already (the cadre himself, his unit's leaders, HR over his unit); of those, the outcomes
 * are confidential to the cadre, HR over the unit and administrators, so a unit leader reads only that they are.
 */
@Component
class ToleranceFileSection implements CadreFileSection {

    private final ToleranceService tolerance;
    private final UserService users;
    private final AppI18NProvider i18n;

    ToleranceFileSection(ToleranceService tolerance, UserService users, AppI18NProvider i18n) {
        this.tolerance = tolerance;
        this.users = users;
        this.i18n = i18n;
    }

    @Override
    public int order() {
        return 25;
    }

    @Override
    public String titleKey() {
        return "tolerance.file.title";
    }

    @Override
    public com.vaadin.flow.component.Component render(Cadre cadre, Locale locale) {
        UserContext viewer = users.current();
        if (!ToleranceService.mayRead(viewer, cadre)) {
            Span restricted = new Span(i18n.getTranslation("tolerance.file.restricted", locale));
            restricted.setId("tolerance-file-restricted");
            return restricted;
        }
        Grid<ToleranceOutcome> grid = new Grid<>();
        grid.setId("tolerance-file");
        grid.setAllRowsVisible(true);
        ToleranceGrids.addOutcomeColumns(grid, key -> i18n.getTranslation(key, locale));
        grid.setItems(tolerance.ofCadre(cadre.id()));
        grid.setEmptyStateText(i18n.getTranslation("tolerance.file.empty", locale));
        return grid;
    }
}
