package cn.cadreflow.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

/** The throttling rule, without Spring: 3 attempts in 10 minutes, then locked for 15. */
class LoginLimitTest {

    final LoginLimit limit = new LoginLimit(3, Duration.ofMinutes(10), Duration.ofMinutes(15));
    final LocalDateTime t0 = LocalDateTime.of(2026, 3, 1, 9, 0);

    @Test
    void theAttemptAfterTheLimitsFailuresIsRefusedUntilTheLockEnds() {
        LoginLimit.Count count = null;
        for (int i = 0; i < 3; i++) {
            count = limit.attempt(count, t0.plusMinutes(i));
            assertThat(limit.refuses(count, t0.plusMinutes(i))).isFalse();
            count = limit.failed(count, t0.plusMinutes(i));
        }
        assertThat(count.lockedUntil()).isEqualTo(t0.plusMinutes(2 + 15));

        LocalDateTime during = t0.plusMinutes(16);
        LoginLimit.Count refused = limit.attempt(count, during);
        assertThat(limit.refuses(refused, during)).isTrue();
        assertThat(refused).isEqualTo(count); // attempts during a lock do not prolong it

        LocalDateTime after = t0.plusMinutes(17);
        LoginLimit.Count fresh = limit.attempt(refused, after);
        assertThat(limit.refuses(fresh, after)).isFalse();
        assertThat(fresh.attempts()).isEqualTo(1);
    }

    @Test
    void failuresOfALapsedWindowAreForgotten() {
        LoginLimit.Count count = null;
        for (int i = 0; i < 2; i++) {
            count = limit.failed(limit.attempt(count, t0), t0);
        }
        LocalDateTime later = t0.plusMinutes(10);
        count = limit.failed(limit.attempt(count, later), later);
        assertThat(count.attempts()).isEqualTo(1);
        assertThat(count.lockedUntil()).isNull();
    }

    @Test
    void attemptsStillBeingCheckedCountAgainstTheLimit() {
        LoginLimit.Count count = null;
        for (int i = 0; i < 3; i++) {
            count = limit.attempt(count, t0); // three attempts side by side, none checked yet
        }
        LoginLimit.Count fourth = limit.attempt(count, t0);
        assertThat(limit.refuses(fourth, t0)).isTrue();
        assertThat(fourth.lockedUntil()).isNull();
    }

    @Test
    void aSuccessGivesItsAttemptBack() {
        LoginLimit.Count count = limit.failed(limit.attempt(null, t0), t0);
        count = limit.succeeded(limit.attempt(count, t0));
        assertThat(count.attempts()).isEqualTo(1);
        assertThat(limit.succeeded(new LoginLimit.Count(0, t0, null)).attempts()).isZero();
    }

    @Test
    void anIpv6ClientIsCountedByItsNetworkAndAnIpv4OneByItsAddress() {
        assertThat(LoginThrottle.addressKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd"))
                .isEqualTo(LoginThrottle.addressKey("2001:db8:1:2::1")).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(LoginThrottle.addressKey("2001:db8:1:3::1")).isNotEqualTo(LoginThrottle.addressKey("2001:db8:1:2::1"));
        assertThat(LoginThrottle.addressKey("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(LoginThrottle.addressKey("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(LoginThrottle.addressKey(null)).isEqualTo("unknown");
    }
}
