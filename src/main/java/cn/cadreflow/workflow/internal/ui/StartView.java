package cn.cadreflow.workflow.internal.ui;

import java.util.List;
import java.util.Locale;

import org.springframework.security.core.context.SecurityContextHolder;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;

import jakarta.annotation.security.RolesAllowed;

import cn.cadreflow.ui.Texts;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.WorkflowViews;

/** 发起申请: the processes this user may start. */
@Route("start")
@Menu(order = 2, title = "nav.start", icon = "vaadin:plus-circle-o")
@RolesAllowed("CADRE")
public class StartView extends VerticalLayout implements HasDynamicTitle {

    public StartView(ProcessStarts starts, Texts texts) {
        addClassName("view");
        String user = SecurityContextHolder.getContext().getAuthentication().getName();
        Locale locale = getLocale();
        add(new H2(getTranslation("nav.start")));
        List<WorkflowViews.StartOption> options = starts.startOptions(user);
        if (options.isEmpty()) {
            add(new Paragraph(getTranslation("start.none")));
            return;
        }
        FlexLayout cards = new FlexLayout();
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.getStyle().set("gap", "var(--lumo-space-m)");
        for (WorkflowViews.StartOption o : options) {
            Button b = new Button(texts.processName(o.processKey(), o.name(), locale), e -> getUI().ifPresent(
                    ui -> ui.navigate(StartFormView.class, new RouteParameters("processKey", o.processKey()))));
            b.setId("start-" + o.processKey());
            b.addThemeVariants(ButtonVariant.LUMO_LARGE, ButtonVariant.LUMO_CONTRAST);
            cards.add(b);
        }
        add(cards);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.start") + " · " + getTranslation("app.name");
    }
}
