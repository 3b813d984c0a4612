package cn.cadreflow.annualreview.internal;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import cn.cadreflow.annualreview.AppraisalException;

/**
 * Why a campaign launch stopped: a rule of its own (an officer without the units, a cadre no longer active), which
 * waits for a person, or something outside it that a later attempt does not meet again: the database went away or
 * restarted (a connection lost or refused, the pool timing out, a commit or rollback on a broken connection), a
 * deadlock, the server shutting down. The latter kind is transient: a batch is tried again, and a launch that still
 * fails keeps its launch row, so that when the lease has run out a server takes it over.
 */
public final class LaunchFailures {

    /** MariaDB/MySQL: lock wait timeout, deadlock. */
    private static final int LOCK_WAIT_TIMEOUT = 1205;
    private static final int DEADLOCK = 1213;

    private LaunchFailures() {
    }

    /** Is this failure, or any cause of it, one that a later attempt of the same launch does not meet again? */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AppraisalException a && "appraisal.error.launchInterrupted".equals(a.key())) {
                return true;
            }
            if (t instanceof InterruptedException || t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException) {
                return true;
            }
            // no connection to begin with, or a commit or rollback that failed: the connection broke
            if (t instanceof CannotCreateTransactionException || t instanceof TransactionSystemException) {
                return true;
            }
            if (t instanceof SQLException sql && (connectionOrRollback(sql.getSQLState())
                    || sql.getErrorCode() == LOCK_WAIT_TIMEOUT || sql.getErrorCode() == DEADLOCK)) {
                return true;
            }
        }
        return false;
    }

    /** SQL state class 08 (connection exception) or 40 (transaction rollback, e.g. a deadlock). */
    private static boolean connectionOrRollback(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("40"));
    }
}
