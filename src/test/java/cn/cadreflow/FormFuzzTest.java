package cn.cadreflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cadreflow.annualreview.AnnualReviewStep;
import cn.cadreflow.annualreview.AppraisalSettings;
import cn.cadreflow.annualreview.CampaignService;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.secondment.SecondmentFixture;
import cn.cadreflow.secondment.SecondmentKind;
import cn.cadreflow.secondment.SecondmentSteps;
import cn.cadreflow.security.UserService;
import cn.cadreflow.tolerance.ToleranceStep;
import cn.cadreflow.trainingleave.PlannedLeave;
import cn.cadreflow.trainingleave.PlannedLeaves;
import cn.cadreflow.workflow.FormDefinition;
import cn.cadreflow.workflow.FormError;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.TaskCommands;
import cn.cadreflow.workflow.WorkflowException;
import cn.cadreflow.workflow.WorkflowQueries;

/**
 * Every shipped form, {@value #RUNS} random and hostile submissions each (wrong types, huge strings, unknown keys,
 * the processes' own variable names, control characters, emoji, broken UTF-16, SQL and HTML), sent the way the UI
 * sends them: {@link ProcessStarts#start} and {@link TaskCommands#submitForm} (and {@link TaskCommands#resubmit}) by
 * a real user on a real instance. Each must be refused with the project's own exception naming the broken fields in
 * messages both languages have, never a server error, and leave everything as it was: no instance, no task moved,
 * no variable, no record. Then the valid submission, with the hostile noise still in it, is accepted and none of
 * the noise reaches the instance.
 *
 * <p>The random is seeded; the seed is printed and {@code -Dfuzz.seed=…} replays a run. The annual review runs for a
 * cadre of 云溪街道 without an account, so 孙丽 (HR of 云溪县) reports, rates and decides for him, on a campaign of
 * the current year over 云溪街道 that no other test touches.
 */
@CadreFlowTest
class FormFuzzTest {

    static final int RUNS = 1000;
    static final long SEED = Long.getLong("fuzz.seed", new Random().nextLong());
    static final String HR = "sunli";
    static final String CADRE_USER = "zhangwei";
    static final String TOLERANCE_HR = "wangfang";
    static final String DISCIPLINE = "zhaomin";
    /** The value every piece of noise in an accepted submission carries; it must never reach the instance. */
    static final String HOSTILE = "HOSTILE-NOISE";
    /** Variable names the processes and the engine use for themselves. */
    static final Set<String> ENGINE_NAMES = Set.of(ProcessStarts.INITIATOR, "subject", "reviewId", "cadreUser",
            "cadreId", "cadreName", "unitId", "unitName", "campaignId", "requestId", "businessKey",
            TaskCommands.APPROVED, TaskCommands.RESUBMIT, "hrGroup", "rater", "nrOfInstances",
            "nrOfCompletedInstances", "nrOfActiveInstances", "loopCounter", "noticeEnd", "quotaStatus",
            "suggestedGrade", "suggestedReason", "totalScore", "digitalScore", "finalGrade", "cf_ownerApproved",
            "courseName", "hours", ToleranceStep.CASE_ID, "kind", "accepted", "investigator", "declineAppealed",
            "proposedOutcome", "proposedReason", "needsPlan", "wantsPlan", "appeal", "appealDecline", "verified",
            "toleranceSteps",
            "execution", "task", "annualReviewSteps", "trainingLeaveSteps", "decisionResult", "processInstanceId",
            "secondmentId", "secondmentSteps", "sendingLeaderGroup", "receivingLeaderGroup", "targetUnitName");

    @Autowired
    ProcessStarts starts;
    @Autowired
    TaskCommands commands;
    @Autowired
    WorkflowQueries queries;
    @Autowired
    CampaignService campaigns;
    @Autowired
    AppraisalSettings settings;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    ManagementService management;
    @Autowired
    MessageSource messages;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OrgService org;
    @Autowired
    CadreService cadres;
    @Autowired
    UserService users;
    @Autowired
    PlannedLeaves plannedLeaves;

    final HostileForms hostile = new HostileForms(SEED);
    final Set<String> knownKeys = new HashSet<>();

