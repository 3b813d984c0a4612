package cn.cadreflow.security.internal;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * The throttling rule for one kind of subject (an account, a client address): at most {@code maxFailures} attempts
 * within {@code window}; once that many have failed, the subject is locked for {@code lock}. Every attempt is counted
 * before its password is checked, so attempts sent side by side cannot slip past the limit while the first ones are
 * still being checked; a success gives its attempt back.
 */
record LoginLimit(int maxFailures, Duration window, Duration lock) {

    /** A subject's attempts in the current window and its lock, if any. */
    record Count(int attempts, LocalDateTime windowStart, LocalDateTime lockedUntil) {
    }

    /** The count after one more attempt at {@code now} (a lapsed window starts again; a lock leaves it alone). */
    Count attempt(Count current, LocalDateTime now) {
        if (current != null && locked(current, now)) {
            return current;
        }
        if (current == null || !current.windowStart().plus(window).isAfter(now)) {
            return new Count(1, now, null);
        }
        return new Count(current.attempts() + 1, current.windowStart(), current.lockedUntil());
    }

    /** Whether an attempt, already counted, is refused without looking at its password. */
    boolean refuses(Count counted, LocalDateTime now) {
        return locked(counted, now) || counted.attempts() > maxFailures;
    }

    /** The count after a failed attempt: locked, and counting again from nothing, once the limit is reached. */
    Count failed(Count counted, LocalDateTime now) {
        if (counted.attempts() >= maxFailures && !locked(counted, now)) {
            return new Count(0, now, now.plus(lock));
        }
        return counted;
    }

    /** The count after a successful attempt: the attempt is given back. */
    Count succeeded(Count counted) {
        return new Count(Math.max(0, counted.attempts() - 1), counted.windowStart(), counted.lockedUntil());
    }

    boolean locked(Count count, LocalDateTime now) {
        return count.lockedUntil() != null && count.lockedUntil().isAfter(now);
    }
}
