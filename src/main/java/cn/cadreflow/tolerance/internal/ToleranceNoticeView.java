package cn.cadreflow.tolerance.internal;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.org.OrgUnit;
import cn.cadreflow.security.UserService;
import cn.cadreflow.tolerance.ToleranceCase;
import cn.cadreflow.tolerance.ToleranceCases;
import jakarta.annotation.security.PermitAll;

/**
 * The written notice of a case's outcome, to print: the 澄清正名 notice when the accusation proved false, else the
 * 容错认定 notice with the right to appeal once. Only for those who may read the case ({@link ToleranceCases});
 * a case that does not exist and one out of reach read the same.
 */
@Route("tolerance/notice/:caseId")
@PermitAll
public class ToleranceNoticeView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ToleranceCases cases;
    private final CadreService cadres;
    private final OrgService org;
    private final UserService users;
    private final ToleranceSettings settings;
    private String title = "";

    public ToleranceNoticeView(ToleranceCases cases, CadreService cadres, OrgService org, UserService users,
                               ToleranceSettings settings) {
        this.cases = cases;
        this.cadres = cadres;
        this.org = org;
        this.users = users;
        this.settings = settings;
        addClassName("view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String id = event.getRouteParameters().get("caseId").orElse("");
        ToleranceCase c = id.matches("\\d{1,18}")
                ? cases.readable(users.current(), Long.parseLong(id)).orElse(null) : null;
        if (c == null || c.finalOutcome() == null) {
            title = getTranslation("tolerance.notice.title");
            Paragraph refused = new Paragraph(getTranslation("tolerance.notice.unavailable"));
            refused.setId("notice-error");
            add(new H2(title), refused);
            return;
        }
        Cadre cadre = cadres.find(c.cadreId()).orElseThrow();
        String unit = org.unit(c.unitId()).map(OrgUnit::name).orElse("");
        boolean cleared = "CLEARED".equals(c.finalOutcome());
        title = getTranslation(cleared ? "tolerance.notice.clearingTitle" : "tolerance.notice.title");
        Paragraph body = new Paragraph(cleared
                ? getTranslation("tolerance.notice.clearingText", unit, cadre.name(), c.matter(),
                        c.matterDate().toString())
                : getTranslation("tolerance.notice.outcomeText", unit, cadre.name(), c.matter(),
                        c.matterDate().toString(), getTranslation("tolerance.outcome." + c.finalOutcome())));
        body.setId("notice-body");
        Paragraph decision = new Paragraph(getTranslation("tolerance.notice.decision", c.decisionNo(),
                c.decisionDate().toString()));
        decision.setId("notice-decision");
        add(new H2(title), body, decision);
        if (!cleared && c.appealReason() == null) {
            Paragraph appeal = new Paragraph(getTranslation("tolerance.notice.appeal", settings.appealDays()));
            appeal.setId("notice-appeal");
            add(appeal);
        }
        Button print = new Button(getTranslation("tolerance.notice.print"),
                e -> UI.getCurrent().getPage().executeJs("window.print()"));
        print.setId("notice-print");
        add(print);
    }

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }
}
