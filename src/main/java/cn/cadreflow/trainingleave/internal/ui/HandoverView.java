package cn.cadreflow.trainingleave.internal.ui;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import cn.cadreflow.security.AppRoles;
import cn.cadreflow.security.UserService;
import cn.cadreflow.trainingleave.PlannedLeaves;
import cn.cadreflow.trainingleave.TrainingLeaveRequest;
import cn.cadreflow.ui.Notices;
import cn.cadreflow.workflow.WorkflowException;
import jakarta.annotation.security.RolesAllowed;

/**
 * 工作交接: a cadre with a planned leave picks the substitute among the colleagues of their unit (a picker, never a
 * typed id), writes what is handed over and submits it to the unit leader.
 */
@Route("training/handover")
@Menu(order = 10.3, title = "trainingleave.nav.handover", icon = "vaadin:exchange")
@RolesAllowed(AppRoles.CADRE)
public class HandoverView extends VerticalLayout implements HasDynamicTitle {

    private final PlannedLeaves leaves;
    private final String user;

    final Select<TrainingLeaveRequest> leave = new Select<>();
    final ComboBox<PlannedLeaves.Colleague> substitute = new ComboBox<>();
    final TextArea handover = new TextArea();
    final Button submit = new Button();
    final Paragraph empty = new Paragraph();

    public HandoverView(PlannedLeaves leaves, UserService users) {
        this.leaves = leaves;
        this.user = users.current().username();
        addClassName("view");
        leave.setId("handover-leave");
        leave.setLabel(getTranslation("trainingleave.handover.leave"));
        leave.setItemLabelGenerator(r -> getTranslation("training.summary", r.courseName(), r.startDate().toString(),
                r.endDate().toString(), r.hours().stripTrailingZeros().toPlainString()));
        leave.setWidth("32em");
        leave.addValueChangeListener(e -> colleagues());
        substitute.setId("handover-substitute");
        substitute.setLabel(getTranslation("trainingleave.handover.substitute"));
        substitute.setItemLabelGenerator(PlannedLeaves.Colleague::name);
        substitute.setWidth("20em");
        handover.setId("handover-text");
        handover.setLabel(getTranslation("trainingleave.handover.text"));
        handover.setMaxLength(PlannedLeaves.MAX_HANDOVER);
        handover.setWidth("32em");
        submit.setId("handover-submit");
        submit.setText(getTranslation("trainingleave.handover.submit"));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> submit());
        empty.setText(getTranslation("trainingleave.handover.none"));
        add(new H2(getPageTitle()), empty, leave, substitute, handover, submit);
        load();
    }

    private void load() {
        List<TrainingLeaveRequest> open = leaves.handoversOf(user);
        leave.setItems(open);
        empty.setVisible(open.isEmpty());
        leave.setVisible(!open.isEmpty());
        substitute.setVisible(!open.isEmpty());
        handover.setVisible(!open.isEmpty());
        submit.setVisible(!open.isEmpty());
        if (!open.isEmpty()) {
            leave.setValue(open.get(0));
        }
    }

    private void colleagues() {
        TrainingLeaveRequest r = leave.getValue();
        substitute.clear();
        substitute.setItems(r == null ? List.of() : leaves.colleagues(user, r.id()));
        handover.setValue(r == null || r.handover() == null ? "" : r.handover());
    }

    private void submit() {
        TrainingLeaveRequest r = leave.getValue();
        if (r == null) {
            return;
        }
        try {
            PlannedLeaves.Colleague who = substitute.getValue();
            leaves.handOver(user, r.id(), who == null ? null : who.cadreId(), handover.getValue());
            Notices.success(getTranslation("trainingleave.handover.done"));
            load();
        } catch (WorkflowException e) {
            Notices.error(LeaveErrors.text(this, e));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("trainingleave.nav.handover");
    }
}
