package cn.cadreflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cadreflow.annualreview.AnnualReviewStep;
import cn.cadreflow.annualreview.AppraisalException;
import cn.cadreflow.annualreview.CampaignLauncher;
import cn.cadreflow.annualreview.CampaignService;
import cn.cadreflow.annualreview.internal.AppraisalReports;
import cn.cadreflow.annualreview.internal.EvidenceImportService;
import cn.cadreflow.annualreview.internal.EvidenceService;
import cn.cadreflow.cadre.CadreException;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.cadre.internal.CadreDirectory;
import cn.cadreflow.org.OrgLevel;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.secondment.SecondmentException;
import cn.cadreflow.secondment.SecondmentKind;
import cn.cadreflow.secondment.SecondmentReports;
import cn.cadreflow.secondment.SecondmentService;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;
import cn.cadreflow.tolerance.ToleranceException;
import cn.cadreflow.tolerance.ToleranceOutcome;
import cn.cadreflow.tolerance.ToleranceService;
import cn.cadreflow.trainingplan.CatalogueException;
import cn.cadreflow.trainingplan.PreferenceService;
import cn.cadreflow.trainingplan.TrainingPreferences;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.WorkflowException;

/**
 * Who may act on which id, outside the task centre (whose matrix is {@code AuthorizationMatrixTest}). Every
 * operation that takes a cadre, unit, review, campaign, evidence or file id is tried by every demo user on the
 * records of 张伟 (zhangwei, cadre of 青山镇 in 清河县; a secondment of his among them). Those the table allows succeed; everyone else is refused
 * with exactly the answer the same operation gives for an id that does not exist, so a refusal never tells that
 * the record exists, and nothing in the database changes.
 */
@CadreFlowTest
class ScopeMatrixTest {

    static final List<String> EVERYONE = List.of("zhangwei", "chenjing", "lijun", "liuyang", "wangfang", "sunli",
            "zhaomin", "admin");
    static final long MISSING = 987_654_321L;
    static final int YEAR = 2013; // 2013 and 2014: no other test reviews anyone or imports evidence in them

    @Autowired
    UserService users;
    @Autowired
    ProcessStarts starts;
    @Autowired
    CampaignService campaigns;
    @Autowired
    CampaignLauncher launcher;
    @Autowired
    AppraisalReports reports;
    @Autowired
    EvidenceImportService imports;
    @Autowired
    EvidenceService evidence;
    @Autowired
    CadreService cadres;
    @Autowired
    CadreDirectory directory;
    @Autowired
    OrgService org;
    @Autowired
    ToleranceService tolerance;
    @Autowired
    PreferenceService preferences;
    @Autowired
    SecondmentService secondments;
    @Autowired
    SecondmentReports secondmentReports;
    @Autowired
    JdbcTemplate jdbc;

    /** The ids of zhangwei's records the operations are tried on, made once. */
    static Map<String, Long> ids;

