package cn.cadreflow.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;

import cn.cadreflow.i18n.LanguageSwitch;
import cn.cadreflow.security.UserService;
import cn.cadreflow.workflow.InboxView;
import cn.cadreflow.workflow.NotificationBell;
import cn.cadreflow.workflow.Notifications;
import cn.cadreflow.workflow.TaskCountsChanged;
import cn.cadreflow.workflow.TaskFilter;
import cn.cadreflow.workflow.TaskLists;

/**
 * The shell: the side navigation lists the views the signed-in user may open (from their {@code @Menu}
 * annotations, whose titles are message keys), the header shows who is signed in, the language switch
 * and sign-out.
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final TaskLists lists;
    private final String user;
    private final Span inboxCount = new Span();
    private NotificationBell bell;
    private Registration countsChanged;

    public MainLayout(AuthenticationContext auth, UserService users, TaskLists lists, Notifications notifications) {
        this.lists = lists;
        this.user = auth.getPrincipalName().orElse(null);
        setPrimarySection(Section.DRAWER);

        Span brand = new Span(getTranslation("app.name"));
        brand.addClassName("brand");
        SideNav nav = new SideNav();
        nav.setId("main-nav");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
            if (entry.icon() != null) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            // a view's own pages (start/<process>, file/<cadre>) keep its menu item highlighted
            item.setMatchNested(true);
            if (entry.menuClass() == InboxView.class) {
                inboxCount.setId("nav-inbox-count");
                inboxCount.addClassName("nav-count");
                item.setSuffixComponent(inboxCount);
                item.setPathAliases(java.util.Set.of(""));
            }
            nav.addItem(item);
        }
        addToDrawer(brand, nav);

        HorizontalLayout header = new HorizontalLayout();
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.addClassName("app-header");
        Span spacer = new Span();
        header.add(new DrawerToggle(), spacer);
        header.setFlexGrow(1, spacer);
        auth.getPrincipalName().ifPresent(name -> {
            Span who = new Span(users.find(name).map(u -> u.displayName()).orElse(name));
            who.setId("current-user");
            Button logout = new Button(getTranslation("nav.logout"), e -> auth.logout());
            logout.setId("logout");
            logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            bell = new NotificationBell(notifications, name);
            header.add(bell, who, new LanguageSwitch(), logout);
        });
        addToNavbar(header);
    }

    /** Counts change with every action, so they are read again on every navigation. */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        showCounts();
    }

    /** ... and when a view says an action changed them without navigating (批量审批). */
    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        countsChanged = ComponentUtil.addListener(event.getUI(), TaskCountsChanged.class, e -> showCounts());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (countsChanged != null) {
            countsChanged.remove();
            countsChanged = null;
        }
        super.onDetach(event);
    }

    private void showCounts() {
        if (user == null) {
            return;
        }
        long todo = lists.count(user, TaskLists.Box.TODO, TaskFilter.NONE);
        inboxCount.setText(String.valueOf(todo));
        inboxCount.setVisible(todo > 0);
        if (bell != null) {
            bell.refresh();
        }
    }
}
