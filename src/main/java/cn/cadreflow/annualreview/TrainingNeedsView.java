package cn.cadreflow.annualreview;

import java.util.List;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import cn.cadreflow.i18n.AppI18NProvider;
import cn.cadreflow.security.AppRoles;
import cn.cadreflow.security.UserService;
import jakarta.annotation.security.RolesAllowed;

/**
 * 培训需求: the open training needs that weak digital-capability scores raised for the cadres in the HR officer's
 * scope, for training planning to act on.
 */
@Route("training-needs")
@Menu(order = 5, title = "nav.trainingNeeds", icon = "vaadin:academy-cap")
@RolesAllowed(AppRoles.HR_OFFICER)
public class TrainingNeedsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** More than a screenful; planning works on the newest first. */
    static final int LIMIT = 500;

    private final AnnualReviews appraisal;
    private final UserService users;
    private final AppI18NProvider i18n;

    public TrainingNeedsView(AnnualReviews appraisal, UserService users, AppI18NProvider i18n) {
        this.appraisal = appraisal;
        this.users = users;
        this.i18n = i18n;
        addClassName("view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        List<TrainingNeed> needs = appraisal.openTrainingNeeds(users.current().hrUnitIds(), LIMIT);
        Paragraph count = new Paragraph(getTranslation("appraisal.needs.count", needs.size()));
        count.setId("training-needs-count");
        add(new H2(titleText()), new Paragraph(getTranslation("appraisal.needs.hint")), count,
                TrainingNeedsGrid.ofScope(needs, i18n, getLocale()));
    }

    private String titleText() {
        return getTranslation("appraisal.needs.viewTitle");
    }

    @Override
    public String getPageTitle() {
        return titleText() + " · " + getTranslation("app.name");
    }
}
