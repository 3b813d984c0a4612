package cn.cadreflow.security.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How sign-in is throttled ({@code cadreflow.login.*}). Failures are counted per account and per client address in
 * the table {@code login_throttle}, so every server sharing the database counts the same attempts.
 *
 * @param accountMaxFailures attempts of one account within the window before it is locked
 * @param addressMaxFailures attempts from one address (an IPv6 client: its /64) within the window before it is
 *                           locked; higher, as an office's users often share one address
 * @param window             how long attempts are counted together
 * @param lock               how long a lock lasts
 */
@ConfigurationProperties("cadreflow.login")
public record LoginSettings(Integer accountMaxFailures, Integer addressMaxFailures, Duration window, Duration lock) {

    public LoginSettings {
        accountMaxFailures = accountMaxFailures == null ? 5 : accountMaxFailures;
        addressMaxFailures = addressMaxFailures == null ? 30 : addressMaxFailures;
        window = window == null ? Duration.ofMinutes(15) : window;
        lock = lock == null ? Duration.ofMinutes(15) : lock;
        if (accountMaxFailures < 1 || addressMaxFailures < 1 || window.isNegative() || window.isZero()
                || lock.isNegative() || lock.isZero()) {
            throw new IllegalArgumentException("cadreflow.login: the failure limits must be at least 1 and the window"
                    + " and the lock longer than zero");
        }
    }

    LoginLimit account() {
        return new LoginLimit(accountMaxFailures, window, lock);
    }

    LoginLimit address() {
        return new LoginLimit(addressMaxFailures, window, lock);
    }
}
