package cn.cadreflow.tolerance.internal;

import java.util.List;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
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
 * 容错纠错's start page, where 发起申请 and {@code start/tolerance} lead ({@code ToleranceHandler.startRoute}): a
 * cadre's 容错申请 about themself and, for an HR or discipline officer, a 问责线索 against a cadre of their reach,
 * picked ({@link CaseOpenForm}); the same roles as the process's starters.
 */
@Route(ToleranceOpenView.ROUTE)
@RolesAllowed({AppRoles.CADRE, AppRoles.HR_OFFICER, AppRoles.DISCIPLINE})
public class ToleranceOpenView extends VerticalLayout implements HasDynamicTitle {

    static final String ROUTE = "tolerance/open";

    public ToleranceOpenView(ProcessStarts starts, CadreService cadres, OrgService org, UserService users,
                             UserDirectory directory, Texts texts, AttachmentRules rules) {
        addClassName("view");
        UserContext user = users.current();
        List<Long> reach = CaseOpenForm.reach(user, directory);
        List<ToleranceCase.Kind> kinds = CaseOpenForm.kinds(user, reach);
        add(new H2(getTranslation("tolerance.open.title")), new Paragraph(getTranslation("tolerance.open.hint")));
        if (kinds.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("tolerance.open.nothing"));
            none.setId("open-nothing");
            add(none);
            return;
        }
        add(new CaseOpenForm(kinds, reach, user, starts, cadres, org, texts, rules));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tolerance.open.title") + " · " + getTranslation("app.name");
    }
}
