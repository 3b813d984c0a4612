package cn.cadreflow;

import static cn.cadreflow.TrainingRequests.request;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cadreflow.annualreview.AnnualReviewSteps;
import cn.cadreflow.annualreview.AnnualReviews;
import cn.cadreflow.annualreview.AppraisalSettings;
import cn.cadreflow.annualreview.Campaign;
import cn.cadreflow.annualreview.CampaignService;
import cn.cadreflow.annualreview.Review;
import cn.cadreflow.annualreview.internal.EvidenceImportService;
import cn.cadreflow.training.TrainingLedger;
import cn.cadreflow.trainingleave.PlannedLeaves;
import cn.cadreflow.trainingleave.TrainingLeaveService;
import cn.cadreflow.workflow.Action;
import cn.cadreflow.workflow.TimelineEntry;
import cn.cadreflow.workflow.UserDirectory;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.TaskCommands;
import cn.cadreflow.workflow.WorkflowQueries;
import cn.cadreflow.workflow.WorkflowViews;
import cn.cadreflow.security.UserService;

/**
 * The whole application under the {@code mysql} profile against a real MariaDB/MySQL server: a fresh database is
 * created for the run (and dropped afterwards), migrated from empty, used for the training-leave journey, and then
 * the application is started a second time on the same database, which must change nothing.
 *
 * <p>The application runs as it does in production, on an embedded server with a random port; the checks go
 * through its {@link DataSource} and its own services.
 *
 * <p>The server comes from {@code CADREFLOW_TEST_DB_HOST/PORT/USER/PASSWORD} (system property or environment
 * variable; defaults 127.0.0.1, 3306, root, empty password). The test fails, not skips, when the server is down.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MariaDbIT {

    static MariaDbApp db;
    static String DB;

    ConfigurableApplicationContext app;
    /** The annual-review campaign launched on MariaDB, carried on by the next test. */
    long campaignId;
    JdbcTemplate jdbc;
    ProcessStarts starts;
    TaskCommands commands;
    WorkflowQueries queries;

    /** Process instances started by the journey tests, with the course each one was for. */
    final Map<String, String> approvedInstances = new LinkedHashMap<>();

    @BeforeAll
    void createDatabaseAndStart() {
        db = MariaDbApp.create("cadreflow_it");
        DB = db.database();
        start();
    }

    @AfterAll
    void stopAndDropDatabase() {
        if (db != null) {
            db.close();
        }
    }

    void start() {
        app = db.start("--logging.level.org.flywaydb.core.internal.command=INFO");
        jdbc = new JdbcTemplate(app.getBean(DataSource.class));
        starts = app.getBean(ProcessStarts.class);
        commands = app.getBean(TaskCommands.class);
        queries = app.getBean(WorkflowQueries.class);
    }

    void stop() {
        if (app != null) {
            app.close();
            app = null;
        }
    }

    // ------------------------------------------------------------------ schema

    @Test
    @Order(1)
    void flywayMigratedTheEmptyDatabase() {
        List<Map<String, Object>> history = jdbc.queryForList(
                "SELECT version, description, type, success FROM flyway_schema_history ORDER BY installed_rank");
        assertThat(history).as("flyway_schema_history").isNotEmpty();
        assertThat(history).allSatisfy(row -> assertThat(truthy(row.get("success"))).as(row.toString()).isTrue());
        assertThat(history).extracting(row -> (String) row.get("version")).startsWith("1", "2", "3", "4", "5");
        assertThat(history.get(0)).containsEntry("type", "JDBC").containsEntry("description", "camunda engine schema");
        assertThat(history.subList(1, 5)).extracting(row -> (String) row.get("type")).containsOnly("SQL");
    }

    @Test
    @Order(2)
    void camundaTablesComeFromTheEngineScripts() throws IOException {
        for (String table : List.of("ACT_RU_TASK", "ACT_RU_EXECUTION", "ACT_HI_PROCINST", "ACT_HI_ACTINST",
                "ACT_RE_DEPLOYMENT", "ACT_RE_PROCDEF", "ACT_RE_CAMFORMDEF", "ACT_GE_PROPERTY", "ACT_RE_DECISION_DEF")) {
            assertThat(tableExists(table)).as(table).isTrue();
        }
        assertThat(jdbc.queryForObject("SELECT VALUE_ FROM ACT_GE_PROPERTY WHERE NAME_ = 'schema.version'",
                String.class)).as("schema.version").isNotBlank();
        assertThat(jdbc.queryForObject("SELECT VERSION_ FROM ACT_GE_SCHEMA_LOG WHERE ID_ = '0'", String.class))
                .as("the schema's engine version").isEqualTo(engineVersion());
        assertThat(tableExists("ACT_ID_USER")).as("identity tables are ours, not Camunda's").isFalse();
    }

    @Test
    @Order(3)
    void ourTablesAreUtf8mb4AndChineseRoundTrips() {
        for (String table : List.of("org_unit", "post", "cadre", "post_history", "app_user", "user_role",
                "workflow_action", "training_leave_request", "training_record")) {
            Map<String, Object> t = jdbc.queryForMap("SELECT t.ENGINE, t.TABLE_COLLATION, c.CHARACTER_SET_NAME"
                    + " FROM information_schema.TABLES t JOIN information_schema.COLLATION_CHARACTER_SET_APPLICABILITY c"
                    + " ON c.COLLATION_NAME = t.TABLE_COLLATION"
                    + " WHERE t.TABLE_SCHEMA = DATABASE() AND t.TABLE_NAME = ?", table);
            assertThat(t).as(table).containsEntry("ENGINE", "InnoDB")
                    .containsEntry("TABLE_COLLATION", "utf8mb4_unicode_ci").containsEntry("CHARACTER_SET_NAME", "utf8mb4");
        }
        assertThat(jdbc.queryForObject("SELECT CHARACTER_SET_NAME FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'cadre' AND COLUMN_NAME = 'name'", String.class))
                .isEqualTo("utf8mb4");

        assertThat(jdbc.queryForObject("SELECT c.name FROM cadre c JOIN app_user u ON u.cadre_id = c.id"
                + " WHERE u.username = 'zhangwei'", String.class)).isEqualTo("张伟");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM cadre WHERE name = ?", Integer.class, "张伟")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT name FROM org_unit WHERE code = '4301'", String.class)).isEqualTo("湘江市");
        // four-byte UTF-8 (outside the BMP) needs real utf8mb4, not MySQL's three-byte utf8
        String rare = "𠀀𪚥 培训 ✓";
        assertThat(jdbc.queryForObject("SELECT CAST(? AS CHAR CHARACTER SET utf8mb4)", String.class, rare)).isEqualTo(rare);
    }

    @Test
    @Order(4)
    void connectionsRunReadCommittedWithCamundasUrlSettings() throws SQLException {
        String isolation = jdbc.queryForObject("SELECT @@SESSION.tx_isolation", String.class);
        assertThat(isolation).isEqualTo("READ-COMMITTED");
        try (Connection c = app.getBean(DataSource.class).getConnection()) {
            assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
            String url = c.getMetaData().getURL();
            assertThat(url).contains("/" + DB + "?").contains("sendFractionalSeconds=false")
                    .doesNotContainIgnoringCase("rewriteBatchedStatements");
            assertThat(c.getMetaData().getDatabaseProductVersion()).as("server").isNotBlank();
        }
    }

    // ------------------------------------------------------------------ the journey

    WorkflowViews.TaskSummary only(String user, String processInstanceId) {
        List<WorkflowViews.TaskSummary> tasks = queries.inbox(user, 0, 100).stream()
                .filter(t -> t.processInstanceId().equals(processInstanceId)).toList();
        assertThat(tasks).as(user + "'s tasks for " + processInstanceId).hasSize(1);
        return tasks.get(0);
    }

    void approveByLeaderAndHr(String pi) {
        WorkflowViews.TaskSummary leader = only("lijun", pi);
        assertThat(leader.stepKey()).isEqualTo("leaderApproval");
        commands.decide(leader.taskId(), "lijun", true, "同意，工作已安排。");
        WorkflowViews.TaskSummary hr = only("wangfang", pi);
        assertThat(hr.stepKey()).isEqualTo("hrApproval");
        commands.decide(hr.taskId(), "wangfang", true, "同意。");
    }

    /**
     * The approved leave runs on: the cadre names a substitute (工作交接), the first day comes (its timer), the course
     * took place (its dates move to the past) with every day recorded by HR, the hours are credited, the cadre
     * reports and the leader reads it; its start.
     */
    LocalDate completeCourse(String pi) {
        long requestId = jdbc.queryForObject("SELECT id FROM training_leave_request WHERE process_instance_id = ?",
                Long.class, pi);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM training_record WHERE request_id = ?", Integer.class,
                requestId)).as("approved, not yet attended").isZero();
        assertThat(only("zhangwei", pi).stepKey()).isEqualTo("handover");
        PlannedLeaves leaves = app.getBean(PlannedLeaves.class);
        leaves.handOver("zhangwei", requestId, leaves.colleagues("zhangwei", requestId).get(0).cadreId(),
                "党政办文件收发交由同事代管。");
        ManagementService management = app.getBean(ManagementService.class);
        management.executeJob(management.createJobQuery().processInstanceId(pi).timers().activityId("leaveStarts")
                .singleResult().getId());
        LocalDate start = LocalDate.now().minusDays(2);
        jdbc.update("UPDATE training_leave_request SET start_date = ?, end_date = ? WHERE id = ?", start,
                LocalDate.now(), requestId);
        for (int day = 0; day < 3; day++) {
            leaves.recordDay("wangfang", requestId, start.plusDays(day), java.math.BigDecimal.ONE,
                    java.math.BigDecimal.ZERO);
        }
        leaves.finishAttendance("wangfang", requestId);
        commands.submitForm(only("zhangwei", pi).taskId(), "zhangwei", Map.of("learningReport", "完成全部课程。"));
        commands.submitForm(only("lijun", pi).taskId(), "lijun", Map.of("readNote", "已阅。"));
        return start;
    }

    void assertApprovedWithLedgerRow(String pi, String course, LocalDate start) {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_EXECUTION WHERE PROC_INST_ID_ = ?",
                Integer.class, pi)).as("runtime executions left").isZero();
        Map<String, Object> hi = jdbc.queryForMap(
                "SELECT END_ACT_ID_, END_TIME_, STATE_ FROM ACT_HI_PROCINST WHERE PROC_INST_ID_ = ?", pi);
        assertThat(hi).containsEntry("END_ACT_ID_", "planCompleted").containsEntry("STATE_", "COMPLETED");
        assertThat(hi.get("END_TIME_")).isNotNull();
        WorkflowViews.InstanceSummary mine = queries.started("zhangwei", 0, 100).stream()
                .filter(i -> i.processInstanceId().equals(pi)).findFirst().orElseThrow();
        assertThat(mine.running()).isFalse();
        assertThat(mine.outcomeKey()).isEqualTo("planCompleted");

        Map<String, Object> request = jdbc.queryForMap(
                "SELECT id, status, course_name FROM training_leave_request WHERE process_instance_id = ?", pi);
        assertThat(request).containsEntry("course_name", course);
        Map<String, Object> ledger = jdbc.queryForMap("SELECT r.course_name, r.start_date, r.hours, c.name"
                + " FROM training_record r JOIN cadre c ON c.id = r.cadre_id WHERE r.request_id = ?", request.get("id"));
        assertThat(ledger).containsEntry("course_name", course).containsEntry("name", "张伟");
        assertThat(ledger.get("start_date").toString()).isEqualTo(start.toString());
    }

    @Test
    @Order(10)
    void trainingLeaveApprovedByLeaderAndHrReachesTheLedger() {
        String course = "数字政府建设专题班";
        LocalDate start = LocalDate.now().plusDays(30);
        String pi = starts.start(TrainingLeaveService.PROCESS_KEY, "zhangwei", request(course, start, 3, 24));
        approveByLeaderAndHr(pi);

        assertApprovedWithLedgerRow(pi, course, completeCourse(pi));
        assertThat(queries.instance(pi, "zhangwei").timeline()).extracting(TimelineEntry::action)
                .containsExactly(Action.SUBMIT, Action.APPROVE, Action.APPROVE, Action.SUBMIT_FORM, Action.SUBMIT_FORM,
                        Action.SUBMIT_FORM, Action.SUBMIT_FORM);
        approvedInstances.put(pi, course);
    }

    @Test
    @Order(11)
    void rejectedRequestIsResubmittedAndThenApproved() {
        String course = "乡村振兴专题班";
        LocalDate start = LocalDate.now().plusDays(60);
        String pi = starts.start(TrainingLeaveService.PROCESS_KEY, "zhangwei", request(course, start, 2, 16));
        commands.decide(only("lijun", pi).taskId(), "lijun", false, "时间与防汛值班冲突，请调整。");

        WorkflowViews.TaskSummary revise = only("zhangwei", pi);
        assertThat(revise.stepKey()).isEqualTo("revise");
        assertThat(jdbc.queryForObject("SELECT status FROM training_leave_request WHERE process_instance_id = ?",
                String.class, pi)).isEqualTo("RETURNED");
        LocalDate moved = start.plusDays(7);
        commands.resubmit(revise.taskId(), "zhangwei", request(course, moved, 2, 16), "已调整时间");
        approveByLeaderAndHr(pi);

        assertApprovedWithLedgerRow(pi, course, completeCourse(pi));
        assertThat(queries.instance(pi, "zhangwei").timeline()).extracting(TimelineEntry::action)
                .containsExactly(Action.SUBMIT, Action.REJECT, Action.RESUBMIT, Action.APPROVE, Action.APPROVE,
                        Action.SUBMIT_FORM, Action.SUBMIT_FORM, Action.SUBMIT_FORM, Action.SUBMIT_FORM);
        assertThat(jdbc.queryForObject("SELECT opinion FROM workflow_action WHERE process_instance_id = ?"
                + " AND action = ?", String.class, pi, Action.REJECT.name())).isEqualTo("时间与防汛值班冲突，请调整。");
        approvedInstances.put(pi, course);
    }

    // ------------------------------------------------------------------ restart

    Map<String, Object> snapshot() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("flyway", jdbc.queryForList("SELECT installed_rank, version, checksum, installed_on, success"
                + " FROM flyway_schema_history ORDER BY installed_rank"));
        s.put("deployments", jdbc.queryForList("SELECT ID_, NAME_ FROM ACT_RE_DEPLOYMENT ORDER BY ID_"));
        s.put("trainingLeave versions", jdbc.queryForList(
                "SELECT VERSION_ FROM ACT_RE_PROCDEF WHERE KEY_ = ? ORDER BY VERSION_", Integer.class,
                TrainingLeaveService.PROCESS_KEY));
        s.put("process definitions", count("ACT_RE_PROCDEF"));
        s.put("forms", jdbc.queryForList("SELECT KEY_, VERSION_ FROM ACT_RE_CAMFORMDEF ORDER BY KEY_, VERSION_"));
        s.put("resources", count("ACT_GE_BYTEARRAY WHERE DEPLOYMENT_ID_ IS NOT NULL"));
        for (String table : List.of("org_unit", "post", "cadre", "post_history", "app_user", "user_role",
                "training_leave_request", "workflow_action", "ACT_HI_PROCINST", "ACT_HI_ACTINST", "ACT_HI_TASKINST")) {
            s.put(table, count(table));
        }
        s.put("ledger", jdbc.queryForList("SELECT id, cadre_id, course_name, start_date, request_id"
                + " FROM training_record ORDER BY id"));
        return s;
    }

    /** The annual review's SQL (batched launch, scores, DMN, quota count, evidence import) on MariaDB. */
    @Test
    @Order(12)
    void annualReviewCampaignRunsOnMariaDb() {
        CampaignService campaigns = app.getBean(CampaignService.class);
        AnnualReviews appraisal = app.getBean(AnnualReviews.class);
        EvidenceImportService evidence = app.getBean(EvidenceImportService.class);
        TaskService tasks = app.getBean(TaskService.class);
        long unit = ((Number) starts.knownData("zhangwei").get("unitId")).longValue();
        long cadre = ((Number) starts.knownData("zhangwei").get("cadreId")).longValue();
        int year = LocalDate.now().getYear();
        evidence.importFile("evidence.csv", ("干部编号,指标编码,数值,说明\n" + cadre + ",PLATFORM_USAGE,150,湘政通导出\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), year,
                app.getBean(UserService.class).context("wangfang").orElseThrow());

        Campaign campaign = campaigns.launch(
                campaigns.create(year, year + "年度青山镇干部考核", List.of(unit), "GRASSROOTS11", "wangfang"), "wangfang");
        campaignId = campaign.id();
        assertThat(campaign.status()).isEqualTo("RUNNING");
        assertThat(campaign.launchedCount()).isEqualTo(campaign.totalCount()).isGreaterThan(1);
        assertThat(campaigns.launch(campaign.id(), "wangfang", 2, Integer.MAX_VALUE).launchedCount()).isEqualTo(campaign.totalCount());
        Review review = appraisal.reviewOf(campaign.id(), cadre).orElseThrow();
        String pi = review.processInstanceId();

        Map<String, Object> self = new HashMap<>(Map.of("selfReport", "全年工作述职。"));
        app.getBean(AppraisalSettings.class).items("GRASSROOTS11").forEach(i -> self.put("self_" + i.code(), 88));
        commands.submitForm(openTask(tasks, pi), "zhangwei", self);
        commands.submitForm(openTask(tasks, pi), "lijun", Map.of("peerVote", "称职", "peerScore", 86));
        commands.submitForm(openTask(tasks, pi), "lijun",
                Map.of("leaderScore", 84, "proposedGrade", "称职", "leaderOpinion", "工作扎实。"));
        commands.submitForm(openTask(tasks, pi), "wangfang", Map.of("hrGrade", "称职", "hrOpinion", "同意。"));
        assertThat(tasks.createTaskQuery().processInstanceId(pi).singleResult().getTaskDefinitionKey())
                .isEqualTo("committeeDecision");
        AnnualReviewSteps steps = app.getBean(AnnualReviewSteps.class);
        Review scored = appraisal.review(review.id());
        // 150 of 200 active days on 湘政通: 22.5 of the indicator's 30 points, plus any digital courses in the ledger
        assertThat(appraisal.indicatorScores(cadre, year).get("PLATFORM_USAGE").weighted()).isEqualByComparingTo("22.5");
        assertThat(scored.digitalScore()).isGreaterThanOrEqualTo(new java.math.BigDecimal("22.5"))
                .isEqualByComparingTo(java.math.BigDecimal.valueOf(steps.digitalScore(review.id())));
        assertThat(scored.totalScore()).isNotNull();
        assertThat(scored.suggestedGrade()).isNotBlank();
        assertThat(scored.peerVotes()).isEqualTo(1);
    }

    /**
     * The rest of the campaign, for every cadre of the township: each open step is done by whoever holds it or
     * may take it, the notice period is let run out, and every review ends filed in its cadre's file.
     */
    @Test
    @Order(13)
    void theWholeCampaignForASmallUnitIsFiled() {
        AnnualReviews appraisal = app.getBean(AnnualReviews.class);
        TaskService tasks = app.getBean(TaskService.class);
        ManagementService management = app.getBean(ManagementService.class);
        UserDirectory directory = app.getBean(UserDirectory.class);
        List<Long> cadres = jdbc.queryForList("SELECT cadre_id FROM appraisal_review WHERE campaign_id = ?",
                Long.class, campaignId);
        assertThat(cadres).hasSizeGreaterThan(1);
        Map<String, Object> self = new HashMap<>(Map.of("selfReport", "全年工作述职。"));
        app.getBean(AppraisalSettings.class).items("GRASSROOTS11").forEach(i -> self.put("self_" + i.code(), 85));
        for (long cadreId : cadres) {
            Review review = appraisal.reviewOf(campaignId, cadreId).orElseThrow();
            String pi = review.processInstanceId();
            for (int step = 0; step < 40 && runtime(pi); step++) {
                List<org.camunda.bpm.engine.task.Task> open = tasks.createTaskQuery().processInstanceId(pi).list();
                if (open.isEmpty()) {
                    // waiting on a timer: the notice period or the 复核 window runs out
                    management.createJobQuery().processInstanceId(pi).timers().list()
                            .forEach(job -> management.executeJob(job.getId()));
                    continue;
                }
                org.camunda.bpm.engine.task.Task task = open.get(0);
                String actor = task.getAssignee() != null ? task.getAssignee() : tasks.getIdentityLinksForTask(task.getId())
                        .stream().filter(l -> l.getGroupId() != null)
                        .flatMap(l -> directory.memberIds(l.getGroupId()).stream()).findFirst()
                        .orElseThrow(() -> new AssertionError("nobody can do " + task.getTaskDefinitionKey()
                                + " for cadre " + cadreId));
                switch (task.getTaskDefinitionKey()) {
                    case "selfReport" -> commands.submitForm(task.getId(), actor, self);
                    case "peerRating" -> commands.submitForm(task.getId(), actor,
                            Map.of("peerVote", "称职", "peerScore", 85));
                    case "leaderRating" -> commands.submitForm(task.getId(), actor,
                            Map.of("leaderScore", 85, "proposedGrade", "称职", "leaderOpinion", "工作扎实。"));
                    case "hrReview" -> commands.submitForm(task.getId(), actor,
                            Map.of("hrGrade", "称职", "hrOpinion", "同意。"));
                    case "committeeDecision" -> commands.submitForm(task.getId(), actor,
                            Map.of("finalGrade", "称职", "committeeOpinion", "党委会研究同意。"));
                    case "objectionWatch" -> management.createJobQuery().processInstanceId(pi).timers().list()
                            .forEach(job -> management.executeJob(job.getId()));
                    case "resultNotice" -> commands.submitForm(task.getId(), actor, Map.of("requestRecheck", false));
                    default -> throw new AssertionError("unexpected step " + task.getTaskDefinitionKey());
                }
            }
            assertThat(runtime(pi)).as("review of cadre " + cadreId + " ended").isFalse();
            Review filed = appraisal.review(review.id());
            assertThat(filed.status()).as("cadre " + cadreId).isEqualTo("FILED");
            assertThat(filed.finalGrade()).isEqualTo("称职");
            assertThat(appraisal.reviewsOfCadre(cadreId)).extracting(Review::id).contains(review.id());
        }
    }

    boolean runtime(String processInstanceId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_EXECUTION WHERE PROC_INST_ID_ = ?", Integer.class,
                processInstanceId) > 0;
    }

    static String openTask(TaskService tasks, String processInstanceId) {
        return tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
    }

    @Test
    @Order(20)
    void restartOnTheSameDatabaseChangesNothing() {
        assertThat(approvedInstances).as("the journeys ran first").hasSize(2);
        // every form and process deployed once, however many there are (the annual review brought ten forms)
        assertThat(jdbc.queryForList("SELECT VERSION_ FROM ACT_RE_CAMFORMDEF WHERE KEY_ = 'trainingLeave'",
                Integer.class)).containsExactly(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RE_CAMFORMDEF WHERE VERSION_ > 1", Integer.class))
                .isZero();
        assertThat(jdbc.queryForList("SELECT VERSION_ FROM ACT_RE_PROCDEF WHERE KEY_ = ?", Integer.class,
                TrainingLeaveService.PROCESS_KEY)).containsExactly(1);
        assertThat(jdbc.queryForList("SELECT VERSION_ FROM ACT_RE_PROCDEF WHERE KEY_ = 'annualReview'",
                Integer.class)).containsExactly(1);
        assertThat(jdbc.queryForList("SELECT VERSION_ FROM ACT_RE_DECISION_DEF WHERE KEY_ = 'annualReviewGrade'",
                Integer.class)).containsExactly(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM appraisal_framework_item", Integer.class))
                .isEqualTo(11 + 8 + 7);
        Map<String, Object> before = snapshot();

        stop();
        start();

        Map<String, Object> after = snapshot();
        List<String> changed = new ArrayList<>();
        before.forEach((k, v) -> {
            if (!v.equals(after.get(k))) {
                changed.add(k + ": " + v + " -> " + after.get(k));
            }
        });
        assertThat(changed).as("what the second start changed").isEmpty();
        assertThat(count("cadre WHERE name = '张伟'")).isEqualTo(1);
        assertThat(count("app_user WHERE username = 'zhangwei'")).isEqualTo(1);

        // the journeys' data survived and reads back through the application
        approvedInstances.forEach((pi, course) -> {
            WorkflowViews.InstanceSummary mine = queries.started("zhangwei", 0, 100).stream()
                    .filter(i -> i.processInstanceId().equals(pi)).findFirst().orElseThrow();
            assertThat(mine.outcomeKey()).as(course).isEqualTo("planCompleted");
            assertThat(queries.instance(pi, "zhangwei").timeline()).as(course).isNotEmpty();
            assertThat(queries.diagram(pi, "zhangwei").completed()).contains("leaderApproval", "hrApproval", "handover", "attendance", "planCompleted");
        });
        long cadreId = jdbc.queryForObject("SELECT cadre_id FROM app_user WHERE username = 'zhangwei'", Long.class);
        assertThat(app.getBean(TrainingLedger.class).ledger(cadreId)).extracting(r -> r.courseName())
                .containsAll(approvedInstances.values());

        // and the restarted application still works on it
        String pi = starts.start(TrainingLeaveService.PROCESS_KEY, "zhangwei",
                request("应急管理专题班", LocalDate.now().plusDays(90), 1, 8));
        approveByLeaderAndHr(pi);
        assertApprovedWithLedgerRow(pi, "应急管理专题班", completeCourse(pi));
    }

    @Test
    @Order(21)
    void aDatabaseOfTheReleaseBeforeIsUpgradedToCadreFlowsHistoryLevel() {
        assertThat(jdbc.queryForObject("SELECT VALUE_ FROM ACT_GE_PROPERTY WHERE NAME_ = 'historyLevel'", String.class))
                .as("a new database starts at CadreFlow's level").isEqualTo("20");
        try (MariaDbApp older = MariaDbApp.create("cadreflow_upgrade")) {
            // the schema and engine settings of the release before: migrations up to V9, history level FULL. (No
            // request is started on it: today's task read model writes columns that later migrations add, so only an
            // older build could; StrandedInstancesTest covers instances of older models going on. Nor is the demo data
            // loaded: today's cadres carry columns of later migrations too; the upgraded start loads it.)
            ConfigurableApplicationContext before = older.start("--spring.flyway.target=9",
                    "--camunda.bpm.history-level=full", "--cadreflow.demo-data=false");
            JdbcTemplate sql = new JdbcTemplate(before.getBean(DataSource.class));
            assertThat(sql.queryForObject("SELECT VALUE_ FROM ACT_GE_PROPERTY WHERE NAME_ = 'historyLevel'",
                    String.class)).isEqualTo("3");
            before.close();

            ConfigurableApplicationContext after = older.start();
            sql = new JdbcTemplate(after.getBean(DataSource.class));
            assertThat(sql.queryForList("SELECT version FROM flyway_schema_history WHERE success = TRUE"
                    + " AND version IS NOT NULL", String.class)).contains("10", "11", "17");
            assertThat(sql.queryForObject("SELECT VALUE_ FROM ACT_GE_PROPERTY WHERE NAME_ = 'historyLevel'",
                    String.class)).isEqualTo("20");
            // and the upgraded database takes requests through to the next step
            String pi = after.getBean(ProcessStarts.class).start(TrainingLeaveService.PROCESS_KEY, "zhangwei",
                    request("升级后提交的申请", LocalDate.now().plusDays(150), 1, 8));
            WorkflowQueries upgraded = after.getBean(WorkflowQueries.class);
            WorkflowViews.TaskSummary leaderTask = upgraded.inbox("lijun", 0, 100).stream()
                    .filter(t -> t.processInstanceId().equals(pi)).findFirst().orElseThrow();
            after.getBean(TaskCommands.class).decide(leaderTask.taskId(), "lijun", true, "同意。");
            assertThat(upgraded.inbox("wangfang", 0, 100)).anyMatch(t -> t.processInstanceId().equals(pi));
        }
    }

    // ------------------------------------------------------------------ helpers

    int count(String tableAndWhere) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + tableAndWhere, Integer.class);
    }

    boolean tableExists(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = DATABASE() AND UPPER(TABLE_NAME) = UPPER(?)", Integer.class, table) == 1;
    }

    static boolean truthy(Object value) {
        return value instanceof Boolean b ? b : value instanceof Number n && n.intValue() != 0;
    }

    static String engineVersion() throws IOException {
        Properties p = new Properties();
        try (InputStream in = MariaDbIT.class.getResourceAsStream("/org/camunda/bpm/engine/product-info.properties")) {
            assertThat(in).as("camunda product-info.properties").isNotNull();
            p.load(in);
        }
        return p.getProperty("camunda.version");
    }
}
