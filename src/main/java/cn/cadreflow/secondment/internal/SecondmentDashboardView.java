package cn.cadreflow.secondment.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;

import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.org.OrgUnit;
import cn.cadreflow.org.Post;
import cn.cadreflow.secondment.Secondment;
import cn.cadreflow.secondment.SecondmentException;
import cn.cadreflow.secondment.SecondmentKind;
import cn.cadreflow.secondment.SecondmentService;
import cn.cadreflow.secondment.SecondmentService.Current;
import cn.cadreflow.secondment.SecondmentService.RotationDue;
import cn.cadreflow.security.AppRoles;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;
import jakarta.annotation.security.RolesAllowed;

/**
 * 挂职交流一览 for HR: the current secondments of the officer's scope with the days left and the return decision's
 * due date, an overdue decision in red until it is made, early recall with a reason; and the rotation list (the same
 * post for the settings' years or more) with a one-click start of a rotation request for each cadre.
 */
@Route("secondments")
@Menu(order = 9.5, title = "secondment.nav.dashboard", icon = "vaadin:road-branches")
@RolesAllowed(AppRoles.HR_OFFICER)
public class SecondmentDashboardView extends VerticalLayout implements HasDynamicTitle {

    private final SecondmentService secondments;
    private final CadreService cadres;
    private final OrgService org;
    private final UserContext user;
    private final Grid<Current> current = new Grid<>();
    private final Grid<RotationDue> rotation = new Grid<>();

    public SecondmentDashboardView(SecondmentService secondments, CadreService cadres, OrgService org,
                                   UserService users) {
        this.secondments = secondments;
        this.cadres = cadres;
        this.org = org;
        this.user = users.current();
        addClassName("view");

        current.setId("secondment-current");
        current.setAllRowsVisible(true);
        current.setEmptyStateText(getTranslation("secondment.dashboard.none"));
        rotation.setId("secondment-rotation");
        rotation.setAllRowsVisible(true);
        rotation.setEmptyStateText(getTranslation("secondment.rotation.none"));

        add(new H2(getTranslation("secondment.dashboard.title")), new Paragraph(getTranslation(
                "secondment.dashboard.hint")), current, new H3(getTranslation("secondment.rotation.title")),
                new Paragraph(getTranslation("secondment.rotation.hint")), rotation);
        refresh();
    }

    private void refresh() {
        List<Current> rows = secondments.current(user);
        List<RotationDue> due = secondments.rotationDue(user);
        Map<Long, Cadre> people = cadres.findAll(Stream.concat(rows.stream().map(r -> r.secondment().cadreId()),
                due.stream().map(RotationDue::cadreId)).toList());
        Map<Long, Post> posts = org.posts(rows.stream().map(r -> r.secondment().targetPostId()).toList());
        OrgService.OrgTree tree = org.tree();

        current.removeAllColumns();
        current.addColumn(r -> name(people, r.secondment().cadreId())).setHeader(getTranslation("cadre.name"))
                .setAutoWidth(true);
        current.addColumn(r -> getTranslation("secondment.kind." + r.secondment().kind().name()))
                .setHeader(getTranslation("form.secondment.kind")).setAutoWidth(true);
        current.addColumn(r -> unit(tree, r.secondment().homeUnitId())).setHeader(getTranslation("cadre.unit"))
                .setAutoWidth(true);
        current.addColumn(r -> unit(tree, r.secondment().targetUnitId()) + " · " + posts.getOrDefault(
                r.secondment().targetPostId(), new Post(null, null, "", false, 0)).name())
                .setHeader(getTranslation("secondment.field.targetPost")).setAutoWidth(true);
        current.addColumn(r -> r.secondment().startDate() + " – " + r.secondment().endDate())
                .setHeader(getTranslation("secondment.term")).setAutoWidth(true);
        current.addColumn(r -> getTranslation("secondment.status." + r.secondment().status().name()))
                .setHeader(getTranslation("secondment.statusHeader")).setAutoWidth(true);
        current.addComponentColumn(this::daysLeft).setKey("daysLeft").setHeader(getTranslation("secondment.daysLeft"))
                .setAutoWidth(true);
        current.addComponentColumn(this::recallButton).setKey("recall").setAutoWidth(true);
        current.setItems(rows);

        rotation.removeAllColumns();
        rotation.addColumn(r -> name(people, r.cadreId())).setHeader(getTranslation("cadre.name")).setAutoWidth(true);
        rotation.addColumn(r -> unit(tree, r.unitId())).setHeader(getTranslation("cadre.unit")).setAutoWidth(true);
        rotation.addColumn(RotationDue::postName).setHeader(getTranslation("secondment.rotation.post"))
                .setAutoWidth(true);
        rotation.addColumn(r -> getTranslation("secondment.rotation.since", r.since().toString(), r.years(),
                r.term())).setHeader(getTranslation("secondment.rotation.tenure")).setAutoWidth(true);
        rotation.addComponentColumn(this::rotationDueOn).setKey("dueOn")
                .setHeader(getTranslation("secondment.rotation.dueOn")).setAutoWidth(true);
        rotation.addComponentColumn(this::startRotation).setKey("start").setAutoWidth(true);
        rotation.setItems(due);
    }

