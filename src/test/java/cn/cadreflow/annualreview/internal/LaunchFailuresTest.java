package cn.cadreflow.annualreview.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import cn.cadreflow.annualreview.AppraisalException;

/** Which launch failures a server takes over after the lease, and which wait for a person. */
class LaunchFailuresTest {

    @Test
    void theDatabaseGoingAwayOrRestartingIsTransientHoweverWrapped() {
        // Connector/J's "Communications link failure" when the server died mid-statement
        assertThat(LaunchFailures.isTransient(new RuntimeException("engine",
                new SQLException("Communications link failure", "08S01")))).isTrue();
        // the pool timing out while the server is down, as Spring reports it when a transaction begins
        assertThat(LaunchFailures.isTransient(new CannotCreateTransactionException("no connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available")))).isTrue();
        assertThat(LaunchFailures.isTransient(new CannotGetJdbcConnectionException("refused",
                new SQLNonTransientConnectionException("Could not create connection", "08001")))).isTrue();
        assertThat(LaunchFailures.isTransient(new SQLRecoverableException("connection reset"))).isTrue();
        // the rollback after a lost connection fails too, with the pool's "Connection is closed" (no SQL state)
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollback.initApplicationException(new IllegalStateException("the batch's own failure"));
        assertThat(LaunchFailures.isTransient(rollback)).isTrue();
        // a deadlock between two batches, and a server shutting down
        assertThat(LaunchFailures.isTransient(new SQLException("Deadlock found", "40001", 1213))).isTrue();
        assertThat(LaunchFailures.isTransient(new AppraisalException("appraisal.error.launchInterrupted"))).isTrue();
    }

    @Test
    void aRuleOrABugIsNot() {
        assertThat(LaunchFailures.isTransient(new AppraisalException("appraisal.error.notHrOfUnit", "青山镇"))).isFalse();
        assertThat(LaunchFailures.isTransient(new AppraisalException("appraisal.error.launchRunning"))).isFalse();
        assertThat(LaunchFailures.isTransient(new DataIntegrityViolationException("duplicate",
                new SQLException("Duplicate entry", "23000", 1062)))).isFalse();
        assertThat(LaunchFailures.isTransient(new IllegalStateException("bug"))).isFalse();
        assertThat(LaunchFailures.isTransient(null)).isFalse();
    }
}
