package cn.cadreflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.cadreflow.CadreFlowServerTest;
import jakarta.servlet.ServletContext;
import jakarta.servlet.SessionTrackingMode;

/**
 * What a browser gets from the server around signing in: the security headers, the session cookie's attributes,
 * the same behind a TLS proxy, and a sign-in posted from another site refused.
 */
@CadreFlowServerTest
class WebSecurityTest {

    @LocalServerPort
    int port;
    @Autowired
    ServletContext servletContext;

    @Test
    void everyAnswerCarriesTheContentSecurityPolicyAndTheOtherSecurityHeaders() {
        HttpResponse<String> answer = new Browser(port).get("/");

        Map<String, String> csp = Arrays.stream(header(answer, "Content-Security-Policy").split(";"))
                .map(String::strip).collect(Collectors.toMap(d -> d.split(" ", 2)[0], d -> d.split(" ", 2)[1]));
        assertThat(csp).containsEntry("default-src", "'self'")
                .containsEntry("script-src", "'self' 'unsafe-inline' 'unsafe-eval'")
                .containsEntry("style-src", "'self' 'unsafe-inline'")
                .containsEntry("connect-src", "'self'")
                .containsEntry("object-src", "'none'")
                .containsEntry("base-uri", "'self'")
                .containsEntry("form-action", "'self'")
                .containsEntry("frame-ancestors", "'none'");
        assertThat(header(answer, "Referrer-Policy")).isEqualTo("same-origin");
        assertThat(header(answer, "Permissions-Policy")).contains("camera=()", "microphone=()", "geolocation=()");
        assertThat(header(answer, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(header(answer, "X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteAndTheSessionIdNeverGoesIntoAUrl() {
        Browser browser = new Browser(port);
        HttpResponse<String> toLogin = browser.get("/");
        assertThat(browser.location(toLogin)).isEqualTo(browser.origin() + "/login");
        assertThat(header(toLogin, "Set-Cookie")).startsWith("JSESSIONID=").contains("; HttpOnly", "; SameSite=Lax")
                .doesNotContain("Secure");

        HttpResponse<String> signedIn = browser.signIn("admin", CadreFlowServerTest.ADMIN_PASSWORD);
        assertThat(browser.location(signedIn)).startsWith(browser.origin() + "/").doesNotContain("login");
        assertThat(header(signedIn, "Set-Cookie")).contains("; HttpOnly", "; SameSite=Lax");

        // the container itself neither writes the session id into URLs nor takes it from one
        assertThat(servletContext.getEffectiveSessionTrackingModes()).isEqualTo(Set.of(SessionTrackingMode.COOKIE));
    }

    @Test
    void behindATlsProxyHstsIsSentAndTheSessionCookieIsSecure() {
        Browser proxied = new Browser(port, "X-Forwarded-Proto", "https", "X-Forwarded-Host", "cadreflow.example");
        HttpResponse<String> toLogin = proxied.get("/");
        assertThat(proxied.location(toLogin)).isEqualTo("https://cadreflow.example/login");
        assertThat(header(toLogin, "Strict-Transport-Security")).startsWith("max-age=");
        assertThat(header(toLogin, "Set-Cookie")).contains("; Secure", "; HttpOnly", "; SameSite=Lax");

        // the proxied page's own sign-in is same-origin
        HttpResponse<String> signedIn = proxied.post("/login",
                Map.of("username", "admin", "password", CadreFlowServerTest.ADMIN_PASSWORD),
                "Origin", "https://cadreflow.example");
        assertThat(proxied.location(signedIn)).startsWith("https://cadreflow.example/").doesNotContain("login");

        // over plain HTTP no HSTS: browsers would ignore it anyway
        assertThat(new Browser(port).get("/").headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void aSignInPostedFromAnotherSiteIsRefused() {
        Map<String, String> form = Map.of("username", "admin", "password", CadreFlowServerTest.ADMIN_PASSWORD);
        Browser browser = new Browser(port);

        HttpResponse<String> crossSite = browser.post("/login", form, "Origin", "https://evil.example");
        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(crossSite.headers().firstValue("Set-Cookie")).isEmpty(); // no session was signed in
        assertThat(browser.post("/login", form, "Origin", "null").statusCode()).isEqualTo(403);
        assertThat(browser.post("/login", form, "Referer", "https://evil.example/login").statusCode()).isEqualTo(403);
        assertThat(browser.post("/login", form).statusCode()).isEqualTo(403);

        // a browser that sends only the Referer of this app's own page signs in
        HttpResponse<String> own = browser.post("/login", form, "Referer", browser.origin() + "/login");
        assertThat(browser.location(own)).isEqualTo(browser.origin() + "/");
    }

    private static String header(HttpResponse<?> answer, String name) {
        return answer.headers().firstValue(name).orElseThrow(() -> new AssertionError("no " + name + " header"));
    }
}
