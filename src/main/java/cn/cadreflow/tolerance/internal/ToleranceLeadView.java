package cn.cadreflow.tolerance.internal;

import java.util.List;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;

import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.security.AppRoles;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;
import cn.cadreflow.tolerance.ToleranceCase;
import cn.cadreflow.ui.Texts;
import cn.cadreflow.workflow.AttachmentRules;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.UserDirectory;
import jakarta.annotation.security.RolesAllowed;

/**
 * 登记问责线索: an HR or discipline officer registers an accountability lead against a cadre picked by name or unit
 * from the cadres in the officer's reach ({@link CaseOpenForm}, the lead only).
 */
@Route("tolerance/lead")
@Menu(order = 8.2, title = "tolerance.lead.nav", icon = "vaadin:flag-o")
@RolesAllowed({AppRoles.HR_OFFICER, AppRoles.DISCIPLINE})
public class ToleranceLeadView extends VerticalLayout implements HasDynamicTitle {

    public ToleranceLeadView(ProcessStarts starts, CadreService cadres, OrgService org, UserService users,
                             UserDirectory directory, Texts texts, AttachmentRules rules) {
        addClassName("view");
        UserContext user = users.current();
        List<Long> reach = CaseOpenForm.reach(user, directory);
        add(new H2(getTranslation("tolerance.lead.title")), new Paragraph(getTranslation("tolerance.lead.hint")));
        if (reach.isEmpty()) {
            add(new Paragraph(getTranslation("tolerance.open.nothing")));
            return;
        }
        add(new CaseOpenForm(List.of(ToleranceCase.Kind.LEAD), reach, user, starts, cadres, org, texts, rules));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tolerance.lead.title") + " · " + getTranslation("app.name");
    }
}
