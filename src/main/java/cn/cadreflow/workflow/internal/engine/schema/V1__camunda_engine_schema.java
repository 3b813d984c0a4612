package cn.cadreflow.workflow.internal.engine.schema;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Creates Camunda's tables by running the create scripts shipped inside the engine jar, so the
 * schema is always the engine's own and never a hand-copied one. Identity tables are left out:
 * users and groups come from our own tables (see {@code DirectoryIdentityProvider}).
 */
public class V1__camunda_engine_schema extends BaseJavaMigration {

    static final List<String> PARTS = List.of(
            "engine", "history", "case.engine", "case.history", "decision.engine", "decision.history");

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        String dialect = dialectOf(connection);
        if ("mysql".equals(dialect)) {
            // The engine's scripts name no character set: make the database default utf8mb4 first, so
            // Chinese process variables, names and comments survive whatever the server's default is.
            try (var statement = connection.createStatement()) {
                statement.execute("ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            }
        }
        for (String part : PARTS) {
            String path = "org/camunda/bpm/engine/db/create/activiti." + dialect + ".create." + part + ".sql";
            ScriptUtils.executeSqlScript(connection,
                    new EncodedResource(new ClassPathResource(path), StandardCharsets.UTF_8));
        }
    }

    static String dialectOf(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        if (product.contains("h2")) {
            return "h2";
        }
        if (product.contains("mysql") || product.contains("mariadb")) {
            return "mysql";
        }
        throw new IllegalStateException("Unsupported database for CadreFlow: " + product);
    }
}