    static Stream<Arguments> operations() {
        Set<String> hr = Set.of("wangfang");
        Set<String> self = Set.of("zhangwei", "wangfang");
        Set<String> file = Set.of("zhangwei", "lijun", "wangfang", "admin");
        // 干部名册: HR over the unit, and the administrator, who reads every unit (reading only)
        Set<String> directoryReaders = Set.of("wangfang", "admin");
        return Stream.of(
                op("import evidence for a cadre", "cadre", hr, (t, u, id) -> t.imports.importFile("e.csv",
                        ("干部编号,指标编码,数值\n" + id + ",PLATFORM_USAGE,100\n").getBytes(StandardCharsets.UTF_8),
                        YEAR, u)),
                op("import evidence with the cadre's name", "cadre", hr, (t, u, id) -> t.imports.importFile("e.csv",
                        ("干部编号,姓名,指标编码,数值\n" + id + ",张伟,PLATFORM_USAGE,100\n")
                                .getBytes(StandardCharsets.UTF_8), YEAR, u)),
                op("list a cadre's evidence files", "cadre", self, (t, u, id) -> t.evidence.files(id, YEAR, u)),
                op("download an evidence file", "file", self, (t, u, id) -> t.evidence.file(id, u)),
                op("verify entered evidence", "evidence", hr, (t, u, id) -> {
                    t.evidence.verify(id, u);
                    t.jdbc.update("UPDATE digital_evidence SET verified_by = NULL, verified_at = NULL WHERE id = ?", id);
                    return null;
                }),
                op("open a cadre's file", "cadre", file, (t, u, id) -> t.cadres.visible(id, u).orElseThrow(
                        () -> new AppraisalException("file.notAllowed"))),
                op("read a cadre's post history", "cadre", file, (t, u, id) -> {
                    if (t.cadres.postHistory(id, u).isEmpty()) {
                        throw new AppraisalException("file.notAllowed");
                    }
                    return null;
                }),
                op("register a tolerance outcome", "cadre", hr, (t, u, id) -> {
                    ToleranceOutcome saved = t.tolerance.record(u, new ToleranceService.NewOutcome(id, "矩阵测试事项",
                            java.time.LocalDate.of(2020, 1, 1), ToleranceOutcome.Outcome.MITIGATED,
                            java.time.LocalDate.of(2020, 2, 1), "矩阵〔2020〕1号"));
                    t.jdbc.update("DELETE FROM tolerance_outcome WHERE id = ?", saved.id());
                    return null;
                }),
                op("read a cadre's training-plan preferences", "cadre", self,
                        (t, u, id) -> t.preferences.of(id, YEAR, u)),
                op("state a cadre's training-plan preferences", "cadre", self, (t, u, id) -> {
                    t.preferences.save(new TrainingPreferences(id, YEAR, new java.util.TreeSet<>(Set.of(10)),
                            new java.util.TreeSet<>(), List.of()), u);
                    t.jdbc.update("DELETE FROM training_preference WHERE cadre_id = ?", id);
                    return null;
                }),
                op("start a cadre's review", "cadre", hr, (t, u, id) -> {
                    return t.starts.start(AnnualReviewStep.PROCESS_KEY, u.username(),
                            Map.of("campaignId", ids.get("startCampaign"), "cadreId", id));
                }),
                op("create a campaign over a unit", "unit", hr, (t, u, id) -> {
                    long c = t.campaigns.create(YEAR, "矩阵", List.of(id), "GRASSROOTS11", u.username());
                    t.jdbc.update("DELETE FROM appraisal_campaign_unit WHERE campaign_id = ?", c);
                    t.jdbc.update("DELETE FROM appraisal_campaign WHERE id = ?", c);
                    return null;
                }),
                op("launch a campaign", "emptyCampaign", hr, (t, u, id) -> t.campaigns.launch(id, u.username())),
                op("resume a campaign's launch", "emptyCampaign", hr,
                        (t, u, id) -> t.launcher.resume(id, u.username()).join()),
                op("read a campaign", "campaign", hr, (t, u, id) -> t.reports.campaign(id, u)),
                op("read a campaign's progress", "campaign", hr, (t, u, id) -> t.reports.progress(id, u)),
                op("read a campaign's results", "campaign", hr, (t, u, id) -> t.reports.results(id, null, u)),
                op("chart a campaign's grades", "campaign", hr,
                        (t, u, id) -> t.reports.gradeChart(id, u, Locale.SIMPLIFIED_CHINESE)),
                op("chart a campaign's digital scores", "campaign", hr,
                        (t, u, id) -> t.reports.digitalChart(id, u, Locale.SIMPLIFIED_CHINESE)),
                op("export a unit's results", "unit", hr, (t, u, id) -> t.reports.exportXlsx(ids.get("campaign"), id, u,
                        Locale.SIMPLIFIED_CHINESE)),
                op("open a review's form", "review", hr, (t, u, id) -> t.reports.review(id, u)),
                op("list a unit in the cadre directory", "unit", directoryReaders, (t, u, id) -> t.directory.search(u,
                        new CadreDirectory.Query(id, ""), 0, 50)),
                op("search a unit in the cadre directory", "unit", directoryReaders, (t, u, id) -> t.directory.count(u,
                        new CadreDirectory.Query(id, "张"))),
                op("export a unit's cadre directory", "unit", directoryReaders, (t, u, id) -> t.directory.exportXlsx(u,
                        new CadreDirectory.Query(id, ""), Locale.SIMPLIFIED_CHINESE)),
                op("read a secondment", "secondment", hr, (t, u, id) -> t.secondments.visible(id, u)
                        .orElseThrow(() -> new SecondmentException("secondment.error.notFound"))),
                // the secondment has ended: HR over the cadre gets as far as being told so, nobody else gets that far
                op("recall a secondment early", "secondment", hr, (t, u, id) -> {
                    try {
                        t.secondments.recall(id, u, "矩阵召回");
                    } catch (SecondmentException e) {
                        if (!"secondment.error.notOnSecondment".equals(e.key())) {
                            throw e;
                        }
                    }
                    return null;
                }),
                // a request for a post of the cadre's own unit: the cadre and HR over the cadre get as far as being
                // told it is the same unit (nothing is started); everyone else hears of no such cadre
                op("request a secondment for a cadre", "cadre", self, (t, u, id) -> {
                    try {
                        t.secondments.request(u, new SecondmentService.NewRequest(id, SecondmentKind.GUAZHI,
                                ids.get("unitPost"), java.time.LocalDate.of(2090, 1, 1),
                                java.time.LocalDate.of(2090, 12, 31), "权限矩阵"));
                    } catch (WorkflowException e) {
                        if (e.errors().isEmpty() || !"secondment.error.sameUnit".equals(e.errors().get(0)
                                .messageKey())) {
                            throw e;
                        }
                    }
                    return null;
                }),
                op("list the cadres behind a unit's talent-pump figure", "unit", hr,
                        (t, u, id) -> t.secondmentReports.pumpCadres(id, u)));
    }

