package cn.cadreflow.bench;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cadreflow.CadreFlowApplication;
import cn.cadreflow.MariaDbApp;
import cn.cadreflow.org.OrgLevel;
import cn.cadreflow.secondment.SecondmentReports;
import cn.cadreflow.secondment.internal.SecondmentChecks;
import cn.cadreflow.security.AppRoles;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;

/**
 * HR's secondment reports and the staffing check at province size (issue 10): a province of 10 cities, 100 counties,
 * 1,000 townships and 4,000 villages; 100,000 cadres with 500,000 lines of post history; ten years of secondments
 * (6,000 a year, most from the grassroots upwards, returned, recalled, promoted, kept by a transfer, or still away,
 * some extended); and one township with 5,000 approved absences in next year. An HR officer over the whole province
 * asks for last year's flows between levels, the talent-pump figure, and the staffing check of one more request for
 * next year, each {@code bench.secondment.reps} times after {@code bench.secondment.warmup} warm-up calls; p50 and p95
 * are printed first without the report indexes of migration V44 (the baseline, dropped in the same run), then with
 * them, and the ratios baseline / indexed.
 * <p>
 * Runs on H2 (in memory, as the tests) and, when it answers, on MariaDB (a fresh database via {@link MariaDbApp}).
 * A main class, not a test: {@code mvn -B -ntp -DskipFrontend -DskipTests -Pbench-secondment verify} (see
 * docs/benchmarks.md). Targets: the reports ≤ 300 ms p95, the staffing check ≤ 20 ms p95.
 */
public final class SecondmentBenchmark {

    static final String HR = "benchhr";
    /** The report indexes: migration V44 (covering), which replaced V32's three. */
    static final String MIGRATION = "sql/V44__secondment_covering_indexes.sql";

    private final int cadres = Integer.getInteger("bench.secondment.cadres", 100_000);
    private final int historyPerCadre = Integer.getInteger("bench.secondment.history", 5);
    private final int perYear = Integer.getInteger("bench.secondment.perYear", 6_000);
    private final int absences = Integer.getInteger("bench.secondment.absences", 5_000);
    private final int warmup = Integer.getInteger("bench.secondment.warmup", 20);
    private final int reps = Integer.getInteger("bench.secondment.reps", 100);

    private final ConfigurableApplicationContext app;
    private final JdbcTemplate jdbc;
    private final boolean mariaDb;
    private final Random random = new Random(10);
    private final LocalDate today = LocalDate.now();
    private final Map<OrgLevel, List<Long>> units = new HashMap<>();
    private final Map<OrgLevel, List<Long>> cadresAt = new HashMap<>();
    private final Map<Long, Long> unitOf = new HashMap<>();
    private final Map<Long, Long> postAt = new HashMap<>();
    private long staffingUnit;
    private long staffingCadre;

    private SecondmentBenchmark(ConfigurableApplicationContext app, boolean mariaDb) {
        this.app = app;
        this.jdbc = app.getBean(JdbcTemplate.class);
        this.mariaDb = mariaDb;
    }

    public static void main(String[] args) throws Exception {
        System.out.println("Secondment reports benchmark, " + BenchLoad.now());
        ConfigurableApplicationContext h2 = new SpringApplicationBuilder(CadreFlowApplication.class)
                .web(WebApplicationType.SERVLET)
                .run("--server.port=0", "--spring.datasource.url=jdbc:h2:mem:cadreflow-secondment-bench;DB_CLOSE_DELAY=-1",
                        "--cadreflow.demo-data=true", "--camunda.bpm.job-execution.enabled=false",
                        "--spring.main.banner-mode=off", "--logging.level.root=WARN");
        try {
            new SecondmentBenchmark(h2, false).run("H2 (in memory)");
        } finally {
            h2.close();
        }
        boolean reachable;
        try (Connection c = MariaDbApp.serverConnection()) {
            reachable = c != null;
        } catch (RuntimeException e) {
            reachable = false;
        }
        if (!reachable) {
            System.out.println("MariaDB does not answer on " + MariaDbApp.HOST + ":" + MariaDbApp.PORT + ": skipped.");
            System.exit(0);
        }
        try (MariaDbApp db = MariaDbApp.create("cadreflow_secondmentbench")) {
            new SecondmentBenchmark(db.start(), true).run("MariaDB (" + db.database() + ")");
        }
        System.exit(0);
    }

