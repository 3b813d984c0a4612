package cn.cadreflow.secondment.internal;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import com.vaadin.flow.component.grid.Grid;

import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.cadre.CadreFileSection;
import cn.cadreflow.i18n.AppI18NProvider;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.org.OrgUnit;
import cn.cadreflow.secondment.Secondment;
import cn.cadreflow.secondment.SecondmentService;

/**
 * 挂职交流 in the cadre file: each secondment, its term, where it stands and how it ended (the moves themselves are
 * also lines of the post history). The file view has checked access already.
 */
@Component
class SecondmentFileSection implements CadreFileSection {

    private final SecondmentService secondments;
    private final OrgService org;
    private final AppI18NProvider i18n;

    SecondmentFileSection(SecondmentService secondments, OrgService org, AppI18NProvider i18n) {
        this.secondments = secondments;
        this.org = org;
        this.i18n = i18n;
    }

    @Override
    public int order() {
        return 15;
    }

    @Override
    public String titleKey() {
        return "secondment.file.title";
    }

    @Override
    public com.vaadin.flow.component.Component render(Cadre cadre, Locale locale) {
        List<Secondment> rows = secondments.ofCadre(cadre.id());
        OrgService.OrgTree tree = org.tree();
        Grid<Secondment> grid = new Grid<>();
        grid.setId("secondment-file");
        grid.setAllRowsVisible(true);
        grid.addColumn(s -> t("secondment.kind." + s.kind().name(), locale))
                .setHeader(t("form.secondment.kind", locale)).setAutoWidth(true);
        grid.addColumn(s -> tree.unit(s.targetUnitId()).map(OrgUnit::name).orElse(""))
                .setHeader(t("secondment.field.targetUnit", locale)).setAutoWidth(true);
        grid.addColumn(s -> s.startDate() + " – " + s.endDate()).setHeader(t("secondment.term", locale))
                .setAutoWidth(true);
        grid.addColumn(s -> s.outcome() == null ? t("secondment.status." + s.status().name(), locale)
                : t("secondment.outcome." + s.outcome().name(), locale))
                .setHeader(t("secondment.statusHeader", locale)).setAutoWidth(true);
        grid.setItems(rows);
        grid.setEmptyStateText(t("secondment.file.empty", locale));
        return grid;
    }

    private String t(String key, Locale locale) {
        return i18n.getTranslation(key, locale);
    }
}
