package cn.cadreflow.trainingplan.internal.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

import cn.cadreflow.trainingplan.CatalogueException;
import cn.cadreflow.trainingplan.PlanReview;
import cn.cadreflow.trainingplan.TrainingPlan;

/**
 * A manual move in the plan view: one of a cadre's assignments (or none: add a course) to another course of the
 * same kind (or none: drop a classroom course). The service runs the independent checker on the moved plan; a
 * refusal is shown with the hard rule the move would break.
 */
class PlanMoveForm extends HorizontalLayout {

    private final PlanView view;
    private final Consumer<PlanReview> onMoved;

    final ComboBox<PlanReview.CadreRow> cadre = new ComboBox<>();
    final ComboBox<PlanReview.CourseRef> from = new ComboBox<>();
    final ComboBox<PlanReview.CourseRef> to = new ComboBox<>();
    final Button move = new Button();
    final Span result = new Span();
    private TrainingPlan plan;
    private List<PlanReview.CourseRef> courses = List.of();

    PlanMoveForm(PlanView view, Consumer<PlanReview> onMoved) {
        this.view = view;
        this.onMoved = onMoved;
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        cadre.setId("plan-move-cadre");
        cadre.setLabel(getTranslation("trainingplan.move.cadre"));
        cadre.setItemLabelGenerator(r -> r.name() + " · " + r.unitName());
        cadre.addValueChangeListener(e -> cadreChosen());
        from.setId("plan-move-from");
        from.setLabel(getTranslation("trainingplan.move.from"));
        from.setPlaceholder(getTranslation("trainingplan.move.add"));
        from.setItemLabelGenerator(view::course);
        from.addValueChangeListener(e -> fromChosen());
        to.setId("plan-move-to");
        to.setLabel(getTranslation("trainingplan.move.to"));
        to.setPlaceholder(getTranslation("trainingplan.move.remove"));
        to.setItemLabelGenerator(view::course);
        for (ComboBox<?> box : List.of(cadre, from, to)) {
            box.setWidth("18em");
            box.setClearButtonVisible(true);
        }
        move.setId("plan-move");
        move.setText(getTranslation("trainingplan.move.do"));
        move.addClickListener(e -> move());
        result.setId("plan-move-result");
        add(cadre, from, to, move, result);
    }

    void show(TrainingPlan plan, PlanReview review) {
        this.plan = plan;
        this.courses = review.courses();
        Long chosen = cadre.getValue() == null ? null : cadre.getValue().cadreId();
        cadre.setItems(review.cadres());
        review.cadres().stream().filter(r -> chosen != null && r.cadreId() == chosen).findFirst()
                .ifPresentOrElse(cadre::setValue, cadre::clear);
        setVisible(!review.cadres().isEmpty());
    }

    private void cadreChosen() {
        List<PlanReview.CourseRef> own = new ArrayList<>();
        if (cadre.getValue() != null) {
            if (cadre.getValue().immersive() != null) {
                own.add(cadre.getValue().immersive());
            }
            own.addAll(cadre.getValue().courses());
        }
        from.setItems(own);
        fromChosen();
    }

    private void fromChosen() {
        boolean immersive = from.getValue() != null && from.getValue().immersive();
        to.setItems(courses.stream().filter(c -> c.immersive() == immersive).toList());
    }

    private void move() {
        if (plan == null || cadre.getValue() == null) {
            return;
        }
        try {
            PlanReview review = view.plans().move(plan.id(), cadre.getValue().cadreId(),
                    from.getValue() == null ? null : from.getValue().id(),
                    to.getValue() == null ? null : to.getValue().id(), view.user());
            result.setText(getTranslation("trainingplan.move.done", cadre.getValue().name()));
            result.getElement().setAttribute("theme", "badge success");
            onMoved.accept(review);
        } catch (CatalogueException e) {
            result.setText(String.join("；", Problems.texts(this, e)));
            result.getElement().setAttribute("theme", "badge error");
        }
    }
}
