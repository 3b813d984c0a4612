package cn.cadreflow.modelling.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import cn.cadreflow.workflow.MigrationPreview;
import cn.cadreflow.workflow.MigrationPreview.Step;

/**
 * 手动对应 in 迁移实例: each step of the old version that has no step of the same id in the new one, with a choice of
 * the new version's steps of the same kind (user task to user task, …); nothing chosen leaves its instances on
 * the old version. The rows are drawn once per pair of versions, so a choice survives the previews it triggers.
 */
final class StepMapping extends VerticalLayout {

    private final Map<String, String> chosen = new LinkedHashMap<>();
    private final Runnable changed;
    private List<Step> drawnFor;

    StepMapping(Runnable changed) {
        this.changed = changed;
        setId("migrate-manual");
        setPadding(false);
        setSpacing(false);
    }

    /** The steps chosen by hand, old step id to new step id. */
    Map<String, String> chosen() {
        return Map.copyOf(chosen);
    }

    /** Forgets the choices (another pair of versions). */
    void reset() {
        chosen.clear();
        drawnFor = null;
        removeAll();
        setVisible(false);
    }

    /** Draws the rows for this preview's steps, unless they are drawn already. */
    void show(MigrationPreview preview) {
        setVisible(!preview.sources().isEmpty());
        if (preview.sources().equals(drawnFor)) {
            return;
        }
        drawnFor = preview.sources();
        removeAll();
        add(new H3(getTranslation("modelling.migrate.manual")),
                new Paragraph(getTranslation("modelling.migrate.manualHint")));
        for (Step source : preview.sources()) {
            ComboBox<Step> target = new ComboBox<>();
            target.setId("migrate-map-" + source.id());
            target.setWidth("20em");
            target.setPlaceholder(getTranslation("modelling.migrate.keep"));
            target.setClearButtonVisible(true);
            target.setItemLabelGenerator(s -> getTranslation("migrate.step", s.name(), s.id()));
            target.setItems(preview.targets().stream().filter(t -> t.type().equals(source.type())).toList());
            preview.targets().stream().filter(t -> t.id().equals(chosen.get(source.id()))).findFirst()
                    .ifPresent(target::setValue);
            target.addValueChangeListener(e -> {
                if (e.getValue() == null) {
                    chosen.remove(source.id());
                } else {
                    chosen.put(source.id(), e.getValue().id());
                }
                changed.run();
            });
            HorizontalLayout row = new HorizontalLayout(
                    new Span(getTranslation("modelling.migrate.from", source.name(), source.id())), target);
            row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            add(row);
        }
    }
}
