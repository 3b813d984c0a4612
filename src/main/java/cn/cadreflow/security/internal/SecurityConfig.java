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

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

/**
 * Sign-in through {@link LoginView}, throttled by {@link ThrottledSignIn}. The forwarded headers are server settings
 * in {@code application.properties}.
 */
@Configuration
@EnableWebSecurity
@EnableConfigurationProperties(LoginSettings.class)
class SecurityConfig {

    static final String LOGIN = "/login";
    /** Where a sign-in refused by {@link LoginThrottle} lands: the login view says the lock. */
    static final String LOCKED = LOGIN + "?locked";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        ExceptionMappingAuthenticationFailureHandler failure = new ExceptionMappingAuthenticationFailureHandler();
        failure.setDefaultFailureUrl(LOGIN + "?error");
        failure.setExceptionMappings(Map.of(LockedException.class.getName(), LOCKED));
        // the login page set here already, not only by Vaadin's configurer below: a form login configured before
        // Vaadin's would otherwise get Spring Security's generated login page
        http.formLogin(form -> form.loginPage(LOGIN).failureHandler(failure));
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