    /** The days left, and the return decision: due on a date, or overdue in red until it is made. */
    private Component daysLeft(Current r) {
        Span days = new Span(r.decisionOverdue()
                ? getTranslation("secondment.decisionOverdue", r.daysLeft(), r.decisionDue().toString())
                : getTranslation("secondment.daysLeftValue", r.daysLeft(), r.decisionDue().toString()));
        if (r.decisionOverdue()) {
            days.addClassName("secondment-overdue");
            days.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
        }
        return days;
    }

    /** The day rotation is due; in red from that day on. */
    private Component rotationDueOn(RotationDue r) {
        Span due = new Span(getTranslation(r.overdue() ? "secondment.rotation.overdue" : "secondment.rotation.due",
                r.dueOn().toString()));
        if (r.overdue()) {
            due.addClassName("secondment-overdue");
            due.getStyle().set("color", "var(--lumo-error-text-color)").set("font-weight", "600");
        }
        return due;
    }

    private Component recallButton(Current r) {
        Secondment s = r.secondment();
        Button recall = new Button(getTranslation("secondment.recall"), e -> recall(s));
        recall.setId("secondment-recall-" + s.id());
        recall.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        recall.setVisible(s.status() == Secondment.Status.ON_SECONDMENT);
        return recall;
    }

    private void recall(Secondment s) {
        TextArea reason = new TextArea(getTranslation("secondment.recallReason"));
        reason.setId("secondment-recall-reason");
        reason.setMaxLength(SecondmentService.REASON_MAX);
        reason.setWidthFull();
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("secondment-recall-dialog");
        dialog.setHeader(getTranslation("secondment.recall"));
        dialog.setText(reason);
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("secondment.cancel"));
        dialog.setConfirmText(getTranslation("secondment.recall"));
        dialog.setCloseOnEsc(true);
        dialog.addConfirmListener(e -> {
            try {
                secondments.recall(s.id(), user, reason.getValue());
                Notification.show(getTranslation("secondment.recalled"), 3000, Notification.Position.BOTTOM_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                refresh();
            } catch (SecondmentException ex) {
                Notification.show(getTranslation(ex.key(), ex.args()), 5000, Notification.Position.BOTTOM_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        dialog.open();
    }

    private Component startRotation(RotationDue r) {
        Button start = new Button(getTranslation("secondment.rotation.start"), e -> getUI().ifPresent(ui ->
                ui.navigate("secondment/new", QueryParameters.simple(Map.of("cadre", String.valueOf(r.cadreId()),
                        "kind", SecondmentKind.JIAOLIU.name())))));
        start.setId("secondment-rotate-" + r.cadreId());
        start.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return start;
    }

    private static String name(Map<Long, Cadre> people, long cadreId) {
        Cadre c = people.get(cadreId);
        return c == null ? "" : c.name();
    }

    private static String unit(OrgService.OrgTree tree, Long unitId) {
        return unitId == null ? "" : tree.unit(unitId).map(OrgUnit::name).orElse("");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("secondment.dashboard.title") + " · " + getTranslation("app.name");
    }
}
