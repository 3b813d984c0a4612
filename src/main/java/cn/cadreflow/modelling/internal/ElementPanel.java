package cn.cadreflow.modelling.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

import cn.cadreflow.org.OrgUnit;

/**
 * The modeller's side panel: pickers for the selected element, writing exactly the attributes the task centre and
 * the guard know. A user task: its assignee rule (a role, an org unit's group, or a rule of the starter), its form
 * from the library, its kind ({@code cf.kind}) and what 不同意 does ({@code cf.reject}); the start event: its form;
 * the process (nothing selected): its key, name and the roles that may start it.
 */
class ElementPanel extends VerticalLayout {

    private static final String NONE = "";

    private final Consumer<UnaryOperator<ModelEdits>> edit;
    private final List<String> forms;
    private final Collection<OrgUnit> units;

    ElementPanel(Consumer<UnaryOperator<ModelEdits>> edit, List<String> forms, Collection<OrgUnit> units) {
        this.edit = edit;
        this.forms = forms;
        this.units = units;
        setId("modeller-side");
        setPadding(false);
        setWidth("320px");
    }

    /** What the pickers of this element would show: equal signatures, equal panels. */
    static String signature(ModelEdits model, String id, String type) {
        String processId = model.processId();
        StringBuilder b = new StringBuilder(String.valueOf(id)).append('|').append(type).append('|');
        for (String attribute : List.of("assignee", "candidateGroups", "formRef", "candidateStarterGroups")) {
            b.append(model.camunda(id == null || id.isBlank() ? String.valueOf(processId) : id, attribute)).append('|');
        }
        b.append(processId).append('|').append(processId == null ? "" : model.attribute(processId, "name"));
        if (id != null && !id.isBlank()) {
            b.append('|').append(model.property(id, "cf.kind")).append('|').append(model.property(id, "cf.reject"))
                    .append('|').append(model.attribute(id, "name"));
        }
        model.userTasks().forEach(t -> b.append('|').append(t[0]).append('=').append(t[1]));
        return b.toString();
    }

    /** Shows the pickers of this element of the diagram (the process when the id is blank or the process's). */
    void show(ModelEdits model, String id, String type) {
        removeAll();
        String processId = model.processId();
        if (id == null || id.isBlank() || id.equals(processId)) {
            process(model, processId);
        } else if ("bpmn:UserTask".equals(type)) {
            userTask(model, id);
        } else if ("bpmn:StartEvent".equals(type)) {
            add(new H4(getTranslation("modeller.side.start")));
            add(formPicker(model, id));
        } else {
            add(new Paragraph(getTranslation("modeller.side.other")));
        }
    }

    private void process(ModelEdits model, String processId) {
        add(new H4(getTranslation("modeller.side.process")));
        if (processId == null) {
            return;
        }
        TextField key = new TextField(getTranslation("modeller.key"));
        key.setId("modeller-key");
        key.setValue(processId);
        key.setMaxLength(64);
        key.addValueChangeListener(e -> edit.accept(m -> m.process(e.getValue().strip(), null)));
        TextField name = new TextField(getTranslation("modeller.name"));
        name.setId("modeller-name");
        name.setValue(model.attribute(processId, "name"));
        name.setMaxLength(255);
        name.addValueChangeListener(e -> edit.accept(m -> m.process(null, e.getValue())));
        CheckboxGroup<String> starters = new CheckboxGroup<>(getTranslation("modeller.starters"));
        starters.setId("modeller-starters");
        starters.setItems(AssigneeRule.ROLES);
        starters.setItemLabelGenerator(r -> getTranslation("modeller.role." + r));
        Set<String> current = new LinkedHashSet<>();
        for (String s : model.camunda(processId, "candidateStarterGroups").split(",")) {
            if (AssigneeRule.ROLES.contains(s.strip())) {
                current.add(s.strip());
            }
        }
        starters.setValue(current);
        starters.addValueChangeListener(e -> edit.accept(m -> m.setCamunda(m.processId(), "candidateStarterGroups",
                String.join(",", AssigneeRule.ROLES.stream().filter(e.getValue()::contains).toList()))));
        add(key, name, starters);
    }

