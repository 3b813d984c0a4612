package cn.cadreflow.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.VaadinSession;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.i18n.AppI18NProvider;
import cn.cadreflow.i18n.internal.LocaleSetup;
import cn.cadreflow.security.internal.LoginView;
import cn.cadreflow.workflow.internal.ui.InboxView;

/** The shell every signed-in user sees: side navigation, who is signed in, the language switch. */
@CadreFlowTest
class MainLayoutUiTest extends KaribuSupport {

    static List<String> menu() {
        return _get(SideNav.class, spec -> spec.withId("main-nav")).getItems().stream()
                .map(SideNavItem::getLabel).toList();
    }

    static List<String> menuPaths() {
        return _get(SideNav.class, spec -> spec.withId("main-nav")).getItems().stream()
                .map(SideNavItem::getPath).toList();
    }

    @Test
    void cadreSeesTheMenuInChineseByDefault() {
        login("zhangwei");

        NavigatorKt.expectView(InboxView.class);
        assertThat(UI.getCurrent().getLocale()).isEqualTo(AppI18NProvider.CHINESE);
        assertThat(menu()).containsExactly("待办", "发起申请", "我发起的", "干部档案", "数字化能力佐证", "挂职交流申请",
                "我的培训意向", "工作交接");
        assertThat(menuPaths()).containsExactly("inbox", "start", "started", "file", "appraisal/my-evidence",
                "secondment/new", "training/preferences", "training/handover");
        assertThat(_get(Span.class, spec -> spec.withId("current-user")).getText()).isEqualTo("张伟");
        assertThat(_get(Button.class, spec -> spec.withId("language-switch")).getText()).isEqualTo("English");
        assertThat(_get(H2.class).getText()).isEqualTo("待办");
    }

    @Test
    void languageSwitchReloadsThePageInEnglishAndBack() {
        login("zhangwei");
        _click(_get(Button.class, spec -> spec.withId("language-switch")));

        assertThat(LocaleSetup.current(VaadinSession.getCurrent())).isEqualTo(Locale.ENGLISH);
        assertThat(UI.getCurrent().getLocale()).isEqualTo(Locale.ENGLISH);
        assertThat(menu()).containsExactly("Inbox", "New request", "My requests", "Cadre files", "Digital evidence",
                "Request a secondment", "My training wishes", "Hand over duties");
        assertThat(_get(Button.class, spec -> spec.withId("language-switch")).getText()).isEqualTo("中文");

        // the choice lasts for the session: another page opens in English too
        navigate("start");
        assertThat(_get(H2.class).getText()).isEqualTo("New request");

        _click(_get(Button.class, spec -> spec.withId("language-switch")));
        assertThat(UI.getCurrent().getLocale()).isEqualTo(AppI18NProvider.CHINESE);
        assertThat(menu()).containsExactly("待办", "发起申请", "我发起的", "干部档案", "数字化能力佐证", "挂职交流申请",
                "我的培训意向", "工作交接");
    }

    @Test
    void anonymousVisitorLandsOnTheLoginView() {
        openAnonymously();
        NavigatorKt.expectView(LoginView.class);
        assertThat(_find(SideNav.class)).isEmpty();

        navigate("started");
        NavigatorKt.expectView(LoginView.class);
        navigate("file");
        NavigatorKt.expectView(LoginView.class);
    }

    @Test
    void aForbiddenOrMissingPageSaysSoInTheUsersLanguageInsideTheShell() {
        login("zhangwei");
        // 考核工作 is HR's; a cadre asking for it meets the same page as for one that does not exist
        for (String route : List.of("appraisal", "no-such-page")) {
            navigate(route);
            assertThat(_get(H2.class, spec -> spec.withId("not-found-title")).getText()).isEqualTo("页面不存在或您无权访问");
            assertThat(menu()).as("inside the shell, with the menu").contains("待办");
            assertThat(UI.getCurrent().getInternals().getTitle()).isEqualTo("页面不存在或您无权访问");
        }
        VaadinSession.getCurrent().setLocale(Locale.ENGLISH);
        navigate("appraisal");
        assertThat(_get(H2.class, spec -> spec.withId("not-found-title")).getText())
                .isEqualTo("Page not found or not yours to open");
    }

    /**
     * The items highlighted, as the browser's side navigation decides it: the item's own path, or a page below it
     * when the item matches nested pages.
     */
    static List<String> highlighted(String location) {
        return _get(SideNav.class, spec -> spec.withId("main-nav")).getItems().stream()
                .filter(i -> location.equals(i.getPath())
                        || i.isMatchNested() && location.startsWith(i.getPath() + "/"))
                .map(SideNavItem::getLabel).toList();
    }

    @Test
    void onlyTheMostPreciseMenuItemIsHighlighted() {
        login("wangfang");
        navigate("secondments/reports");
        assertThat(highlighted("secondments/reports")).containsExactly("挂职交流报表");
        navigate("secondments");
        assertThat(highlighted("secondments")).containsExactly("挂职交流一览");
        // items with no other item below them keep highlighting their own pages (a cadre's file/<id>)
        assertThat(_get(SideNav.class, spec -> spec.withId("main-nav")).getItems()).filteredOn(
                i -> !"secondments".equals(i.getPath())).allMatch(SideNavItem::isMatchNested);
    }
}
