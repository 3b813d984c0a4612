package cn.cadreflow.security.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.authentication.LockedException;
import org.springframework.stereotype.Component;

/**
 * Counts sign-in attempts per account and per client address in {@code login_throttle} ({@link LoginLimit} decides,
 * {@link LoginSettings} sets the limits), so that all servers on one database share the counts. Any typed username
 * is counted, whether or not such an account exists, so a lock tells nothing about which accounts exist. The client
 * address is the one the servlet container reports: behind a proxy, the forwarded one only when the proxy is
 * trusted ({@code server.forward-headers-strategy=native}, {@code server.tomcat.remoteip.internal-proxies}).
 * Failures, locks and refusals are logged with the username and the address, never the password.
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    /** How often a count changed by another attempt meanwhile is read and written again. */
    private static final int TRIES = 10;
    private static final int SUBJECT_LENGTH = 100;
    private static final Pattern UNPRINTABLE = Pattern.compile("\\p{Cntrl}");

    private final LoginThrottleMapper counts;
    private final LoginLimit accountLimit;
    private final LoginLimit addressLimit;
    private final Clock clock;

    LoginThrottle(LoginThrottleMapper counts, LoginSettings settings, Clock clock) {
        this.counts = counts;
        this.accountLimit = settings.account();
        this.addressLimit = settings.address();
        this.clock = clock;
    }

    /** One attempt, counted against its account and its address. */
    record Attempt(String username, String address, String accountKey, String addressKey) {
    }

    /**
     * Counts an attempt before its password is checked; refuses it with a {@link LockedException} when the account
     * or the address is locked or has used up its attempts.
     */
    Attempt begin(String username, String remoteAddress) {
        LocalDateTime now = LocalDateTime.now(clock);
        Attempt attempt = new Attempt(printable(username), printable(remoteAddress),
                subject("account:", username == null ? "" : username.strip().toLowerCase(Locale.ROOT)),
                subject("address:", addressKey(remoteAddress)));
        LoginLimit.Count account = change(attempt.accountKey(), c -> accountLimit.attempt(c, now));
        LoginLimit.Count address = change(attempt.addressKey(), c -> addressLimit.attempt(c, now));
        boolean accountRefused = account == null || accountLimit.refuses(account, now);
        boolean addressRefused = address == null || addressLimit.refuses(address, now);
        if (accountRefused || addressRefused) {
            log.warn("Sign-in refused without checking the password, too many failures: account '{}'{} from {}{}",
                    attempt.username(), accountRefused ? " (locked)" : "", attempt.address(),
                    addressRefused ? " (locked)" : "");
            throw new LockedException("Too many failed sign-ins");
        }
        return attempt;
    }

    /** Records a failed attempt; locks the account or the address once it has used up its attempts. */
    void failed(Attempt attempt) {
        LocalDateTime now = LocalDateTime.now(clock);
        log.warn("Sign-in failed: account '{}' from {}", attempt.username(), attempt.address());
        LoginLimit.Count account = change(attempt.accountKey(), c -> c == null ? null : accountLimit.failed(c, now));
        if (account != null && account.attempts() == 0 && accountLimit.locked(account, now)) {
            log.warn("Sign-in locked for account '{}' until {} after {} failures", attempt.username(),
                    account.lockedUntil(), accountLimit.maxFailures());
        }
        LoginLimit.Count address = change(attempt.addressKey(), c -> c == null ? null : addressLimit.failed(c, now));
        if (address != null && address.attempts() == 0 && addressLimit.locked(address, now)) {
            log.warn("Sign-in locked for address {} until {} after {} failures", attempt.address(),
                    address.lockedUntil(), addressLimit.maxFailures());
        }
        counts.deleteStale(now.minus(accountLimit.window()), now);
    }

    /** Records a successful attempt: the account starts counting again, the address gets its attempt back. */
    void succeeded(Attempt attempt) {
        counts.delete(attempt.accountKey());
        change(attempt.addressKey(), c -> c == null ? null : addressLimit.succeeded(c));
    }

    /**
     * Reads a subject's count, changes it and writes it back unless another attempt changed it meanwhile (then
     * again). Returns the count written, or null when there was nothing to change or the count stayed contended.
     */
    private LoginLimit.Count change(String subject, UnaryOperator<LoginLimit.Count> change) {
        for (int i = 0; i < TRIES; i++) {
            LoginThrottleMapper.Row row = counts.find(subject);
            LoginLimit.Count next = change.apply(row == null ? null : row.count());
            if (next == null) {
                return null;
            }
            try {
                if (row == null) {
                    counts.insert(subject, next.attempts(), next.windowStart(), next.lockedUntil());
                    return next;
                }
                if (counts.update(subject, next.attempts(), next.windowStart(), next.lockedUntil(), row.version()) == 1) {
                    return next;
                }
            } catch (DuplicateKeyException e) {
                // another attempt counted the subject first: read it again
            }
        }
        return null;
    }

    /** The address as a throttling key: an IPv4 address itself, an IPv6 address by its /64 network. */
    static String addressKey(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()) {
            return "unknown";
        }
        String literal = remoteAddress.strip();
        if (literal.indexOf(':') < 0) {
            return literal;
        }
        try {
            InetAddress address = InetAddress.getByName(literal); // an IPv6 literal: no name lookup
            byte[] bytes = address.getAddress();
            if (bytes.length != 16) {
                return address.getHostAddress();
            }
            Arrays.fill(bytes, 8, 16, (byte) 0);
            return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return literal;
        }
    }

    private static String subject(String prefix, String key) {
        String subject = prefix + key;
        return subject.length() <= SUBJECT_LENGTH ? subject : subject.substring(0, SUBJECT_LENGTH);
    }

    /** A typed value as it may go into the log: no line breaks or other control characters, at most 64 characters. */
    private static String printable(String value) {
        if (value == null) {
            return "";
        }
        String cut = value.length() <= 64 ? value : value.substring(0, 64) + "…";
        return UNPRINTABLE.matcher(cut).replaceAll("?");
    }
}