    @BeforeAll
    static void seed() {
        System.out.println("FormFuzzTest seed " + SEED + " (replay: -Dfuzz.seed=" + SEED + ")");
    }

    @Test
    void everyShippedFormIsFuzzedHere() throws IOException {
        Set<String> shipped = new TreeSet<>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
            try (InputStream in = r.getInputStream()) {
                shipped.add(FormDefinition.parse(in).id());
            }
        }
        assertThat(shipped).as("a new form needs a driver in this test").containsExactlyInAnyOrder(
                "trainingLeave", "annualReviewStart", "annualReviewSelf", "annualReviewPeer", "annualReviewLeader",
                "annualReviewHr", "annualReviewCommittee", "annualReviewObjection", "annualReviewObjectionCheck",
                "annualReviewNotice", "annualReviewRecheck", "trainingLeaveCompletion", "secondment",
                "secondmentCheckIn", "secondmentEvaluation", "secondmentReturn", "toleranceOpen",
                "toleranceAcceptance", "toleranceDeclineNotice", "toleranceStatement", "toleranceInvestigation",
                "toleranceCommittee", "toleranceOutcomeNotice", "toleranceAppealReview", "toleranceCorrectionPlan",
                "toleranceVerification", "trainingLeaveHandover", "trainingLeaveAttendance", "trainingLeaveReport",
                "trainingLeaveReportRead");
    }

    @Test
    void trainingLeaveRequestsHoldOnStartAndOnResubmission() {
        FormDefinition form = starts.startForm("trainingLeave", CADRE_USER).form();
        fuzz(form, request(), values -> starts.start("trainingLeave", CADRE_USER, values), null);
        String pi = starts.start("trainingLeave", CADRE_USER, noisy(form, request()));
        assertNoNoise(pi, CADRE_USER);

        String leader = openTask(pi, "leaderApproval").getId();
        commands.decide(leader, "lijun", false, "请补充工作安排");
        String revise = openTask(pi, "revise").getId();
        fuzz(form, request(), values -> commands.resubmit(revise, CADRE_USER, values, "已补充"), revise);
        commands.resubmit(revise, CADRE_USER, noisy(form, request()), "已补充");
        assertNoNoise(pi, CADRE_USER);
        assertThat(openTask(pi, "leaderApproval")).isNotNull();

        // approved: the cadre's 工作交接 follows (its form is fuzzed with the planned leave below)
        commands.decide(openTask(pi, "leaderApproval").getId(), "lijun", true, "同意");
        commands.decide(openTask(pi, "hrApproval").getId(), "wangfang", true, "同意");
        assertThat(openTask(pi, "handover")).isNotNull();
    }

    /**
     * A leave of a published plan (张伟, a plan id no real plan has): the handover (the substitute named beforehand,
     * as the picker does), its revision after the leader's 不同意, the attendance once every day is recorded and the
     * course is over, the learning report and the leader's reading.
     */
    @Test
    void everyStepOfAPlannedTrainingLeaveHolds() {
        long cadreId = users.find(CADRE_USER).orElseThrow().cadreId();
        long unitId = cadres.find(cadreId).orElseThrow().unitId();
        long colleague = jdbc.queryForObject("SELECT MIN(id) FROM cadre WHERE unit_id = ? AND status = 'ACTIVE'"
                + " AND id <> ?", Long.class, unitId, cadreId);
        long planId = 8_000_001L;
        LocalDate start = TrainingRequests.nextFreeStart();
        plannedLeaves.planPublished(planId, List.of(new PlannedLeave(planId, cadreId, 8_000_001L, "模糊测试·计划培训",
                start, start.plusDays(4), "青山镇新村", java.math.BigDecimal.valueOf(35), true)), "wangfang");
        String pi = jdbc.queryForObject("SELECT process_instance_id FROM training_leave_request WHERE plan_id = ?",
                String.class, planId);
        long requestId = jdbc.queryForObject("SELECT id FROM training_leave_request WHERE plan_id = ?", Long.class,
                planId);
        jdbc.update("UPDATE training_leave_request SET substitute_cadre_id = ? WHERE id = ?", colleague, requestId);
        step(pi, "handover", CADRE_USER, CADRE_USER, Map.of("handover", "村集体经济台账交由同事代管。"));

        commands.decide(openTask(pi, "planLeaderApproval").getId(), "lijun", false, "请补充交接事项");
        String revise = openTask(pi, "handoverRevise").getId();
        FormDefinition handover = queries.task(revise, CADRE_USER).form();
        Map<String, Object> revised = Map.of("handover", "补充：党建台账也交由同事代管。");
        fuzz(handover, revised, values -> commands.resubmit(revise, CADRE_USER, values, "已补充"), revise);
        commands.resubmit(revise, CADRE_USER, noisy(handover, revised), "已补充");
        assertNoNoise(pi, CADRE_USER);

        commands.decide(openTask(pi, "planLeaderApproval").getId(), "lijun", true, "同意");
        management.executeJob(management.createJobQuery().processInstanceId(pi).timers().activityId("leaveStarts")
                .singleResult().getId());
        for (int day = 0; day < 5; day++) {
            plannedLeaves.recordDay("wangfang", requestId, start.plusDays(day), java.math.BigDecimal.valueOf(7),
                    java.math.BigDecimal.ZERO);
        }
        jdbc.update("UPDATE training_leave_request SET start_date = ?, end_date = ? WHERE id = ?",
                LocalDate.now().minusDays(4), LocalDate.now(), requestId);
        step(pi, "attendance", "wangfang", CADRE_USER, Map.of("attendanceNote", "全勤。"));
        step(pi, "learningReport", CADRE_USER, CADRE_USER, Map.of("learningReport", "同吃同住同劳动，收获很大。"));
        step(pi, "reportRead", "lijun", CADRE_USER, Map.of("readNote", "已阅。"));
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult().getEndActivityId())
                .isEqualTo("planCompleted");
    }

    @Test
    void everyStepOfAnAnnualReviewHolds() {
        long unit = jdbc.queryForObject("SELECT id FROM org_unit WHERE name = '云溪街道'", Long.class);
        long cadre = jdbc.queryForObject("SELECT MIN(c.id) FROM cadre c WHERE c.unit_id = ? AND c.status = 'ACTIVE'"
                + " AND NOT EXISTS (SELECT 1 FROM app_user u WHERE u.cadre_id = c.id)", Long.class, unit);
        int year = LocalDate.now().getYear();
        long campaign = campaigns.create(year, year + "年度云溪街道干部考核（表单模糊测试）", List.of(unit), "GRASSROOTS11", HR);
        Map<String, Object> start = Map.of("campaignId", campaign, "cadreId", cadre);

        FormDefinition startForm = starts.startForm(AnnualReviewStep.PROCESS_KEY, HR).form();
        fuzz(startForm, start, values -> starts.start(AnnualReviewStep.PROCESS_KEY, HR, values), null);
        String pi = starts.start(AnnualReviewStep.PROCESS_KEY, HR, noisy(startForm, start));
        assertNoNoise(pi, HR);

        Map<String, Object> self = new HashMap<>(Map.of("selfReport", "代录：全年完成社区治理各项工作。"));
        settings.items("GRASSROOTS11").forEach(i -> self.put("self_" + i.code(), 80));
        step(pi, AnnualReviewStep.SELF_REPORT, self);
        step(pi, AnnualReviewStep.PEER_RATING, Map.of("peerVote", "称职", "peerScore", 80));
        String grade = (String) history.createHistoricVariableInstanceQuery().processInstanceId(pi)
                .variableName("suggestedGrade").singleResult().getValue();
        step(pi, AnnualReviewStep.LEADER_RATING, Map.of("leaderScore", 80, "proposedGrade", grade,
                "leaderOpinion", "工作扎实。"));
        step(pi, AnnualReviewStep.HR_REVIEW, Map.of("hrGrade", grade, "hrOpinion", "同意。"));
        step(pi, AnnualReviewStep.COMMITTEE_DECISION, Map.of("finalGrade", grade, "committeeOpinion", "经研究确定。"));
        step(pi, AnnualReviewStep.OBJECTION_WATCH, Map.of("objectionReason", "群众反映一项工作未按期完成。"));
        step(pi, AnnualReviewStep.OBJECTION_CHECK, Map.of("objectionFinding", "经核查不属实。", "objectionUpheld", false));
        // 公示 runs out
        management.executeJob(management.createJobQuery().processInstanceId(pi).timers()
                .activityId(AnnualReviewStep.NOTICE_OVER).singleResult().getId());
        step(pi, AnnualReviewStep.RESULT_NOTICE, Map.of("requestRecheck", true, "recheckReason", "请求复核测评结果。"));
        step(pi, AnnualReviewStep.RECHECK, Map.of("recheckGrade", grade, "recheckOpinion", "维持原等次。"));
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult().getEndActivityId())
                .isEqualTo(AnnualReviewStep.FILED);
    }

    @Test
    void everyFormOfASecondmentHolds() {
        SecondmentFixture f = SecondmentFixture.ensure(org, cadres, users, jdbc);
        LocalDate from = SecondmentFixture.window(3);
        LocalDate to = from.plusYears(1).minusDays(1);
        Map<String, Object> request = SecondmentFixture.request(null, SecondmentKind.GUAZHI, f.newHostPost(org),
                from, to);
        FormDefinition form = starts.startForm(SecondmentSteps.PROCESS_KEY, "gz1").form();
        fuzz(form, request, values -> starts.start(SecondmentSteps.PROCESS_KEY, "gz1", values), null);
        String pi = starts.start(SecondmentSteps.PROCESS_KEY, "gz1", noisy(form, request));
        assertNoNoise(pi, "gz1");
        commands.decide(openTask(pi, "sendingApproval").getId(), SecondmentFixture.LEADER, true, "同意。");
        commands.decide(openTask(pi, "receivingApproval").getId(), SecondmentFixture.HOST, true, "同意。");
        commands.decide(openTask(pi, "hrApproval").getId(), SecondmentFixture.HR, true, "同意。");
        try {
            runJobsOn(pi, from);
            runJobsOn(pi, from.plusMonths(1).plusDays(1));
            step(pi, "checkIn", "gz1", Map.of("report", "完成调研。"));
            runJobsOn(pi, from.plusMonths(6).plusDays(1));
            step(pi, "midTermEvaluation", SecondmentFixture.HOST, Map.of("rating", "GOOD", "evaluation", "扎实。"));
            runJobsOn(pi, to.minusDays(59));
            step(pi, "returnDecision", SecondmentFixture.HR, Map.of("decision", "RETURN", "decisionNote", "返回。"));
        } finally {
            ClockUtil.reset();
        }
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult().getEndActivityId())
                .isEqualTo("returnedHome");
    }

    /** Moves the engine's clock to the morning of the day and runs the instance's jobs then due, one at a time. */
    void runJobsOn(String pi, LocalDate day) {
        ClockUtil.setCurrentTime(java.util.Date.from(day.atTime(8, 0).atZone(java.time.ZoneId.systemDefault())
                .toInstant()));
        for (int i = 0; i < 100; i++) {
            List<Job> due = management.createJobQuery().processInstanceId(pi).executable().orderByJobDuedate().asc()
                    .listPage(0, 1);
            if (due.isEmpty()) {
                return;
            }
            management.executeJob(due.get(0).getId());
        }
    }

    /** Fuzzes the step's form on the user's open task, then submits the valid values with noise to move on. */
    void step(String pi, String stepKey, String user, Map<String, Object> valid) {
        String task = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(stepKey).list().get(0).getId();
        FormDefinition form = queries.task(task, user).form();
        fuzz(form, valid, values -> commands.submitForm(task, user, values), task);
        commands.submitForm(task, user, noisy(form, valid));
        assertNoNoise(pi, "gz1");
    }

    /**
     * The 容错纠错 process along two paths that open every one of its forms. 张伟 applies and is declined by 王芳
     * (HR of 清河县); he lets the refusal stand. 王芳 registers a 问责线索 against a cadre of 清河县 without an account,
     * so that she acts on the cadre's steps; 赵敏 (discipline, 清河县) investigates, the matter is not tolerated, the
     * appeal goes to 王芳 (the only officer over the unit besides the investigator), and the correction plan is made
     * and verified.
     */
    @Test
    void everyStepOfAToleranceCaseHolds() {
        Map<String, Object> application = tolerance("APPLICATION", null, "表单模糊测试：容错申请");
        FormDefinition startForm = starts.startForm(ToleranceStep.PROCESS_KEY, CADRE_USER).form();
        fuzz(startForm, application, values -> starts.start(ToleranceStep.PROCESS_KEY, CADRE_USER, values), null);
        String declined = starts.start(ToleranceStep.PROCESS_KEY, CADRE_USER, noisy(startForm, application));
        assertNoNoise(declined, CADRE_USER);
        step(declined, ToleranceStep.ACCEPTANCE, TOLERANCE_HR, CADRE_USER, Map.of("acceptance", "DECLINE",
                "acceptanceReason", "所涉事项已由纪委立案审查。"));
        step(declined, ToleranceStep.DECLINE_NOTICE, CADRE_USER, CADRE_USER, Map.of("appealDecline", false));
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(declined).singleResult()
                .getEndActivityId()).isEqualTo(ToleranceStep.DECLINED);

        long cadre = jdbc.queryForObject("SELECT MAX(c.id) FROM cadre c JOIN org_unit u ON u.id = c.unit_id"
                + " WHERE u.parent_id = (SELECT id FROM org_unit WHERE name = '清河县') AND c.status = 'ACTIVE'"
                + " AND NOT EXISTS (SELECT 1 FROM app_user a WHERE a.cadre_id = c.id)", Long.class);
        String pi = starts.start(ToleranceStep.PROCESS_KEY, TOLERANCE_HR,
                tolerance("LEAD", cadre, "表单模糊测试：问责线索"));
        step(pi, ToleranceStep.ACCEPTANCE, TOLERANCE_HR, TOLERANCE_HR, Map.of("acceptance", "ACCEPT",
                "acceptanceReason", "属于受理范围。", "investigator", DISCIPLINE));
        step(pi, ToleranceStep.STATEMENT, TOLERANCE_HR, TOLERANCE_HR, Map.of("statement", "代录：经党委会集体研究决定。"));
        Map<String, Object> findings = new HashMap<>(Map.of("findings", "经调阅会议记录，情况属实。",
                "notForbidden", "NO", "privateGain", "NO", "collusion", "NO"));
        List.of("founded", "pioneering", "forDevelopment", "collectiveDecision", "legalReview", "lossLimited")
                .forEach(k -> findings.put(k, "YES"));
        step(pi, ToleranceStep.INVESTIGATION, DISCIPLINE, TOLERANCE_HR, findings);
        step(pi, ToleranceStep.COMMITTEE_DECISION, TOLERANCE_HR, TOLERANCE_HR, Map.of("outcome", "NOT_TOLERATED",
                "decisionNo", "清组容〔2026〕99号", "decisionDate", LocalDate.now().toString()));
        step(pi, ToleranceStep.OUTCOME_NOTICE, TOLERANCE_HR, TOLERANCE_HR, Map.of("appeal", true,
                "appealReason", "代录：请求复查。"));
        step(pi, ToleranceStep.APPEAL_REVIEW, TOLERANCE_HR, TOLERANCE_HR, Map.of("appealResult", "UPHOLD",
                "appealOpinion", "维持原认定。"));
        step(pi, ToleranceStep.CORRECTION_PLAN, TOLERANCE_HR, TOLERANCE_HR, Map.of("planOwner", "王芳",
                "planMeasures", "完善决策程序。", "planDeadline", LocalDate.now().plusDays(30).toString()));
        step(pi, ToleranceStep.PLAN_VERIFICATION, TOLERANCE_HR, TOLERANCE_HR, Map.of("verified", true,
                "verificationNote", "经核验整改到位。"));
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult()
                .getEndActivityId()).isEqualTo(ToleranceStep.CLOSED);
    }

    static Map<String, Object> tolerance(String kind, Long cadreId, String matter) {
        Map<String, Object> form = new HashMap<>(Map.of("kind", kind, "matter", matter, "matterDate", "2025-06-10",
                "decisionTaken", "为推进园区招商，经党委会研究先行垫付配套资金。", "loss", "垫付资金12万元暂未收回。",
                "mitigation", "已督促企业分期返还。", "category", "INVESTMENT"));
        if (cadreId != null) {
            form.put("cadreId", cadreId);
        }
        return form;
    }

    /** Fuzzes the step's form on its open task, then submits the valid values with noise to move on. */
    void step(String pi, String stepKey, Map<String, Object> valid) {
        step(pi, stepKey, HR, HR, valid);
    }

    /** The same, with {@code user} acting on an instance that {@code starter} started. */
    void step(String pi, String stepKey, String user, String starter, Map<String, Object> valid) {
        String task = openTask(pi, stepKey).getId();
        FormDefinition form = queries.task(task, user).form();
        fuzz(form, valid, values -> commands.submitForm(task, user, values), task);
        commands.submitForm(task, user, noisy(form, valid));
        assertNoNoise(pi, starter);
    }

    /**
     * {@value #RUNS} hostile submissions of the form through {@code submit}: each refused with messages on the broken
     * fields, none a server error, none changing anything ({@code task}, when given, stays open and as it was).
     */
    void fuzz(FormDefinition form, Map<String, Object> valid, Consumer<Map<String, Object>> submit, String task) {
        Set<String> inputs = new HashSet<>();
        form.inputs().forEach(f -> inputs.add(f.key()));
        Set<String> names = new HashSet<>(ENGINE_NAMES);
        form.inputs().stream().filter(f -> !f.readonly()).forEach(f -> names.remove(f.key()));
        String before = state(task);
        String recordsBefore = records();
        long started = System.nanoTime();
        for (int i = 0; i < RUNS; i++) {
            HostileForms.Submission s = hostile.next(form, valid, names);
            String where = "form " + form.id() + ", submission " + i + " of seed " + SEED + " (" + s.account() + ")";
            try {
                submit.accept(s.values());
                throw new AssertionError("accepted a broken submission: " + where);
            } catch (WorkflowException e) {
                List<FormError> errors = e.errors();
                if (errors.isEmpty()) {
                    throw new AssertionError("refused without field messages (" + e.messageKey() + "): " + where, e);
                }
                for (FormError err : errors) {
                    if (err.field() != null && !inputs.contains(err.field())) {
                        throw new AssertionError("message on " + err.field() + ", not a field of the form: " + where);
                    }
                    translated(err);
                }
                if (errors.stream().noneMatch(err -> s.broken().contains(err.field()))) {
                    throw new AssertionError("no message on a broken field " + s.broken() + " but " + errors.stream()
                            .map(err -> err.field() + ":" + err.messageKey()).toList() + ": " + where);
                }
            } catch (RuntimeException e) {
                throw new AssertionError("server error " + e + ": " + where, e);
            }
            String after = state(task);
            if (!after.equals(before)) {
                throw new AssertionError("a refused submission changed " + before + " into " + after + ": " + where);
            }
        }
        assertThat(records()).as("refused submissions of " + form.id() + " changed nothing").isEqualTo(recordsBefore);
        System.out.printf("FormFuzzTest %s: %d submissions refused in %d ms%n", form.id(), RUNS,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** The message exists in Chinese and in English (a missing key throws). */
    void translated(FormError err) {
        if (knownKeys.add(err.messageKey())) {
            for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
                assertThat(messages.getMessage(err.messageKey(), err.args().toArray(), locale)).isNotBlank();
            }
        }
    }

    /**
     * What any write would change, read after every submission: instances, the trail, and the task (holder, owner,
     * revision) with its instance's variables. {@link #records()} adds the rest once per form.
     */
    String state(String task) {
        Map<String, Object> counts = jdbc.queryForMap("SELECT"
                + " (SELECT COUNT(*) FROM ACT_HI_PROCINST) AS instances,"
                + " (SELECT COALESCE(MAX(id), 0) FROM workflow_action) AS trail,"
                + " (SELECT COALESCE(MAX(id), 0) FROM notification) AS bell");
        if (task == null) {
            return counts.toString();
        }
        return counts + jdbc.queryForList("SELECT t.ASSIGNEE_, t.OWNER_, t.REV_,"
                + " (SELECT COUNT(*) FROM ACT_RU_VARIABLE v WHERE v.PROC_INST_ID_ = t.PROC_INST_ID_),"
                + " (SELECT SUM(v.REV_) FROM ACT_RU_VARIABLE v WHERE v.PROC_INST_ID_ = t.PROC_INST_ID_)"
                + " FROM ACT_RU_TASK t WHERE t.ID_ = ?", task).toString();
    }

    /** Everything else a write would change: executions, tasks and variables anywhere, the records. */
    String records() {
        return jdbc.queryForMap("SELECT"
                + " (SELECT COUNT(*) FROM ACT_RU_EXECUTION) AS executions,"
                + " (SELECT COUNT(*) FROM ACT_RU_TASK) AS open_tasks,"
                + " (SELECT COALESCE(SUM(REV_), 0) FROM ACT_RU_TASK) AS task_revisions,"
                + " (SELECT COUNT(*) FROM ACT_RU_VARIABLE) AS variables,"
                + " (SELECT COALESCE(SUM(REV_), 0) FROM ACT_RU_VARIABLE) AS variable_revisions,"
                + " (SELECT COUNT(*) FROM ACT_HI_VARINST) AS variable_history,"
                + " (SELECT COUNT(*) FROM training_leave_request) AS requests,"
                + " (SELECT MAX(updated_at) FROM training_leave_request) AS request_update,"
                + " (SELECT COUNT(*) FROM appraisal_review) AS reviews,"
                + " (SELECT MAX(updated_at) FROM appraisal_review) AS review_update,"
                + " (SELECT COUNT(*) FROM appraisal_score) AS scores,"
                + " (SELECT COUNT(*) FROM appraisal_objection) AS objections,"
                + " (SELECT COUNT(*) FROM appraisal_recheck) AS rechecks,"
                + " (SELECT COUNT(*) FROM tolerance_case) AS cases,"
                + " (SELECT MAX(updated_at) FROM tolerance_case) AS case_update,"
                + " (SELECT COUNT(*) FROM tolerance_outcome) AS outcomes").toString();
    }

    /** The valid values with noise: every process variable name and some unknown keys, all with one marker. */
    Map<String, Object> noisy(FormDefinition form, Map<String, Object> valid) {
        Map<String, Object> values = new HashMap<>(valid);
        Set<String> editable = new LinkedHashSet<>();
        form.inputs().stream().filter(f -> !f.readonly()).forEach(f -> editable.add(f.key()));
        form.inputs().stream().filter(FormDefinition.FormField::readonly).forEach(f -> values.put(f.key(), HOSTILE));
        ENGINE_NAMES.stream().filter(n -> !editable.contains(n)).forEach(n -> values.put(n, HOSTILE));
        HostileForms.FRAGMENTS.forEach(f -> values.putIfAbsent(f, HOSTILE));
        return values;
    }

    /** None of the noise of the accepted submissions reached the instance; its starter is who started it. */
    void assertNoNoise(String pi, String starter) {
        List<HistoricVariableInstance> variables = history.createHistoricVariableInstanceQuery().processInstanceId(pi)
                .list();
        assertThat(variables).filteredOn(v -> HOSTILE.equals(v.getValue()))
                .extracting(HistoricVariableInstance::getName).isEmpty();
        assertThat(variables).filteredOn(v -> v.getName().equals(ProcessStarts.INITIATOR))
                .extracting(HistoricVariableInstance::getValue).containsOnly(starter);
    }

    Task openTask(String pi, String stepKey) {
        List<Task> open = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(stepKey).list();
        assertThat(open).as("open " + stepKey).hasSize(1);
        return open.get(0);
    }

    static Map<String, Object> request() {
        return TrainingRequests.request("数字政府专题班", TrainingRequests.nextFreeStart(), 3, 24);
    }
}
