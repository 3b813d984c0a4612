package cn.cadreflow.bench;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

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

    /** Rows per table of the benchmark's database, to tell what one operation writes. */
    protected Map<String, Long> tableRows() throws SQLException {
        Map<String, Long> rows = new TreeMap<>();
        java.util.List<String> tables = new java.util.ArrayList<>();
        try (Statement s = sql.createStatement(); ResultSet rs = s.executeQuery("SELECT TABLE_NAME FROM"
                + " information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = 'BASE TABLE'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        for (String t : tables) {
            rows.put(t, Long.parseLong(scalar("SELECT COUNT(*) FROM `" + t + "`")));
        }
        return rows;
    }

    /**
     * The tables that grew between two {@link #tableRows()} readings, as rows per unit of work (those that grew by
     * less than one row per hundred units are left out).
     */
    protected static String rowsPer(Map<String, Long> before, Map<String, Long> after, long units) {
        StringBuilder out = new StringBuilder();
        long total = 0;
        for (Map.Entry<String, Long> e : after.entrySet()) {
            long grown = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            if (grown * 100 >= units) {
                total += grown;
                out.append(String.format(Locale.ROOT, "%n    %-28s %6.2f", e.getKey(), grown / (double) units));
            }
        }
        return String.format(Locale.ROOT, "%.1f rows in all:", total / (double) units) + out;
    }

    /** CPU seconds used so far by this JVM and by the database server (when it runs on this machine). */
    protected static double[] cpuSeconds() {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        return new double[] {os.getProcessCpuTime() / 1e9, databaseCpuSeconds()};
    }

    protected static String cpuUsed(double[] before, double[] after, double wallSeconds) {
        return String.format(Locale.ROOT, "CPU: this JVM %.1f s, database server %.1f s, over %.1f s of wall time",
                after[0] - before[0], after[1] - before[1], wallSeconds);
    }

    private static double databaseCpuSeconds() {
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                Path comm = p.resolve("comm");
                if (p.getFileName().toString().chars().allMatch(Character::isDigit) && Files.isReadable(comm)) {
                    String name = Files.readString(comm).strip();
                    if (name.equals("mariadbd") || name.equals("mysqld")) {
                        String stat = Files.readString(p.resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        // utime and stime, fields 14 and 15 of /proc/PID/stat, in clock ticks (100 per second)
                        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
                    }
                }
            }
        } catch (Exception e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
