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
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.org.OrgUnit;
import cn.cadreflow.security.AppRoles;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.tolerance.ToleranceCase.Category;
import cn.cadreflow.tolerance.ToleranceCase.Kind;
import cn.cadreflow.tolerance.ToleranceStep;
import cn.cadreflow.ui.DatePickers;
import cn.cadreflow.ui.Notices;
import cn.cadreflow.ui.TextLimit;
import cn.cadreflow.ui.Texts;
import cn.cadreflow.workflow.AttachmentRules;
import cn.cadreflow.workflow.FormError;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.UserDirectory;
import cn.cadreflow.workflow.WorkflowException;

/**
 * Opening a 容错纠错 case, the cadre picked and never typed: a 本人容错申请 is about the user themself (shown, not
 * chosen); a 问责线索 is against a cadre picked by name or unit among those in the officer's reach (HR over the unit,
 * or 纪检监察 whose scope covers it), never the officer. Then the matter's category (事项类别) and the facts. It
 * starts the process as its start form ({@code toleranceOpen}) would, so the form's rules and the start check
 * ({@code CaseChecks.opening}: the same reach, again on the server) decide.
 */
class CaseOpenForm extends VerticalLayout {

    /** The matter's and the facts' lengths, as the start form ({@code toleranceOpen}) limits them. */
    static final int MATTER_MAX = 500;
    static final int FACTS_MAX = 1000;

    private final ProcessStarts starts;
    private final EvidenceFiles evidence;
    private final UserContext user;
    private final Cadre self;
    private final RadioButtonGroup<Kind> kind = new RadioButtonGroup<>();
    private final ComboBox<Cadre> cadre = new ComboBox<>();
    private final Select<Category> category = new Select<>();
    private final TextField matter = new TextField();
    private final DatePicker matterDate = new DatePicker();
    private final TextArea decisionTaken = new TextArea();
    private final TextArea loss = new TextArea();
    private final TextArea mitigation = new TextArea();

    /** The units whose cadres this officer may register a lead against: HR scope and discipline scope. */
    static List<Long> reach(UserContext user, UserDirectory directory) {
        Set<Long> reach = new LinkedHashSet<>(user.hrUnitIds());
        directory.groupsOf(user.username()).stream()
                .filter(g -> AppRoles.DISCIPLINE.equals(g.type()) && g.unitId() != null)
                .forEach(g -> reach.add(g.unitId()));
        return List.copyOf(reach);
    }

    /** What this user may open: an application about themself (a cadre), a lead (an officer with a reach). */
    static List<Kind> kinds(UserContext user, List<Long> reach) {
        List<Kind> kinds = new ArrayList<>();
        if (user.cadreId() != null && user.has(AppRoles.CADRE)) {
            kinds.add(Kind.APPLICATION);
        }
        if (!reach.isEmpty()) {
            kinds.add(Kind.LEAD);
        }
        return kinds;
    }

