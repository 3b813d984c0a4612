package cn.cadreflow.ui;

import java.security.Principal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;

import com.github.mvysny.fakeservlet.FakeHttpSession;
import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;

import cn.cadreflow.security.UserService;

/**
 * Browserless UI tests with Karibu-Testing on the whole application (use with {@code @CadreFlowTest}).
 * {@link #login} puts the user's authentication (roles from {@link UserService#loadUserByUsername}) into
 * Spring's security context and opens a fresh Vaadin session; the mock HTTP request reports that user as its
 * principal and roles, as Spring Security's request wrapper does in the running app, so Vaadin's navigation
 * access control treats {@code @PermitAll} views exactly as for a signed-in browser. {@link #openAnonymously}
 * opens the app with nobody signed in.
 */
public abstract class KaribuSupport {

    /** The app's routes and layouts, found once per test run. */
    private static Routes routes;

    @Autowired
    protected ApplicationContext context;
    @Autowired
    protected UserService users;

    @BeforeEach
    void signedOutAtFirst() {
        SecurityContextHolder.clearContext();
        MockVaadin.setMockRequestFactory(SignedInRequest::new);
    }

    @AfterEach
    void closeVaadin() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    /** Signs the user in and opens the app at its start page (the inbox), as after the login form. */
    protected void login(String username) {
        UserDetails user = users.loadUserByUsername(username);
        Authentication auth = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        SecurityContext security = SecurityContextHolder.createEmptyContext();
        security.setAuthentication(auth);
        SecurityContextHolder.setContext(security);
        open();
    }

    /** Opens the app with nobody signed in. */
    protected void openAnonymously() {
        SecurityContextHolder.clearContext();
        open();
    }

    private void open() {
        MockVaadin.tearDown();
        MockVaadin.setup(UI::new, new MockSpringServlet(routes(), context, UI::new));
    }

    private static synchronized Routes routes() {
        if (routes == null) {
            routes = new Routes().autoDiscoverViews("cn.cadreflow");
        }
        return routes;
    }

    protected static void navigate(String location) {
        UI.getCurrent().navigate(location);
    }

    /**
     * Navigates where the user may not go and checks that they meet the translated page a missing route gets
     * (inside the shell), not the view.
     */
    protected static void expectMissingPage(String location) {
        navigate(location);
        org.assertj.core.api.Assertions.assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._get(
                        com.vaadin.flow.component.html.H2.class, spec -> spec.withId("not-found-title")).getText())
                .as(location).isEqualTo(UI.getCurrent().getTranslation("error.notFound.title"));
    }

    /** The texts of the notifications now showing. */
    protected static java.util.List<String> notificationTexts() {
        return NotificationsKt.getNotifications().stream().map(KaribuSupport::textOf).toList();
    }

    private static String textOf(Notification n) {
        String text = n.getElement().getProperty("text");
        return text == null ? n.getElement().getTextRecursively() : text;
    }

    /** The user in Spring's security context, as the servlet request reports it after Spring Security's filter. */
    static final class SignedInRequest extends FakeRequest {

        SignedInRequest(FakeHttpSession session) {
            super(session);
        }

        private static Authentication signedIn() {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            return auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken
                    ? null : auth;
        }

        @Override
        public Principal getUserPrincipal() {
            return signedIn();
        }

        @Override
        public String getRemoteUser() {
            Authentication auth = signedIn();
            return auth == null ? null : auth.getName();
        }

        @Override
        public boolean isUserInRole(String role) {
            Authentication auth = signedIn();
            if (auth == null || role == null) {
                return false;
            }
            String wanted = role.startsWith("ROLE_") ? role : "ROLE_" + role;
            return auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(wanted::equals);
        }
    }
}
