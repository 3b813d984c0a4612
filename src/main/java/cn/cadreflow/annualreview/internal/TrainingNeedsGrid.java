package cn.cadreflow.annualreview.internal;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.grid.Grid;

import cn.cadreflow.annualreview.TrainingNeed;
import cn.cadreflow.i18n.AppI18NProvider;

/** Training needs as a grid: the cadre's own (in the file) or those of an HR officer's scope (with who). */
final class TrainingNeedsGrid {

    private TrainingNeedsGrid() {
    }

    static Grid<TrainingNeed> ofCadre(List<TrainingNeed> needs, AppI18NProvider i18n, Locale locale) {
        return grid("appraisal-needs", needs, false, i18n, locale);
    }

    static Grid<TrainingNeed> ofScope(List<TrainingNeed> needs, AppI18NProvider i18n, Locale locale) {
        return grid("training-needs-grid", needs, true, i18n, locale);
    }

    private static Grid<TrainingNeed> grid(String id, List<TrainingNeed> needs, boolean withCadre,
                                           AppI18NProvider i18n, Locale locale) {
        Grid<TrainingNeed> grid = new Grid<>();
        grid.setId(id);
        grid.setAllRowsVisible(true);
        if (withCadre) {
            grid.addColumn(TrainingNeed::cadreName).setHeader(i18n.getTranslation("appraisal.needs.cadre", locale))
                    .setAutoWidth(true);
            grid.addColumn(TrainingNeed::unitName).setHeader(i18n.getTranslation("appraisal.needs.unit", locale))
                    .setAutoWidth(true);
        }
        grid.addColumn(n -> n.reviewYear() == null ? "" : String.valueOf(n.reviewYear()))
                .setHeader(i18n.getTranslation("appraisal.needs.year", locale)).setAutoWidth(true);
        grid.addColumn(n -> i18n.getTranslation("appraisal.indicator." + n.capabilityCode(), locale))
                .setHeader(i18n.getTranslation("appraisal.needs.capability", locale)).setAutoWidth(true);
        grid.addColumn(n -> i18n.getTranslation("appraisal.needs.status." + n.status(), locale))
                .setHeader(i18n.getTranslation("appraisal.needs.statusHeader", locale)).setAutoWidth(true);
        grid.setItems(needs);
        grid.setEmptyStateText(i18n.getTranslation("appraisal.needs.empty", locale));
        return grid;
    }
}