    private void run(String database) {
        long t0 = System.nanoTime();
        load();
        System.out.printf(Locale.ROOT, "%n== %s: loaded in %.0f s: %s%n", database, (System.nanoTime() - t0) / 1e9,
                counts());
        UserService users = app.getBean(UserService.class);
        users.grant(users.addUser(HR, "省委组织部压测", null, "Bench@2026x"), AppRoles.HR_OFFICER,
                units.get(OrgLevel.PROVINCE).get(0));
        UserContext hr = users.context(HR).orElseThrow();
        SecondmentReports reports = app.getBean(SecondmentReports.class);
        SecondmentChecks checks = app.getBean(SecondmentChecks.class);
        LocalDate from = LocalDate.of(today.getYear() - 1, 1, 1);
        LocalDate to = LocalDate.of(today.getYear() - 1, 12, 31);
        LocalDate next = LocalDate.of(today.getYear() + 1, 1, 1);
        System.out.printf(Locale.ROOT, "HR scope: %d units; last year's flows: %s; talent pump: %d units%n",
                hr.hrUnitIds().size(), reports.flows(hr, from, to), reports.talentPump(hr).size());

        Map<String, Supplier<Object>> queries = new java.util.LinkedHashMap<>();
        queries.put("flows, one year", () -> reports.flows(hr, from, to));
        queries.put("talent pump", () -> reports.talentPump(hr));
        queries.put("staffing check", () -> checks.staffing(staffingUnit, staffingCadre, next,
                next.plusYears(1).minusDays(1), null));

        List<String> creates = indexes();
        for (String create : creates) {
            String index = create.split("\\s+")[2];
            jdbc.execute(mariaDb ? "DROP INDEX " + index + " ON secondment" : "DROP INDEX " + index);
        }
        analyze();
        Map<String, double[]> baseline = measure("baseline, without the report indexes", queries);
        creates.forEach(jdbc::execute);
        analyze();
        Map<String, double[]> indexed = measure("with the report indexes (" + MIGRATION + ")", queries);
        System.out.println("ratio, baseline / with the indexes (above 1: the indexes make it faster):");
        indexed.forEach((name, p) -> System.out.printf(Locale.ROOT, "  %-16s p50 %6.2f   p95 %6.2f%n", name,
                baseline.get(name)[0] / p[0], baseline.get(name)[1] / p[1]));
        System.out.println(BenchLoad.now());
    }

