package cn.cadreflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Each module owns its tables: a mapper (src/main/resources/cn/cadreflow/&lt;module&gt;/**.xml) and the SQL in a
 * module's Java code name only that module's tables; everything else is read through the owner's API with
 * batch lookups. No SQL outside security reads a password hash.
 */
class TableOwnershipTest {

    /**
     * Which module owns each table the migrations (sql/V*.sql) create. A new table goes here with its module; the
     * test below fails until it does.
     */
    static final Map<String, String> OWNER = Map.ofEntries(
            Map.entry("org_unit", "org"),
            Map.entry("post", "org"),
            Map.entry("work_calendar_day", "org"),
            Map.entry("cadre", "cadre"),
            Map.entry("post_history", "cadre"),
            Map.entry("app_user", "security"),
            Map.entry("user_role", "security"),
            Map.entry("login_throttle", "security"),
            Map.entry("model_audit", "modelling"),
            Map.entry("model_draft", "modelling"),
            Map.entry("workflow_action", "workflow"),
            Map.entry("wf_task", "workflow"),
            Map.entry("wf_task_candidate", "workflow"),
            Map.entry("wf_copy", "workflow"),
            Map.entry("notification", "workflow"),
            Map.entry("wf_saved_opinion", "workflow"),
            Map.entry("wf_task_draft", "workflow"),
            Map.entry("wf_user_signature", "workflow"),
            Map.entry("wf_signed_decision", "workflow"),
            Map.entry("wf_signature_image", "workflow"),
            Map.entry("training_record", "training"),
            Map.entry("training_leave_request", "trainingleave"),
            Map.entry("training_leave_attendance", "trainingleave"),
            Map.entry("training_course", "trainingplan"),
            Map.entry("training_preference", "trainingplan"),
            Map.entry("training_plan", "trainingplan"),
            Map.entry("training_plan_assignment", "trainingplan"),
            Map.entry("secondment", "secondment"),
            Map.entry("secondment_post_hold", "secondment"),
            Map.entry("secondment_report", "secondment"),
            Map.entry("secondment_lock", "secondment"),
            Map.entry("tolerance_outcome", "tolerance"),
            Map.entry("tolerance_case", "tolerance"),
            Map.entry("appraisal_framework", "annualreview"),
            Map.entry("appraisal_framework_item", "annualreview"),
            Map.entry("digital_indicator", "annualreview"),
            Map.entry("appraisal_rule", "annualreview"),
            Map.entry("appraisal_campaign", "annualreview"),
            Map.entry("appraisal_campaign_unit", "annualreview"),
            Map.entry("appraisal_campaign_launch", "annualreview"),
            Map.entry("appraisal_review", "annualreview"),
            Map.entry("appraisal_score", "annualreview"),
            Map.entry("appraisal_objection", "annualreview"),
            Map.entry("appraisal_recheck", "annualreview"),
            Map.entry("digital_evidence", "annualreview"),
            Map.entry("digital_evidence_file", "annualreview"),
            Map.entry("training_need", "annualreview"),
            Map.entry("cadre_honour", "annualreview"));

    static final Path MIGRATIONS = Path.of("sql");
    static final Path MAPPERS = Path.of("src/main/resources/cn/cadreflow");
    static final Path JAVA = Path.of("src/main/java/cn/cadreflow");

    private static final Pattern CREATE_TABLE =
            Pattern.compile("(?i)\\bcreate\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)");
    /** A table named after FROM, JOIN, INTO or UPDATE (subqueries in parentheses are read on their own). */
    private static final Pattern TABLE_USE = Pattern.compile("(?i)\\b(?:from|join|into|update)\\s+([a-z_][a-z0-9_]*)");
    /** Java code holding SQL in its strings (JdbcTemplate and the like): the statement words, in capitals. */
    private static final Pattern SQL_STATEMENT = Pattern.compile("\\b(?:SELECT|INSERT INTO|UPDATE|DELETE FROM)\\b");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

    @Test
    void everyTableOfTheMigrationsHasAnOwner() {
        Set<String> created = new TreeSet<>();
        files(MIGRATIONS, ".sql").forEach(f -> find(CREATE_TABLE, read(f)).forEach(created::add));
        assertThat(created).isNotEmpty();
        assertThat(OWNER.keySet()).as("tables in the ownership map").containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    void mappersReadOnlyTheirModulesTables() {
        List<String> foreign = new ArrayList<>();
        List<Path> mappers = files(MAPPERS, ".xml");
        assertThat(mappers).isNotEmpty();
        for (Path mapper : mappers) {
            foreign.addAll(foreignTables(module(MAPPERS, mapper), mapper, sqlOfMapper(read(mapper))));
        }
        assertThat(foreign).as("tables of other modules, or of none, named in mappers").isEmpty();
    }

    @Test
    void javaSqlReadsOnlyItsModulesTables() {
        List<String> foreign = new ArrayList<>();
        for (Path source : files(JAVA, ".java")) {
            if (JAVA.relativize(source).getNameCount() < 2) {
                continue;
            }
            String literals = STRING_LITERAL.matcher(read(source)).results().map(m -> m.group(1))
                    .collect(Collectors.joining(" "));
            if (SQL_STATEMENT.matcher(literals).find()) {
                foreign.addAll(foreignTables(module(JAVA, source), source, literals));
            }
        }
        assertThat(foreign).as("tables of other modules named in SQL strings of main code").isEmpty();
    }

    @Test
    void onlySecurityReadsPasswordHashes() {
        List<Path> outside = Stream.concat(files(MAPPERS, ".xml").stream(), files(JAVA, ".java").stream())
                .filter(f -> !module(f.startsWith(MAPPERS) ? MAPPERS : JAVA, f).equals("security"))
                .filter(f -> read(f).toLowerCase(Locale.ROOT).contains("password_hash"))
                .toList();
        assertThat(outside).as("SQL outside security naming password_hash").isEmpty();
    }

    /** The text of a mapper's statements: without XML comments, tags (and their attributes) and parameters. */
    static String sqlOfMapper(String xml) {
        return xml.replaceAll("(?s)<!--.*?-->", " ").replaceAll("(?s)<!DOCTYPE[^>]*>", " ")
                .replaceAll("(?s)<[^>]*>", " ").replaceAll("[#$]\\{[^}]*}", "?");
    }

    private static List<String> foreignTables(String module, Path file, String sql) {
        List<String> foreign = new ArrayList<>();
        for (String table : find(TABLE_USE, sql)) {
            String owner = OWNER.get(table.toLowerCase(Locale.ROOT));
            if (!module.equals(owner)) {
                foreign.add(file + ": " + table + " (owned by " + owner + ")");
            }
        }
        return foreign;
    }

    private static List<String> find(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        return found;
    }

    private static String module(Path root, Path file) {
        return root.relativize(file).getName(0).toString();
    }

    private static List<Path> files(Path root, String suffix) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
