package cn.cadreflow.tolerance.internal;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.security.AppRoles;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;
import cn.cadreflow.tolerance.ToleranceException;
import cn.cadreflow.tolerance.ToleranceOutcome;
import cn.cadreflow.tolerance.ToleranceService;
import cn.cadreflow.ui.DatePickers;
import cn.cadreflow.ui.TextLimit;
import cn.cadreflow.ui.Texts;
import jakarta.annotation.security.RolesAllowed;

/**
 * 容错认定登记: an HR officer records the committee's fault-tolerance outcomes for cadres in their scope (also
 * those decided on paper before the system), and sees the outcomes recorded for those cadres.
 */
@Route("tolerance")
@Menu(order = 8, title = "tolerance.nav", icon = "vaadin:shield")
@RolesAllowed(AppRoles.HR_OFFICER)
public class ToleranceView extends VerticalLayout implements HasDynamicTitle {

    private final ToleranceService tolerance;
    private final UserContext user;
    private final ComboBox<Cadre> cadre = new ComboBox<>();
    private final TextArea matter = new TextArea();
    private final DatePicker matterDate = new DatePicker();
    private final Select<ToleranceOutcome.Outcome> outcome = new Select<>();
    private final DatePicker decisionDate = new DatePicker();
    private final TextField decisionNo = new TextField();
    private final Grid<ToleranceOutcome> grid = new Grid<>();

    public ToleranceView(ToleranceService tolerance, CadreService cadres, OrgService org, UserService users,
                         Texts texts) {
        this.tolerance = tolerance;
        this.user = users.current();
        addClassName("view");

        List<Long> units = List.copyOf(user.hrUnitIds());
        OrgService.OrgTree tree = org.tree();
        cadre.setId("tolerance-cadre");
        cadre.setLabel(getTranslation("tolerance.cadre"));
        cadre.setItems(q -> cadres.list(units, q.getFilter().orElse(""), q.getOffset(), q.getLimit()).stream());
        cadre.setItemLabelGenerator(c -> getTranslation("tolerance.cadreLabel", c.name(),
                tree.unit(c.unitId()).map(u -> u.name()).orElse("")));
        matter.setId("tolerance-matter");
        matter.setLabel(getTranslation("tolerance.matter"));
        TextLimit.apply(matter, ToleranceService.MATTER_MAX);
        matterDate.setId("tolerance-matter-date");
        matterDate.setLabel(getTranslation("tolerance.matterDate"));
        outcome.setId("tolerance-outcome");
        outcome.setLabel(getTranslation("tolerance.outcome"));
        outcome.setItems(ToleranceOutcome.Outcome.values());
        outcome.setItemLabelGenerator(o -> getTranslation("tolerance.outcome." + o.name()));
        decisionDate.setId("tolerance-decision-date");
        decisionDate.setLabel(getTranslation("tolerance.decisionDate"));
        decisionNo.setId("tolerance-decision-no");
        decisionNo.setLabel(getTranslation("tolerance.decisionNo"));
        TextLimit.apply(decisionNo, ToleranceService.DECISION_NO_MAX);
        for (DatePicker d : List.of(matterDate, decisionDate)) {
            d.setI18n(DatePickers.i18n(texts, getLocale()));
        }
        List<HasValue<?, ?>> required = List.of(cadre, matter, matterDate, outcome, decisionDate, decisionNo);
        required.forEach(f -> f.setRequiredIndicatorVisible(true));
        // ToleranceService validates and save() marks the fields it refused; the fields' own required check
        // would mark every field invalid when the form is cleared after a save
        required.forEach(f -> ((HasValidation) f).setManualValidation(true));

        FormLayout form = new FormLayout(cadre, outcome, matterDate, decisionDate, decisionNo, matter);
        form.setColspan(matter, 2);
        Button save = new Button(getTranslation("tolerance.save"), e -> save());
        save.setId("tolerance-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        grid.setId("tolerance-outcomes");
        grid.setAllRowsVisible(true);
        grid.addColumn(ToleranceOutcome::cadreName).setHeader(getTranslation("cadre.name")).setAutoWidth(true);
        grid.addColumn(ToleranceOutcome::unitName).setHeader(getTranslation("cadre.unit")).setAutoWidth(true);
        ToleranceGrids.addOutcomeColumns(grid, key -> getTranslation(key));
        grid.addColumn(ToleranceOutcome::recordedBy).setHeader(getTranslation("tolerance.recordedBy"))
                .setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("tolerance.noneInScope"));

        add(new H2(getTranslation("tolerance.title")), new Paragraph(getTranslation("tolerance.hint")), form, save,
                new H3(getTranslation("tolerance.listTitle")), grid);
        refresh();
    }

    private void save() {
        Map<String, HasValidation> fields = Map.of("cadre", cadre, "matter", matter, "matterDate", matterDate,
                "outcome", outcome, "decisionDate", decisionDate, "decisionNo", decisionNo);
        fields.values().forEach(f -> f.setInvalid(false));
        try {
            ToleranceOutcome saved = tolerance.record(user, new ToleranceService.NewOutcome(
                    cadre.getValue() == null ? null : cadre.getValue().id(), matter.getValue(), matterDate.getValue(),
                    outcome.getValue(), decisionDate.getValue(), decisionNo.getValue()));
            Notification.show(getTranslation("tolerance.saved", saved.cadreName(), saved.decisionNo()), 3000,
                    Notification.Position.BOTTOM_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            cadre.clear();
            matter.clear();
            matterDate.clear();
            outcome.clear();
            decisionDate.clear();
            decisionNo.clear();
            refresh();
        } catch (ToleranceException ex) {
            for (ToleranceException.Problem p : ex.problems()) {
                HasValidation field = p.field() == null ? null : fields.get(p.field());
                if (field != null) {
                    field.setErrorMessage(getTranslation(p.key(), p.args().toArray()));
                    field.setInvalid(true);
                }
            }
            String text = String.join("；", ex.problems().stream()
                    .map(p -> getTranslation(p.key(), p.args().toArray())).toList());
            Notification.show(text, 5000, Notification.Position.BOTTOM_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void refresh() {
        grid.setItems(tolerance.inScope(user));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tolerance.title") + " · " + getTranslation("app.name");
    }
}
