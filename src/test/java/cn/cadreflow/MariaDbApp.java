package cn.cadreflow;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A throwaway utf8mb4 database on the test MariaDB/MySQL server, and the whole app started on it under the
 * {@code mysql} profile. The server is named by {@code CADREFLOW_TEST_DB_HOST}, {@code _PORT}, {@code _USER},
 * {@code _PASSWORD} (system property or environment; default 127.0.0.1:3306, root, no password). The database
 * is dropped on {@link #close()}, or when the JVM exits should close never run.
 */
public final class MariaDbApp implements AutoCloseable {

    public static final String HOST = setting("CADREFLOW_TEST_DB_HOST", "127.0.0.1");
    public static final String PORT = setting("CADREFLOW_TEST_DB_PORT", "3306");
    public static final String USER = setting("CADREFLOW_TEST_DB_USER", "root");
    public static final String PASSWORD = setting("CADREFLOW_TEST_DB_PASSWORD", "");

    private final String database;
    private final Thread dropOnExit;
    private final List<ConfigurableApplicationContext> apps = new ArrayList<>();

    private MariaDbApp(String database) {
        this.database = database;
        this.dropOnExit = new Thread(this::drop, "drop " + database);
    }

    /** Creates a fresh database whose name starts with the prefix; fails clearly when no server answers. */
    public static MariaDbApp create(String prefix) {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        serverUpdate("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        MariaDbApp db = new MariaDbApp(name);
        Runtime.getRuntime().addShutdownHook(db.dropOnExit);
        return db;
    }

    public String database() {
        return database;
    }

    /**
     * Starts the app on this database with the demo data and no job executor; extra arguments
     * ({@code --name=value}) come last and win.
     */
    public ConfigurableApplicationContext start(String... extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--DB_HOST=" + HOST, "--DB_PORT=" + PORT,
                "--DB_NAME=" + database, "--DB_USER=" + USER, "--DB_PASSWORD=" + PASSWORD,
                "--cadreflow.demo-data=true", "--camunda.bpm.job-execution.enabled=false",
                "--spring.main.banner-mode=off", "--logging.level.root=WARN", "--logging.level.cn.cadreflow=INFO"));
        for (String option : extra) {
            // an extra argument replaces the default of the same name (Spring would join both values with a comma)
            String name = option.contains("=") ? option.substring(0, option.indexOf('=') + 1) : option;
            args.removeIf(arg -> arg.startsWith(name));
            args.add(option);
        }
        ConfigurableApplicationContext app = new SpringApplicationBuilder(CadreFlowApplication.class)
                .profiles("mysql")
                // a real servlet container on a random port: Vaadin's security configuration needs a ServletContext
                .web(WebApplicationType.SERVLET)
                // command-line arguments outrank the environment and application-mysql.properties
                .run(args.toArray(String[]::new));
        apps.add(app);
        return app;
    }

    /** Closes every app started here, then drops the database. */
    @Override
    public void close() {
        try {
            apps.forEach(ConfigurableApplicationContext::close);
            apps.clear();
        } finally {
            drop();
            Runtime.getRuntime().removeShutdownHook(dropOnExit);
        }
    }

    private void drop() {
        serverUpdate("DROP DATABASE IF EXISTS `" + database + "`");
    }

    public static Connection serverConnection() {
        String url = "jdbc:mysql://" + HOST + ":" + PORT
                + "/?useSSL=false&allowPublicKeyRetrieval=true&connectTimeout=5000&socketTimeout=60000";
        try {
            return DriverManager.getConnection(url, USER, PASSWORD);
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB/MySQL is not reachable at " + HOST + ":" + PORT + " as user '"
                    + USER + "' (" + e.getMessage() + "). The MariaDB suites need a running server: start one"
                    + " (bash .ci/run mariadb does) or point CADREFLOW_TEST_DB_HOST/PORT/USER/PASSWORD at one.", e);
        }
    }

    public static void serverUpdate(String sql) {
        try (Connection c = serverConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    static String setting(String name, String fallback) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
