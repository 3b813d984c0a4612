package cn.cadreflow.security.internal;

import java.util.Map;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

/**
 * Sign-in through {@link LoginView} ({@link ThrottledSignIn}, {@link SameOriginSignIn}) and the security headers of
 * every response. The session cookie's attributes and the forwarded headers are server settings in
 * {@code application.properties}.
 */
@Configuration
@EnableWebSecurity
@EnableConfigurationProperties(LoginSettings.class)
class SecurityConfig {

    static final String LOGIN = "/login";
    /** Where a sign-in refused by {@link LoginThrottle} lands: the login view says the lock. */
    static final String LOCKED = LOGIN + "?locked";

    /**
     * What the pages may load: only this server's own scripts, styles, images, fonts and connections, and no page
     * may frame them. Vaadin's bootstrap page has an inline script and style, its client runs the server's
     * JavaScript through {@code new Function} (without {@code 'unsafe-eval'} not even the login page appears), its
     * components set inline styles, and Lumo's icon fonts are {@code data:} URLs. {@code BrowserJourneyIT} fails
     * on any violation Chromium reports.
     */
    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /** Browser features no page here uses. */
    static final String PERMISSIONS_POLICY = String.join(", ",
            "accelerometer=()", "camera=()", "geolocation=()", "gyroscope=()", "magnetometer=()", "microphone=()",
            "payment=()", "usb=()");

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        ExceptionMappingAuthenticationFailureHandler failure = new ExceptionMappingAuthenticationFailureHandler();
        failure.setDefaultFailureUrl(LOGIN + "?error");
        failure.setExceptionMappings(Map.of(LockedException.class.getName(), LOCKED));
        // the login page set here already, not only by Vaadin's configurer below: a form login configured before
        // Vaadin's would otherwise get Spring Security's generated login page
        http.formLogin(form -> form.loginPage(LOGIN).failureHandler(failure));
        http.addFilterBefore(new SameOriginSignIn(LOGIN), UsernamePasswordAuthenticationFilter.class);
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY)));
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
