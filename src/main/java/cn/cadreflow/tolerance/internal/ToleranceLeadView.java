package cn.cadreflow.tolerance.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.org.OrgUnit;
import cn.cadreflow.security.AppRoles;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;
import cn.cadreflow.tolerance.ToleranceCase;
import cn.cadreflow.tolerance.ToleranceStep;
import cn.cadreflow.ui.DatePickers;
import cn.cadreflow.ui.Notices;
import cn.cadreflow.ui.TextLimit;
import cn.cadreflow.ui.Texts;
import cn.cadreflow.workflow.FormError;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.UserDirectory;
import cn.cadreflow.workflow.WorkflowException;
import jakarta.annotation.security.RolesAllowed;

/**
 * 登记问责线索: an HR or discipline officer registers an accountability lead against a cadre, picked by name or unit
 * from the cadres in the officer's reach (HR over the unit, or 纪检监察 whose scope covers it; the same rule the
 * process's start check applies), and the facts. Starts the 容错纠错 process as its start form would.
 */
@Route("tolerance/lead")
@Menu(order = 8.2, title = "tolerance.lead.nav", icon = "vaadin:flag-o")
@RolesAllowed({AppRoles.HR_OFFICER, AppRoles.DISCIPLINE})
public class ToleranceLeadView extends VerticalLayout implements HasDynamicTitle {

    /** The matter's and the facts' lengths, as the start form ({@code toleranceOpen}) limits them. */
    static final int MATTER_MAX = 500;
    static final int FACTS_MAX = 1000;

    private final ProcessStarts starts;
    private final UserContext user;
    private final ComboBox<Cadre> cadre = new ComboBox<>();
    private final TextField matter = new TextField();
    private final DatePicker matterDate = new DatePicker();
    private final TextArea decisionTaken = new TextArea();
    private final TextArea loss = new TextArea();
    private final TextArea mitigation = new TextArea();

    public ToleranceLeadView(ProcessStarts starts, CadreService cadres, OrgService org, UserService users,
                             UserDirectory directory, Texts texts) {
        this.starts = starts;
        this.user = users.current();
        addClassName("view");
        Set<Long> reach = new LinkedHashSet<>(user.hrUnitIds());
        directory.groupsOf(user.username()).stream()
                .filter(g -> AppRoles.DISCIPLINE.equals(g.type()) && g.unitId() != null)
                .forEach(g -> reach.add(g.unitId()));
        List<Long> units = List.copyOf(reach);
        Map<Long, OrgUnit> unitsById = org.units(units);

        cadre.setId("lead-cadre");
        cadre.setLabel(getTranslation("tolerance.lead.cadre"));
        cadre.setPlaceholder(getTranslation("tolerance.lead.cadreHint"));
        // by name, or every cadre of the units whose name holds the text
        cadre.setItems(q -> {
            String filter = q.getFilter().orElse("").strip();
            int wanted = q.getOffset() + q.getLimit();
            Map<Long, Cadre> found = new LinkedHashMap<>();
            cadres.list(units, filter, 0, wanted).forEach(c -> found.put(c.id(), c));
            List<Long> named = filter.isEmpty() ? List.of() : unitsById.values().stream()
                    .filter(u -> u.name().contains(filter)).map(OrgUnit::id).toList();
            if (found.size() < wanted && !named.isEmpty()) {
                cadres.list(named, "", 0, wanted).forEach(c -> found.putIfAbsent(c.id(), c));
            }
            return found.values().stream().skip(q.getOffset()).limit(q.getLimit());
        });
        cadre.setItemLabelGenerator(c -> getTranslation("tolerance.cadreLabel", c.name(),
                unitsById.containsKey(c.unitId()) ? unitsById.get(c.unitId()).name() : ""));
        matter.setId("lead-matter");
        matter.setLabel(getTranslation("tolerance.matter"));
        TextLimit.apply(matter, MATTER_MAX);
        matterDate.setId("lead-matter-date");
        matterDate.setLabel(getTranslation("tolerance.matterDate"));
        matterDate.setI18n(DatePickers.i18n(texts, getLocale()));
        decisionTaken.setId("lead-decision-taken");
        decisionTaken.setLabel(getTranslation("tolerance.lead.decisionTaken"));
        loss.setId("lead-loss");
        loss.setLabel(getTranslation("tolerance.lead.loss"));
        mitigation.setId("lead-mitigation");
        mitigation.setLabel(getTranslation("tolerance.lead.mitigation"));
        for (TextArea t : List.of(decisionTaken, loss, mitigation)) {
            TextLimit.apply(t, FACTS_MAX);
        }
        List<HasValue<?, ?>> required = List.of(cadre, matter, matterDate, decisionTaken, loss);
        required.forEach(f -> f.setRequiredIndicatorVisible(true));
        fields().values().forEach(f -> f.setManualValidation(true));

        FormLayout form = new FormLayout(cadre, matterDate, matter, decisionTaken, loss, mitigation);
        form.setColspan(matter, 2);
        form.setColspan(decisionTaken, 2);
        form.setColspan(loss, 2);
        form.setColspan(mitigation, 2);
        Button submit = new Button(getTranslation("tolerance.lead.submit"), e -> submit());
        submit.setId("lead-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2(getTranslation("tolerance.lead.title")), new Paragraph(getTranslation("tolerance.lead.hint")), form,
                submit);
    }

    private Map<String, HasValidation> fields() {
        return Map.of("cadreId", cadre, "matter", matter, "matterDate", matterDate, "decisionTaken", decisionTaken,
                "loss", loss, "mitigation", mitigation);
    }

    private void submit() {
        Map<String, HasValidation> fields = fields();
        fields.values().forEach(f -> f.setInvalid(false));
        Map<String, Object> values = new HashMap<>();
        values.put("kind", ToleranceCase.Kind.LEAD.name());
        if (cadre.getValue() != null) {
            values.put("cadreId", cadre.getValue().id());
        }
        values.put("matter", matter.getValue());
        if (matterDate.getValue() != null) {
            values.put("matterDate", matterDate.getValue().toString());
        }
        values.put("decisionTaken", decisionTaken.getValue());
        values.put("loss", loss.getValue());
        values.put("mitigation", mitigation.getValue());
        try {
            starts.start(ToleranceStep.PROCESS_KEY, user.username(), values);
            Notices.success(getTranslation("tolerance.lead.registered", cadre.getValue().name()));
            getUI().ifPresent(ui -> ui.navigate("started"));
        } catch (WorkflowException ex) {
            List<FormError> errors = ex.errors().isEmpty() ? List.of(FormError.of(null, ex.messageKey()))
                    : new ArrayList<>(ex.errors());
            for (FormError e : errors) {
                HasValidation field = e.field() == null ? null : fields.get(e.field());
                if (field != null) {
                    field.setErrorMessage(getTranslation(e.messageKey(), e.args().toArray()));
                    field.setInvalid(true);
                }
            }
            Notices.error(String.join("；", errors.stream()
                    .map(e -> getTranslation(e.messageKey(), e.args().toArray())).distinct().toList()));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tolerance.lead.title") + " · " + getTranslation("app.name");
    }
}
