package cn.cadreflow.security.internal;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses a sign-in posted from another site (login CSRF). Vaadin's login form posts to {@code /login} without a
 * CSRF token, and Vaadin exempts that path from Spring Security's CSRF check, so the browser's {@code Origin}
 * header (or, when a browser sends none, the {@code Referer}) must name this server, as the request reached it:
 * behind a TLS proxy that is the scheme, host and port the proxy forwarded ({@code server.forward-headers-strategy}).
 */
class SameOriginSignIn extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SameOriginSignIn.class);

    private final RequestMatcher signIn;

    SameOriginSignIn(String loginPath) {
        this.signIn = PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, loginPath);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (signIn.matches(request)) {
            String origin = request.getHeader("Origin");
            String from = originOf(origin != null ? origin : request.getHeader("Referer"));
            String own = ownOrigin(request);
            if (!own.equals(from)) {
                log.warn("Sign-in refused: posted from {} to {} (address {})", from == null ? "an unknown origin"
                        : from, own, request.getRemoteAddr());
                // the status only: an error dispatch would end on the login page as if nothing had happened
                response.setStatus(HttpServletResponse.SC_FORBIDDEN);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    static String ownOrigin(HttpServletRequest request) {
        return origin(request.getScheme(), request.getServerName(), request.getServerPort());
    }

    /** The origin of a URL, or null when it has none. */
    static String originOf(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = URI.create(url);
            return uri.getScheme() == null || uri.getHost() == null ? null
                    : origin(uri.getScheme(), uri.getHost(), uri.getPort());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String origin(String scheme, String host, int port) {
        String s = scheme.toLowerCase(Locale.ROOT);
        boolean defaultPort = port < 0 || s.equals("http") && port == 80 || s.equals("https") && port == 443;
        return s + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