    interface Call {
        Object call(ScopeMatrixTest test, UserContext user, long id);
    }

    static Arguments op(String name, String idKind, Set<String> allowed, Call call) {
        return Arguments.of(name, idKind, allowed, call);
    }

    @BeforeEach
    void records() {
        if (ids != null) {
            return;
        }
        Map<String, Long> made = new LinkedHashMap<>();
        Map<String, Object> known = starts.knownData("zhangwei");
        long cadre = ((Number) known.get("cadreId")).longValue();
        long unit = ((Number) known.get("unitId")).longValue();
        made.put("cadre", cadre);
        made.put("unit", unit);
        long campaign = campaigns.create(YEAR, "权限矩阵考核", List.of(unit), "GRASSROOTS11", "wangfang");
        String pi = starts.start(AnnualReviewStep.PROCESS_KEY, "wangfang", Map.of("campaignId", campaign, "cadreId", cadre));
        made.put("campaign", campaign);
        made.put("review", jdbc.queryForObject("SELECT id FROM appraisal_review WHERE process_instance_id = ?",
                Long.class, pi));
        made.put("startCampaign", campaigns.create(YEAR + 1, "权限矩阵考核（单个发起）", List.of(unit), "GRASSROOTS11",
                "wangfang"));
        // a unit with nobody in it: launching its campaign starts no review that other tests would meet
        long empty = org.addUnit("MATRIX-EMPTY", "权限矩阵空单位", OrgLevel.VILLAGE, unit, 0);
        made.put("emptyCampaign", campaigns.create(YEAR, "权限矩阵考核（空单位）", List.of(empty), "GRASSROOTS11",
                "wangfang"));
        UserContext zhangwei = users.context("zhangwei").orElseThrow();
        evidence.submitOwn(zhangwei, YEAR, "NEW_MEDIA_OUTREACH", BigDecimal.ONE, "矩阵", "证明.pdf",
                "%PDF-1.4 矩阵".getBytes(StandardCharsets.UTF_8));
        EvidenceService.EvidenceFile f = evidence.files(cadre, YEAR, zhangwei).get(0);
        made.put("evidence", f.evidenceId());
        made.put("file", f.id());
        // 张伟's secondment of 2013 to the county, ended: counted in the flows of 2013 for HR over him only
        long countyUnit = jdbc.queryForObject("SELECT id FROM org_unit WHERE name = '清河县'", Long.class);
        long countyPost = org.addPost(countyUnit, "权限矩阵挂职岗位", false);
        jdbc.update("INSERT INTO secondment (cadre_id, kind, home_unit_id, target_unit_id, target_post_id, start_date,"
                + " end_date, planned_end_date, reason, status, outcome, returned_on, requested_by, created_at,"
                + " updated_at) VALUES (?, 'GUAZHI', ?, ?, ?, ?, ?, ?, '矩阵', 'ENDED', 'RETURNED_HOME', ?, 'wangfang',"
                + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", cadre, unit, countyUnit, countyPost,
                java.time.LocalDate.of(YEAR, 3, 1), java.time.LocalDate.of(YEAR, 8, 31),
                java.time.LocalDate.of(YEAR, 8, 31), java.time.LocalDate.of(YEAR, 9, 1));
        made.put("unitPost", jdbc.queryForObject("SELECT MIN(id) FROM post WHERE unit_id = ?", Long.class, unit));
        made.put("secondment", jdbc.queryForObject("SELECT MAX(id) FROM secondment WHERE cadre_id = ?", Long.class,
                cadre));
        ids = made;
    }

