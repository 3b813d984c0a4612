package cn.cadreflow.annualreview.internal;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import cn.cadreflow.annualreview.AppraisalException;
import cn.cadreflow.security.AppRoles;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;
import jakarta.annotation.security.RolesAllowed;

/** 佐证核实: evidence cadres in the officer's scope entered themselves, with their files, to verify. */
@Route("appraisal/evidence-review")
@Menu(order = 7, title = "nav.evidenceReview", icon = "vaadin:check-square-o")
@RolesAllowed(AppRoles.HR_OFFICER)
public class EvidenceReviewView extends VerticalLayout implements HasDynamicTitle {

    private final EvidenceService evidence;
    private final UserContext user;
    private final Grid<EvidenceService.PendingEvidence> grid = new Grid<>();

    public EvidenceReviewView(EvidenceService evidence, UserService users) {
        this.evidence = evidence;
        this.user = users.current();
        addClassName("view");
        grid.setId("pending-evidence");
        grid.setAllRowsVisible(true);
        grid.addColumn(EvidenceService.PendingEvidence::cadreName).setHeader(getTranslation("cadre.name")).setAutoWidth(true);
        grid.addColumn(EvidenceService.PendingEvidence::unitName).setHeader(getTranslation("cadre.unit")).setAutoWidth(true);
        grid.addColumn(p -> getTranslation("appraisal.indicator." + p.indicatorCode()))
                .setHeader(getTranslation("evidence.indicator")).setAutoWidth(true);
        grid.addColumn(p -> p.evidenceValue().stripTrailingZeros().toPlainString())
                .setHeader(getTranslation("evidence.value")).setAutoWidth(true);
        grid.addColumn(EvidenceService.PendingEvidence::note).setHeader(getTranslation("evidence.note")).setAutoWidth(true);
        grid.addComponentColumn(this::files).setHeader(getTranslation("evidence.files")).setAutoWidth(true);
        grid.addComponentColumn(p -> {
            Button verify = new Button(getTranslation("evidence.verify"), e -> {
                try {
                    evidence.verify(p.id(), user);
                    Notification.show(getTranslation("evidence.verifiedDone"), 3000, Notification.Position.BOTTOM_CENTER)
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    refresh();
                } catch (AppraisalException ex) {
                    Notification.show(getTranslation(ex.key(), ex.args()), 5000, Notification.Position.BOTTOM_CENTER)
                            .addThemeVariants(NotificationVariant.LUMO_ERROR);
                }
            });
            verify.setId("verify-" + p.id());
            verify.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            return verify;
        }).setKey("verify");
        grid.setEmptyStateText(getTranslation("evidence.nonePending"));
        add(new H2(getTranslation("nav.evidenceReview")), new Paragraph(getTranslation("evidence.reviewHint")), grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(evidence.pending(user));
    }

    private Div files(EvidenceService.PendingEvidence p) {
        return new EvidenceFileLinks(evidence.files(p.cadreId(), p.evidenceYear(), user).stream()
                .filter(f -> f.evidenceId().equals(p.id())).toList(), evidence, user);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.evidenceReview") + " · " + getTranslation("app.name");
    }
}