    CaseOpenForm(List<Kind> kinds, List<Long> reach, UserContext user, ProcessStarts starts, CadreService cadres,
                 OrgService org, Texts texts, AttachmentRules rules) {
        this.starts = starts;
        this.evidence = new EvidenceFiles(rules);
        this.user = user;
        this.self = user.cadreId() == null ? null : cadres.find(user.cadreId()).orElse(null);
        setPadding(false);
        Map<Long, OrgUnit> unitsById = org.units(reach);
        Map<Long, String> names = new HashMap<>();
        unitsById.forEach((id, u) -> names.put(id, u.name()));
        if (self != null) {
            org.unit(self.unitId()).ifPresent(u -> names.put(u.id(), u.name()));
        }

        kind.setId("open-kind");
        kind.setLabel(getTranslation("tolerance.open.kind"));
        kind.setItems(kinds);
        kind.setItemLabelGenerator(k -> getTranslation("tolerance.case.kind." + k.name()));
        kind.setVisible(kinds.size() > 1);
        kind.addValueChangeListener(e -> kindChosen(e.getValue()));

        cadre.setId("open-cadre");
        cadre.setPlaceholder(getTranslation("tolerance.lead.cadreHint"));
        // by name, or every cadre of the units whose name holds the text; never the officer themself
        cadre.setItems(q -> {
            String filter = q.getFilter().orElse("").strip();
            int wanted = q.getOffset() + q.getLimit();
            Map<Long, Cadre> found = new LinkedHashMap<>();
            cadres.list(reach, filter, 0, wanted).forEach(c -> found.put(c.id(), c));
            List<Long> named = filter.isEmpty() ? List.of() : unitsById.values().stream()
                    .filter(u -> u.name().contains(filter)).map(OrgUnit::id).toList();
            if (found.size() < wanted && !named.isEmpty()) {
                cadres.list(named, "", 0, wanted).forEach(c -> found.putIfAbsent(c.id(), c));
            }
            return found.values().stream().filter(c -> !c.id().equals(user.cadreId()))
                    .skip(q.getOffset()).limit(q.getLimit());
        });
        cadre.setItemLabelGenerator(c -> getTranslation("tolerance.cadreLabel", c.name(),
                names.getOrDefault(c.unitId(), "")));

        category.setId("open-category");
        category.setLabel(getTranslation("tolerance.category"));
        category.setItems(Category.values());
        category.setItemLabelGenerator(c -> c == null ? "" : getTranslation("tolerance.category." + c.name()));
        matter.setId("open-matter");
        matter.setLabel(getTranslation("tolerance.matter"));
        TextLimit.apply(matter, MATTER_MAX);
        matterDate.setId("open-matter-date");
        matterDate.setLabel(getTranslation("tolerance.matterDate"));
        matterDate.setI18n(DatePickers.i18n(texts, getLocale()));
        decisionTaken.setId("open-decision-taken");
        loss.setId("open-loss");
        mitigation.setId("open-mitigation");
        for (TextArea t : List.of(decisionTaken, loss, mitigation)) {
            TextLimit.apply(t, FACTS_MAX);
        }
        List<HasValue<?, ?>> required = List.of(cadre, category, matter, matterDate, decisionTaken, loss);
        required.forEach(f -> f.setRequiredIndicatorVisible(true));
        fields().values().forEach(f -> f.setManualValidation(true));

        FormLayout form = new FormLayout(cadre, category, matterDate, matter, decisionTaken, loss, mitigation);
        form.setColspan(matter, 2);
        form.setColspan(decisionTaken, 2);
        form.setColspan(loss, 2);
        form.setColspan(mitigation, 2);
        Button submit = new Button(getTranslation(kinds.equals(List.of(Kind.LEAD)) ? "tolerance.lead.submit"
                : "tolerance.open.submit"), e -> submit());
        submit.setId("open-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(kind, form, evidence, submit);
        kind.setValue(kinds.get(0));
    }

    /** An application is about the user: shown, not chosen; a lead's cadre is picked. The labels follow. */
    private void kindChosen(Kind chosen) {
        boolean application = chosen == Kind.APPLICATION;
        String words = application ? "tolerance.open." : "tolerance.lead.";
        cadre.setLabel(getTranslation(application ? "tolerance.open.self" : "tolerance.lead.cadre"));
        cadre.setValue(application ? self : null);
        cadre.setReadOnly(application);
        decisionTaken.setLabel(getTranslation(words + "decisionTaken"));
        loss.setLabel(getTranslation(words + "loss"));
        mitigation.setLabel(getTranslation(words + "mitigation"));
    }

    private Map<String, HasValidation> fields() {
        return Map.of("cadreId", cadre, "category", category, "matter", matter, "matterDate", matterDate,
                "decisionTaken", decisionTaken, "loss", loss, "mitigation", mitigation);
    }

    private void submit() {
        Map<String, HasValidation> fields = fields();
        fields.values().forEach(f -> f.setInvalid(false));
        Kind chosen = kind.getValue();
        Map<String, Object> values = new HashMap<>();
        values.put("kind", chosen.name());
        // an application's cadre is the applicant, known to the server: nothing to send
        if (chosen == Kind.LEAD && cadre.getValue() != null) {
            values.put("cadreId", cadre.getValue().id());
        }
        if (category.getValue() != null) {
            values.put("category", category.getValue().name());
        }
        values.put("matter", matter.getValue());
        if (matterDate.getValue() != null) {
            values.put("matterDate", matterDate.getValue().toString());
        }
        values.put("decisionTaken", decisionTaken.getValue());
        values.put("loss", loss.getValue());
        values.put("mitigation", mitigation.getValue());
        try {
            starts.start(ToleranceStep.PROCESS_KEY, user.username(), values, evidence.files());
            Notices.success(chosen == Kind.LEAD ? getTranslation("tolerance.lead.registered", cadre.getValue().name())
                    : getTranslation("tolerance.open.applied"));
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
}
