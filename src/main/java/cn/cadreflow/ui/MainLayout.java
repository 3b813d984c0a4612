package cn.cadreflow.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;

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
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;

import cn.cadreflow.i18n.LanguageSwitch;

/**
 * The shell: the side navigation lists the views the signed-in user may open (from their {@code @Menu}
 * annotations, whose titles are message keys), the header shows who is signed in, the language switch
 * and sign-out. Modules add badges and header widgets through {@link ShellExtension} beans.
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    private final String user;
    private final List<ShellWidget> widgets = new ArrayList<>();
    private final List<SideNavItem> items = new ArrayList<>();
    private Registration countsChanged;

    public MainLayout(AuthenticationContext auth, UserNames users, ObjectProvider<ShellExtension> extensions) {
        this.user = auth.getPrincipalName().orElse(null);
        List<ShellExtension> shell = user == null ? List.of() : extensions.orderedStream().toList();
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
            if (entry.menuClass() != null) {
                // the view's aliases (the start page "") keep its item highlighted too
                Set<String> aliases = Arrays.stream(entry.menuClass().getAnnotationsByType(RouteAlias.class))
                        .map(RouteAlias::value).collect(Collectors.toSet());
                if (!aliases.isEmpty()) {
                    item.setPathAliases(aliases);
                }
                shell.stream().map(x -> x.navBadge(entry.menuClass(), user)).filter(Objects::nonNull).findFirst()
                        .ifPresent(badge -> {
                            widgets.add(badge);
                            item.setSuffixComponent(badge.component());
                        });
            }
            nav.addItem(item);
            items.add(item);
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
            Span who = new Span(users.displayName(name).orElse(name));
            who.setId("current-user");
            Button logout = new Button(getTranslation("nav.logout"), e -> auth.logout());
            logout.setId("logout");
            logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            for (ShellExtension extension : shell) {
                for (ShellWidget widget : extension.headerWidgets(name)) {
                    widgets.add(widget);
                    header.add(widget.component());
                }
            }
            header.add(who, new LanguageSwitch(), logout);
        });
        addToNavbar(header);
    }

    /** Counts change with every action, so they are read again on every navigation. */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        String location = event.getLocation().getPath();
        List<String> paths = items.stream().map(SideNavItem::getPath).filter(Objects::nonNull).toList();
        items.stream().filter(i -> i.getPath() != null)
                .forEach(i -> i.setMatchNested(matchesNested(i.getPath(), paths, location)));
        showCounts();
    }

    /**
     * Whether the item of {@code path} is highlighted on the pages below it at {@code location}: not when another
     * item's path, below its own, is the page or holds it (on 挂职交流报表, {@code secondments/reports}, only that
     * item is highlighted, not 挂职交流一览, {@code secondments}).
     */
    static boolean matchesNested(String path, List<String> paths, String location) {
        return paths.stream().noneMatch(other -> nestedIn(other, path)
                && (location.equals(other) || nestedIn(location, other)));
    }

    private static boolean nestedIn(String location, String path) {
        return !path.isEmpty() && location.startsWith(path + "/");
    }

    /** ... and when a view says an action changed them without navigating (批量审批). */
    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        countsChanged = ComponentUtil.addListener(event.getUI(), CountsChanged.class, e -> showCounts());
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
        widgets.forEach(ShellWidget::refresh);
    }
}
