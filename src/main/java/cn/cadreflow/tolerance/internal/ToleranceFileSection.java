package cn.cadreflow.tolerance.internal;

import java.util.Locale;

import org.springframework.stereotype.Component;

import com.vaadin.flow.component.grid.Grid;

import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.cadre.CadreFileSection;
import cn.cadreflow.i18n.AppI18NProvider;
import cn.cadreflow.tolerance.ToleranceOutcome;
import cn.cadreflow.tolerance.ToleranceService;

/**
 * 容错认定 in the cadre file: every fault-tolerance outcome recorded for the cadre, newest decision first. The file
 * view has checked access already (the cadre himself, his unit's leaders, HR over his unit).
 */
@Component
class ToleranceFileSection implements CadreFileSection {

    private final ToleranceService tolerance;
    private final AppI18NProvider i18n;

    ToleranceFileSection(ToleranceService tolerance, AppI18NProvider i18n) {
        this.tolerance = tolerance;
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
        Grid<ToleranceOutcome> grid = new Grid<>();
        grid.setId("tolerance-file");
        grid.setAllRowsVisible(true);
        ToleranceGrids.addOutcomeColumns(grid, key -> i18n.getTranslation(key, locale));
        grid.setItems(tolerance.ofCadre(cadre.id()));
        grid.setEmptyStateText(i18n.getTranslation("tolerance.file.empty", locale));
        return grid;
    }
}
