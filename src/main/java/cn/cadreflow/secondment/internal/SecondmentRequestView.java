package cn.cadreflow.secondment.internal;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.org.OrgUnit;
import cn.cadreflow.org.Post;
import cn.cadreflow.secondment.SecondmentKind;
import cn.cadreflow.secondment.SecondmentService;
import cn.cadreflow.security.AppRoles;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;
import cn.cadreflow.ui.DatePickers;
import cn.cadreflow.ui.Texts;
import cn.cadreflow.workflow.FormError;
import cn.cadreflow.workflow.WorkflowException;
import jakarta.annotation.security.RolesAllowed;

/**
 * 挂职交流申请: a cadre asks for their own move, an HR officer for a cadre of their scope ({@code ?cadre=<id>} picks one,
 * as the rotation list's one click does). The target post is chosen from the receiving unit's posts, each showing
 * whom it is reserved for; the request's checks answer on the fields they concern.
 */
@Route("secondment/new")
@Menu(order = 9, title = "secondment.nav.request", icon = "vaadin:exchange")
@RolesAllowed({AppRoles.CADRE, AppRoles.HR_OFFICER})
public class SecondmentRequestView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final SecondmentService secondments;
    private final CadreService cadres;
    private final UserContext user;
    private final ComboBox<Cadre> cadre = new ComboBox<>();
    private final Select<SecondmentKind> kind = new Select<>();
    private final ComboBox<OrgUnit> targetUnit = new ComboBox<>();
    private final ComboBox<Post> targetPost = new ComboBox<>();
    private final DatePicker startDate = new DatePicker();
    private final DatePicker endDate = new DatePicker();
    private final TextArea reason = new TextArea();

    public SecondmentRequestView(SecondmentService secondments, CadreService cadres, OrgService org,
                                 UserService users, Texts texts) {
        this.secondments = secondments;
        this.cadres = cadres;
        this.user = users.current();
        addClassName("view");
        OrgService.OrgTree tree = org.tree();

        List<Long> scope = List.copyOf(user.hrUnitIds());
        cadre.setId("secondment-cadre");
        cadre.setLabel(getTranslation("secondment.field.cadre"));
        cadre.setItems(q -> cadres.list(scope, q.getFilter().orElse(""), q.getOffset(), q.getLimit()).stream());
        cadre.setItemLabelGenerator(c -> getTranslation("secondment.cadreLabel", c.name(),
                tree.unit(c.unitId()).map(OrgUnit::name).orElse("")));
        cadre.setVisible(!scope.isEmpty());
        cadre.setHelperText(getTranslation("secondment.field.cadreHint"));
        kind.setId("secondment-kind");
        kind.setLabel(getTranslation("form.secondment.kind"));
        kind.setItems(SecondmentKind.values());
        kind.setItemLabelGenerator(k -> getTranslation("form.secondment.kind." + k.name()));
        targetUnit.setId("secondment-target-unit");
        targetUnit.setLabel(getTranslation("secondment.field.targetUnit"));
        targetUnit.setItems(tree.units().stream().sorted(Comparator.comparing(OrgUnit::code)).toList());
        targetUnit.setItemLabelGenerator(u -> tree.path(u.id()));
        targetPost.setId("secondment-target-post");
        targetPost.setLabel(getTranslation("secondment.field.targetPost"));
        targetPost.setItemLabelGenerator(this::postLabel);
        targetUnit.addValueChangeListener(e -> targetPost.setItems(
                e.getValue() == null ? List.of() : org.postsOf(e.getValue().id())));
        startDate.setId("secondment-start");
        startDate.setLabel(getTranslation("form.secondment.startDate"));
        endDate.setId("secondment-end");
        endDate.setLabel(getTranslation("form.secondment.endDate"));
        for (DatePicker d : List.of(startDate, endDate)) {
            d.setI18n(DatePickers.i18n(texts, getLocale()));
        }
        startDate.addValueChangeListener(e -> targetPost.getDataProvider().refreshAll());
        reason.setId("secondment-reason");
        reason.setLabel(getTranslation("form.secondment.reason"));
        reason.setMaxLength(SecondmentService.REASON_MAX);

        FormLayout form = new FormLayout(cadre, kind, targetUnit, targetPost, startDate, endDate, reason);
        form.setColspan(reason, 2);
        Button submit = new Button(getTranslation("secondment.submit"), e -> submit());
        submit.setId("secondment-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2(getTranslation("secondment.request.title")), new Paragraph(getTranslation("secondment.request.hint")),
                form, submit);
    }

    /**
     * "副镇长（已保留给张三，至 2027-05-31）": a post held on the start date (today when none is given) says so, naming
     * the cadre only to a user who may read that cadre's file.
     */
    private String postLabel(Post p) {
        LocalDate day = startDate.getValue() == null ? LocalDate.now() : startDate.getValue();
        return secondments.reservedBy(p.id(), day).map(s -> cadres.visible(s.cadreId(), user)
                .map(c -> getTranslation("secondment.post.reserved", p.name(), c.name(), s.endDate().toString()))
                .orElseGet(() -> getTranslation("secondment.post.held", p.name(), s.endDate().toString())))
                .orElse(p.name());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> params = event.getLocation().getQueryParameters().getParameters();
        List<String> asked = params.getOrDefault("cadre", List.of());
        if (!asked.isEmpty() && asked.get(0).chars().allMatch(Character::isDigit) && !asked.get(0).isEmpty()) {
            cadres.visible(Long.parseLong(asked.get(0)), user).filter(c -> user.hrUnitIds().contains(c.unitId()))
                    .ifPresent(cadre::setValue);
        }
        List<String> k = params.getOrDefault("kind", List.of());
        if (!k.isEmpty()) {
            for (SecondmentKind each : SecondmentKind.values()) {
                if (each.name().equals(k.get(0))) {
                    kind.setValue(each);
                }
            }
        }
    }

    private void submit() {
        Map<String, HasValidation> fields = Map.of("cadreId", cadre, "kind", kind, "targetPostId", targetPost,
                "startDate", startDate, "endDate", endDate, "reason", reason);
        fields.values().forEach(f -> f.setInvalid(false));
        try {
            secondments.request(user, new SecondmentService.NewRequest(
                    cadre.getValue() == null ? null : cadre.getValue().id(), kind.getValue(),
                    targetPost.getValue() == null ? null : targetPost.getValue().id(), startDate.getValue(),
                    endDate.getValue(), reason.getValue()));
            Notification.show(getTranslation("secondment.submitted"), 3000, Notification.Position.BOTTOM_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            getUI().ifPresent(ui -> ui.navigate("started"));
        } catch (WorkflowException ex) {
            List<FormError> errors = ex.errors().isEmpty() ? List.of(FormError.of(null, ex.messageKey())) : ex.errors();
            for (FormError e : errors) {
                HasValidation field = e.field() == null ? null : fields.get(e.field());
                if (field != null) {
                    field.setErrorMessage(getTranslation(e.messageKey(), e.args().toArray()));
                    field.setInvalid(true);
                }
            }
            String text = String.join("；", errors.stream()
                    .map(e -> getTranslation(e.messageKey(), e.args().toArray())).distinct().toList());
            Notification n = Notification.show(text, 6000, Notification.Position.BOTTOM_CENTER);
            n.setId("secondment-refused");
            n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("secondment.request.title") + " · " + getTranslation("app.name");
    }
}