    /** "ok", or the message key of the refusal (a row error's key for an import). */
    String answer(Call call, String username, long id) {
        try {
            call.call(this, users.context(username).orElseThrow(), id);
            return "ok";
        } catch (AppraisalException e) {
            return e.rows().isEmpty() ? e.key() : e.rows().get(0).key();
        } catch (ToleranceException e) {
            return e.problems().get(0).key();
        } catch (CadreException e) {
            return e.key();
        } catch (SecondmentException e) {
            return e.key();
        } catch (CatalogueException e) {
            return e.problems().get(0).key();
        } catch (WorkflowException e) {
            return e.errors().isEmpty() ? e.messageKey() : e.errors().get(0).messageKey();
        } catch (java.util.concurrent.CompletionException e) {
            return e.getCause() instanceof AppraisalException a ? a.key() : e.toString();
        }
    }

    /** What a refused attempt might have changed, counted. */
    Map<String, Integer> state() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String table : List.of("digital_evidence", "appraisal_campaign", "appraisal_campaign_unit",
                "appraisal_review", "tolerance_outcome", "appraisal_campaign_launch", "training_preference",
                "secondment", "secondment_report", "secondment_post_hold")) {
            counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class));
        }
        counts.put("verified", jdbc.queryForObject("SELECT COUNT(*) FROM digital_evidence WHERE verified_by IS NOT NULL",
                Integer.class));
        return counts;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void onlyTheUsersInScopeMayAndEveryoneElseIsToldTheIdDoesNotExist(String name, String idKind,
                                                                      Set<String> allowed, Call call) {
        long id = ids.get(idKind);
        for (String username : EVERYONE) {
            Map<String, Integer> before = state();
            String answer = answer(call, username, id);
            if (allowed.contains(username)) {
                assertThat(answer).as("%s by %s", name, username).isEqualTo("ok");
                continue;
            }
            assertThat(answer).as("%s by %s", name, username).isNotEqualTo("ok")
                    .isEqualTo(answer(call, username, MISSING));
            assertThat(state()).as("%s by %s changes nothing", name, username).isEqualTo(before);
        }
    }

    /**
     * The reports read no id, only the officer's scope: 张伟's move of 2013 (to the county and back) is in the flows
     * and behind them for HR over him, and for nobody else.
     */
    @org.junit.jupiter.api.Test
    void secondmentReportsShowACadresMovesOnlyToHrOverTheCadre() {
        java.time.LocalDate from = java.time.LocalDate.of(YEAR, 1, 1);
        java.time.LocalDate to = java.time.LocalDate.of(YEAR, 12, 31);
        for (String username : EVERYONE) {
            UserContext u = users.context(username).orElseThrow();
            boolean hr = username.equals("wangfang");
            assertThat(secondmentReports.flowCadres(u, from, to, null, null))
                    .as("the cadres behind %d's flows for %s", YEAR, username)
                    .extracting(SecondmentReports.Mover::cadreId)
                    .containsExactlyElementsOf(hr ? List.of(ids.get("cadre"), ids.get("cadre")) : List.of());
            assertThat(secondmentReports.flows(u, from, to)).as("the flows of %d for %s", YEAR, username)
                    .hasSize(hr ? 2 : 0);
        }
    }
}
