package cn.cadreflow.annualreview.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import cn.cadreflow.annualreview.AppraisalException;
import cn.cadreflow.annualreview.AppraisalSettings;
import cn.cadreflow.annualreview.DigitalIndicator;
import cn.cadreflow.annualreview.Framework;
import cn.cadreflow.annualreview.FrameworkItem;
import cn.cadreflow.annualreview.RuleSetting;
import cn.cadreflow.security.AppRoles;
import jakarta.annotation.security.RolesAllowed;

/**
 * 考核指标: the admin edits the capability frameworks' item names and weights, the digital indicators' target values and
 * weights, and the rule settings. {@link AppraisalSettings} checks every save; a refusal is shown in the user's
 * language and nothing is changed.
 */
@Route("admin/appraisal")
@Menu(order = 20, title = "nav.appraisalSettings", icon = "vaadin:sliders")
@RolesAllowed(AppRoles.ADMIN)
public class AppraisalSettingsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final AppraisalSettings settings;
    private final Paragraph status = new Paragraph();

    public AppraisalSettingsView(AppraisalSettings settings) {
        this.settings = settings;
        addClassName("view");
        status.setId("settings-status");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        show();
    }

    private void show() {
        removeAll();
        add(new H2(getTranslation("appraisal.admin.title")), new Paragraph(getTranslation("appraisal.admin.hint")),
                status);
        for (Framework f : settings.frameworks()) {
            add(frameworkEditor(f));
        }
        add(indicatorEditor(), ruleEditor());
    }

    private Component frameworkEditor(Framework f) {
        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        Map<String, TextField> names = new LinkedHashMap<>();
        Map<String, NumberField> weights = new LinkedHashMap<>();
        for (FrameworkItem item : settings.items(f.code())) {
            TextField name = new TextField(getTranslation("appraisal.admin.itemName"));
            name.setValue(item.name());
            name.setId("name-" + f.code() + "-" + item.code());
            NumberField weight = number(getTranslation("appraisal.admin.weight", item.name()), item.weight(),
                    "weight-" + f.code() + "-" + item.code());
            names.put(item.code(), name);
            weights.put(item.code(), weight);
            form.add(name, weight);
        }
        Button save = saveButton("save-" + f.code(), () -> {
            Map<String, String> newNames = new LinkedHashMap<>();
            names.forEach((code, field) -> newNames.put(code, field.getValue()));
            settings.updateFrameworkItems(f.code(), newNames, values(weights));
        });
        return section(f.name(), form, save);
    }

    private Component indicatorEditor() {
        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        Map<String, NumberField> targets = new LinkedHashMap<>();
        Map<String, NumberField> weights = new LinkedHashMap<>();
        for (DigitalIndicator i : settings.indicators()) {
            String name = getTranslation("appraisal.indicator." + i.code());
            NumberField target = number(getTranslation("appraisal.admin.target", name, i.measureUnit()),
                    i.targetValue(), "indicator-target-" + i.code());
            NumberField weight = number(getTranslation("appraisal.admin.weight", name), i.weight(),
                    "indicator-weight-" + i.code());
            targets.put(i.code(), target);
            weights.put(i.code(), weight);
            form.add(target, weight);
        }
        Button save = saveButton("save-indicators",
                () -> settings.updateIndicators(values(targets), values(weights)));
        return section(getTranslation("appraisal.admin.indicators"), form, save);
    }

    private Component ruleEditor() {
        FormLayout form = new FormLayout();
        Map<String, TextField> fields = new LinkedHashMap<>();
        for (RuleSetting rule : settings.ruleSettings()) {
            TextField field = new TextField(getTranslation("appraisal.rule." + rule.ruleKey()));
            field.setValue(rule.ruleValue());
            field.setId("rule-" + rule.ruleKey().replace('.', '-'));
            fields.put(rule.ruleKey(), field);
            form.add(field);
        }
        Button save = saveButton("save-rules", () -> {
            Map<String, String> changes = new LinkedHashMap<>();
            fields.forEach((key, field) -> changes.put(key, field.getValue()));
            settings.updateRules(changes);
        });
        return section(getTranslation("appraisal.admin.rules"), form, save);
    }

    private NumberField number(String label, BigDecimal value, String id) {
        NumberField field = new NumberField(label);
        field.setId(id);
        field.setValue(value == null ? null : value.doubleValue());
        return field;
    }

    /** The fields' values; an empty or unreadable field refuses the save with its label. */
    private static Map<String, BigDecimal> values(Map<String, NumberField> fields) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (Map.Entry<String, NumberField> e : fields.entrySet()) {
            Double v = e.getValue().getValue();
            if (v == null) {
                throw new AppraisalException("appraisal.admin.numberMissing", e.getValue().getLabel());
            }
            values.put(e.getKey(), BigDecimal.valueOf(v));
        }
        return values;
    }

    private Button saveButton(String id, Runnable save) {
        Button button = new Button(getTranslation("appraisal.admin.save"), e -> {
            try {
                save.run();
            } catch (AppraisalException ex) {
                refused(ex);
                return;
            }
            show();
            status.setText(getTranslation("appraisal.admin.saved"));
            status.removeClassName("error");
            notify(status.getText(), NotificationVariant.LUMO_SUCCESS);
        });
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        return button;
    }

    private void refused(AppraisalException ex) {
        Object[] args = ex.args();
        for (int i = 0; i < args.length; i++) {
            // rule keys and indicator codes read as their names in the user's language
            if (args[i] instanceof String s && settings.rules().containsKey(s)) {
                args[i] = getTranslation("appraisal.rule." + s);
            } else if (args[i] instanceof String s
                    && settings.indicators().stream().anyMatch(ind -> ind.code().equals(s))) {
                args[i] = getTranslation("appraisal.indicator." + s);
            }
        }
        status.setText(getTranslation(ex.key(), args));
        status.addClassName("error");
        notify(status.getText(), NotificationVariant.LUMO_ERROR);
    }

    private static void notify(String text, NotificationVariant variant) {
        Notification.show(text, 5000, Notification.Position.BOTTOM_CENTER).addThemeVariants(variant);
    }

    private static Component section(String title, FormLayout form, Button save) {
        VerticalLayout box = new VerticalLayout(new H3(title), form, new HorizontalLayout(save));
        box.setPadding(false);
        return box;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("appraisal.admin.title") + " · " + getTranslation("app.name");
    }
}