    private void userTask(ModelEdits model, String id) {
        add(new H4(getTranslation("modeller.side.task", model.attribute(id, "name"))));
        AssigneeRule rule = AssigneeRule.read(model.camunda(id, "assignee"), model.camunda(id, "candidateGroups"));

        Select<AssigneeRule.Kind> kind = new Select<>();
        kind.setId("modeller-assignee");
        kind.setLabel(getTranslation("modeller.assignee"));
        kind.setItems(AssigneeRule.Kind.values());
        kind.setItemLabelGenerator(k -> k == null ? getTranslation("modeller.assignee.none")
                : getTranslation("modeller.assignee." + k.name()));
        kind.setEmptySelectionAllowed(true);
        kind.setEmptySelectionCaption(getTranslation("modeller.assignee.none"));
        Select<String> role = new Select<>();
        role.setId("modeller-role");
        role.setLabel(getTranslation("modeller.role"));
        role.setItems(AssigneeRule.ROLES);
        role.setItemLabelGenerator(r -> r == null ? "" : getTranslation("modeller.role." + r));
        Select<String> group = new Select<>();
        group.setId("modeller-unit-group");
        group.setLabel(getTranslation("modeller.unitGroup"));
        group.setItems("leader", "hr", "discipline");
        group.setItemLabelGenerator(g -> g == null ? "" : getTranslation("modeller.unitGroup." + g));
        ComboBox<OrgUnit> unit = new ComboBox<>(getTranslation("modeller.unit"));
        unit.setId("modeller-unit");
        unit.setItems(units);
        unit.setItemLabelGenerator(OrgUnit::name);
        if (rule != null) {
            kind.setValue(rule.kind());
            if (rule.kind() == AssigneeRule.Kind.ROLE) {
                role.setValue(rule.value());
            } else if (rule.kind() == AssigneeRule.Kind.UNIT_GROUP) {
                String[] parts = rule.value().split("-");
                group.setValue(parts[0]);
                units.stream().filter(u -> u.id().toString().equals(parts[1])).findFirst().ifPresent(unit::setValue);
            }
        }
        Runnable visibility = () -> {
            role.setVisible(kind.getValue() == AssigneeRule.Kind.ROLE);
            group.setVisible(kind.getValue() == AssigneeRule.Kind.UNIT_GROUP);
            unit.setVisible(kind.getValue() == AssigneeRule.Kind.UNIT_GROUP);
        };
        visibility.run();
        Runnable write = () -> {
            AssigneeRule picked = picked(kind.getValue(), role.getValue(), group.getValue(), unit.getValue());
            if (picked != null) {
                edit.accept(m -> m.assign(id, picked));
            }
        };
        kind.addValueChangeListener(e -> {
            visibility.run();
            write.run();
        });
        role.addValueChangeListener(e -> write.run());
        group.addValueChangeListener(e -> write.run());
        unit.addValueChangeListener(e -> write.run());
        add(kind, role, group, unit, formPicker(model, id), stepKind(model, id), reject(model, id));
    }

    private static AssigneeRule picked(AssigneeRule.Kind kind, String role, String group, OrgUnit unit) {
        if (kind == null) {
            return null;
        }
        return switch (kind) {
            case ROLE -> role == null ? null : AssigneeRule.role(role);
            case UNIT_GROUP -> group == null || unit == null ? null : AssigneeRule.unit(group, unit.id());
            default -> AssigneeRule.of(kind);
        };
    }

    private Select<String> stepKind(ModelEdits model, String id) {
        Select<String> kind = choice("modeller-kind", getTranslation("modeller.kind"),
                List.of(NONE, "approval", "revise", "form"), k -> getTranslation("modeller.kind." + (k.isEmpty()
                        ? "none" : k)), model.property(id, "cf.kind"));
        kind.addValueChangeListener(e -> edit.accept(m -> m.setProperty(id, "cf.kind", e.getValue())));
        return kind;
    }

    private Select<String> reject(ModelEdits model, String id) {
        List<String> targets = new ArrayList<>(List.of(NONE, "end"));
        List<String> names = new ArrayList<>(List.of(getTranslation("modeller.reject.none"),
                getTranslation("modeller.reject.end")));
        for (String[] task : model.userTasks()) {
            if (!task[0].equals(id)) {
                targets.add(task[0]);
                names.add(getTranslation("modeller.reject.back", task[1].isBlank() ? task[0] : task[1]));
            }
        }
        Select<String> reject = choice("modeller-reject", getTranslation("modeller.reject"), targets,
                t -> targets.indexOf(t) < 0 ? t : names.get(targets.indexOf(t)), model.property(id, "cf.reject"));
        reject.addValueChangeListener(e -> edit.accept(m -> m.setProperty(id, "cf.reject", e.getValue())));
        return reject;
    }

    private Select<String> formPicker(ModelEdits model, String id) {
        List<String> items = new ArrayList<>(List.of(NONE));
        items.addAll(forms);
        Select<String> form = choice("modeller-form", getTranslation("modeller.form"), items,
                f -> f.isEmpty() ? getTranslation("modeller.form.none") : f, model.camunda(id, "formRef"));
        form.addValueChangeListener(e -> edit.accept(m -> m.form(id, e.getValue())));
        return form;
    }

    private static Select<String> choice(String id, String label, List<String> items,
                                         com.vaadin.flow.component.ItemLabelGenerator<String> labels, String value) {
        Select<String> select = new Select<>();
        select.setId(id);
        select.setLabel(label);
        List<String> all = new ArrayList<>(items);
        if (!value.isEmpty() && !all.contains(value)) {
            all.add(value);
        }
        select.setItems(all);
        select.setItemLabelGenerator(v -> v == null ? "" : labels.apply(v));
        select.setValue(value);
        return select;
    }
}
