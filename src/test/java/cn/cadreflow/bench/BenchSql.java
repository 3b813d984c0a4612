package cn.cadreflow.bench;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/** What both benchmarks do with their own connection to the benchmark database, and how busy the machine was. */
abstract class BenchSql {

    protected final Connection sql;

    protected BenchSql(Connection sql) {
        this.sql = sql;
    }

    protected void exec(String statement) throws SQLException {
        try (Statement s = sql.createStatement()) {
            s.execute(statement);
        }
    }

    protected String scalar(String query) throws SQLException {
        try (Statement s = sql.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The machine is shared: say how busy it was, so that a slow run can be told from a slow query. */
    protected static String load() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return String.format(Locale.ROOT, "load average %.2f on %d cores", os.getSystemLoadAverage(),
                os.getAvailableProcessors());
    }
}
