package cn.cadreflow.security.internal;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import cn.cadreflow.security.UserService;

/**
 * The only way to sign in with a password: every attempt is counted by {@link LoginThrottle} before the password is
 * checked against the account ({@link UserService}), and refused unchecked while its account or address is locked.
 */
@Component
class ThrottledSignIn implements AuthenticationProvider {

    private final LoginThrottle throttle;
    private final DaoAuthenticationProvider passwords;

    ThrottledSignIn(LoginThrottle throttle, UserService users, PasswordEncoder passwordEncoder) {
        this.throttle = throttle;
        this.passwords = new DaoAuthenticationProvider(users);
        this.passwords.setPasswordEncoder(passwordEncoder);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web
                ? web.getRemoteAddress() : null;
        LoginThrottle.Attempt attempt = throttle.begin(authentication.getName(), address);
        Authentication result;
        try {
            result = passwords.authenticate(authentication);
        } catch (AuthenticationException e) {
            throttle.failed(attempt);
            throw e;
        }
        throttle.succeeded(attempt);
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