    /** The CREATE INDEX statements of the migration, as the application runs it. */
    private static List<String> indexes() {
        try (var in = SecondmentBenchmark.class.getClassLoader().getResourceAsStream(MIGRATION)) {
            String sql = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            return Arrays.stream(sql.split(";")).map(st -> st.replaceAll("(?m)^--.*$", "").strip())
                    .filter(st -> st.startsWith("CREATE INDEX")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void analyze() {
        if (mariaDb) {
            jdbc.execute("ANALYZE TABLE secondment, cadre, post_history");
        } else {
            jdbc.execute("ANALYZE");
        }
    }

    private Map<String, double[]> measure(String label, Map<String, Supplier<Object>> queries) {
        System.out.println(label + " (" + BenchLoad.now() + "):");
        Map<String, double[]> out = new java.util.LinkedHashMap<>();
        queries.forEach((name, query) -> {
            for (int i = 0; i < warmup; i++) {
                query.get();
            }
            double[] ms = new double[reps];
            for (int i = 0; i < reps; i++) {
                long t = System.nanoTime();
                query.get();
                ms[i] = (System.nanoTime() - t) / 1e6;
            }
            Arrays.sort(ms);
            double p50 = ms[(int) Math.ceil(reps * 0.50) - 1];
            double p95 = ms[(int) Math.ceil(reps * 0.95) - 1];
            out.put(name, new double[] {p50, p95});
            System.out.printf(Locale.ROOT, "  %-16s p50 %8.2f ms   p95 %8.2f ms%n", name, p50, p95);
        });
        return out;
    }

    private String counts() {
        StringBuilder s = new StringBuilder();
        for (String t : List.of("org_unit", "cadre", "post_history", "secondment")) {
            s.append(t).append(' ').append(jdbc.queryForObject("SELECT COUNT(*) FROM " + t, Long.class)).append("; ");
        }
        return s.toString();
    }

    // ------------------------------------------------------------------------------------------------ the data

    private void load() {
        // level by level, one statement per thousand units; then every id by its code in one query
        Map<String, Long> byCode = new HashMap<>();
        List<String[]> next = java.util.Collections.singletonList(new String[] {"BP", null});
        for (OrgLevel l : List.of(OrgLevel.PROVINCE, OrgLevel.CITY, OrgLevel.COUNTY, OrgLevel.TOWNSHIP,
                OrgLevel.VILLAGE)) {
            List<String[]> rows = next;
            int min = l == OrgLevel.TOWNSHIP ? 5 : l == OrgLevel.VILLAGE ? 2 : 0;
            rows("INSERT INTO org_unit (code, name, unit_level, parent_id, grassroots, min_staffing, sort_order) VALUES ",
                    rows.size(), i -> "('" + rows.get(i)[0] + "', '压测" + l.name() + rows.get(i)[0] + "', '" + l.name()
                            + "', " + (rows.get(i)[1] == null ? "NULL" : byCode.get(rows.get(i)[1])) + ", "
                            + l.isGrassroots() + ", " + min + ", 0)");
            jdbc.query("SELECT id, code FROM org_unit WHERE code LIKE 'BP%'", rs -> {
                byCode.put(rs.getString(2), rs.getLong(1));
            });
            units.put(l, rows.stream().map(r -> byCode.get(r[0])).toList());
            int children = l == OrgLevel.TOWNSHIP ? 4 : 10;
            next = rows.stream().flatMap(r -> java.util.stream.IntStream.range(0, children)
                    .mapToObj(c -> new String[] {r[0] + "-" + c, r[0]})).toList();
        }
        List<Long> upper = new ArrayList<>(units.get(OrgLevel.CITY));
        upper.addAll(units.get(OrgLevel.COUNTY));
        rows("INSERT INTO post (unit_id, name, leading_post, sort_order) VALUES ", upper.size(),
                i -> "(" + upper.get(i) + ", '挂职岗位', FALSE, 0)");
        jdbc.query("SELECT unit_id, MAX(id) FROM post WHERE name = '挂职岗位' GROUP BY unit_id", rs -> {
            postAt.put(rs.getLong(1), rs.getLong(2));
        });
        // 100,000 cadres: 40 % in villages (10 each), 40 % in townships (40 each), 15 % in counties, 5 % in cities
        Map<OrgLevel, Integer> share = Map.of(OrgLevel.VILLAGE, 40, OrgLevel.TOWNSHIP, 40, OrgLevel.COUNTY, 15,
                OrgLevel.CITY, 5);
        List<Long> homes = new ArrayList<>();
        for (OrgLevel level : List.of(OrgLevel.VILLAGE, OrgLevel.TOWNSHIP, OrgLevel.COUNTY, OrgLevel.CITY)) {
            List<Long> at = units.get(level);
            int n = level == OrgLevel.CITY ? cadres - homes.size() : cadres * share.get(level) / 100;
            for (int i = 0; i < n; i++) {
                homes.add(at.get(i % at.size()));
            }
        }
        rows("INSERT INTO cadre (name, gender, birth_date, ethnicity, work_start_date, education, rank_code, unit_id,"
                + " status) VALUES ", homes.size(), i -> "('压测干部" + i + "', 'M', DATE '1980-01-01', '汉族',"
                + " DATE '2002-07-01', 'UNDERGRADUATE', 'KEYUAN', " + homes.get(i) + ", 'ACTIVE')");
        jdbc.query("SELECT id, unit_id FROM cadre WHERE name LIKE '压测干部%'", rs -> {
            long id = rs.getLong(1);
            long unit = rs.getLong(2);
            unitOf.put(id, unit);
        });
        Map<Long, OrgLevel> levelOf = new HashMap<>();
        units.forEach((level, ids) -> ids.forEach(id -> levelOf.put(id, level)));
        unitOf.forEach((cadre, unit) -> cadresAt.computeIfAbsent(levelOf.get(unit), l -> new ArrayList<>()).add(cadre));
        cadresAt.values().forEach(l -> l.sort(null));
        List<Long> ids = new ArrayList<>(unitOf.keySet());
        ids.sort(null);
        rows("INSERT INTO post_history (cadre_id, unit_id, post_name, start_date, end_date) VALUES ",
                ids.size() * historyPerCadre, i -> {
                    long cadre = ids.get(i / historyPerCadre);
                    int n = i % historyPerCadre;
                    LocalDate start = LocalDate.of(2002 + n * 4, 7, 1);
                    String end = n == historyPerCadre - 1 ? "NULL" : "DATE '" + start.plusYears(4).minusDays(1) + "'";
                    return "(" + cadre + ", " + unitOf.get(cadre) + ", '岗位" + n + "', DATE '" + start + "', " + end
                            + ")";
                });
        secondments();
        absences();
    }

    /** Ten years of secondments, {@code perYear} a year, as a province's history might hold them. */
    private void secondments() {
        List<String> values = new ArrayList<>();
        for (int year = today.getYear() - 9; year <= today.getYear(); year++) {
            for (int i = 0; i < perYear; i++) {
                int dice = random.nextInt(100);
                OrgLevel homeLevel = dice < 45 ? OrgLevel.VILLAGE : dice < 90 ? OrgLevel.TOWNSHIP : OrgLevel.COUNTY;
                long cadre = pick(cadresAt.get(homeLevel));
                long home = unitOf.get(cadre);
                long target = homeLevel == OrgLevel.COUNTY ? pick(units.get(OrgLevel.CITY))
                        : pick(units.get(random.nextInt(4) == 0 ? OrgLevel.CITY : OrgLevel.COUNTY));
                LocalDate start = LocalDate.of(year, 1, 1).plusDays(random.nextInt(365));
                LocalDate planned = start.plusMonths(12 + random.nextInt(13)).minusDays(1);
                String kind = List.of("GUAZHI", "GUAZHI", "JIEDIAO", "JIAOLIU").get(random.nextInt(4));
                LocalDate end = planned;
                String status;
                String outcome = null;
                if (random.nextInt(10) == 0) {
                    end = planned.plusMonths(6 + random.nextInt(7));
                }
                if (!end.isBefore(today)) {
                    status = start.isAfter(today) ? "APPROVED" : "ON_SECONDMENT";
                } else {
                    status = "ENDED";
                    int o = random.nextInt(100);
                    outcome = o < 65 ? "RETURNED_HOME" : o < 80 ? "AUTO_RETURNED" : o < 88 ? "RECALLED"
                            : o < 93 ? "PROMOTED" : "TRANSFERRED";
                }
                values.add("(" + cadre + ", '" + kind + "', " + home + ", " + target + ", " + postAt.get(target)
                        + ", DATE '" + start + "', DATE '" + end + "', DATE '" + planned + "', " + !end.equals(planned)
                        + ", '压测', '" + status + "', " + (outcome == null ? "NULL" : "'" + outcome + "'") + ", "
                        + (outcome == null ? "NULL" : "DATE '" + end.plusDays(1) + "'")
                        + ", 'bench', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            }
        }
        insertSecondments(values);
    }

    /**
     * The township of the staffing check: {@code absences} approved secondments of its 40 cadres in next year, a few
     * days each; its minimum (5) is kept every day, so the check reads all of them and the whole year.
     */
    private void absences() {
        staffingUnit = units.get(OrgLevel.TOWNSHIP).get(0);
        List<Long> staff = unitOf.entrySet().stream().filter(e -> e.getValue() == staffingUnit).map(Map.Entry::getKey)
                .sorted().toList();
        staffingCadre = staff.get(0);
        long target = units.get(OrgLevel.COUNTY).get(0);
        LocalDate first = LocalDate.of(today.getYear() + 1, 1, 1);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < absences; i++) {
            long cadre = staff.get(1 + i % (staff.size() - 1));
            LocalDate start = first.plusDays(random.nextInt(360));
            LocalDate end = start.plusDays(random.nextInt(3));
            values.add("(" + cadre + ", 'JIEDIAO', " + staffingUnit + ", " + target + ", " + postAt.get(target)
                    + ", DATE '" + start + "', DATE '" + end + "', DATE '" + end + "', FALSE, '压测', 'APPROVED', NULL,"
                    + " NULL, 'bench', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        }
        insertSecondments(values);
    }

    private void insertSecondments(List<String> values) {
        rows("INSERT INTO secondment (cadre_id, kind, home_unit_id, target_unit_id, target_post_id, start_date,"
                + " end_date, planned_end_date, extended, reason, status, outcome, returned_on, requested_by,"
                + " created_at, updated_at) VALUES ", values.size(), values::get);
    }

    private long pick(List<Long> from) {
        return from.get(random.nextInt(from.size()));
    }

    /** Inserts {@code n} rows, a thousand to a statement. */
    private void rows(String insert, int n, java.util.function.IntFunction<String> row) {
        for (int from = 0; from < n; from += 1000) {
            StringBuilder sql = new StringBuilder(insert);
            for (int i = from; i < Math.min(n, from + 1000); i++) {
                sql.append(i == from ? "" : ", ").append(row.apply(i));
            }
            jdbc.update(sql.toString());
        }
    }

    /** The time and the machine's load averages (the machine is shared). */
    static final class BenchLoad {
        static String now() {
            String load;
            try {
                load = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
            } catch (java.io.IOException e) {
                load = "?";
            }
            return java.time.Instant.now() + ", load averages " + load;
        }
    }
}
