package cn.cadreflow.tolerance;

import static cn.cadreflow.tolerance.ToleranceFixture.CADRE;
import static cn.cadreflow.tolerance.ToleranceFixture.DISCIPLINE;
import static cn.cadreflow.tolerance.ToleranceFixture.DISCIPLINE2;
import static cn.cadreflow.tolerance.ToleranceFixture.HR;
import static cn.cadreflow.tolerance.ToleranceFixture.HR2;
import static cn.cadreflow.tolerance.ToleranceStep.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;
import cn.cadreflow.tolerance.internal.EarlyStatements;
import cn.cadreflow.workflow.FormError;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.TaskCommands;
import cn.cadreflow.workflow.WorkflowException;
import cn.cadreflow.workflow.WorkflowQueries;

/**
 * The real tolerance.bpmn, deployed by the application, driven through the task centre's API along every path
 * of issue 9: declined, declined then appealed, 免责, 从轻减轻, 不予容错, a false accusation cleared, a correction
 * plan overdue then verified, an outcome appealed, and a committee differing from the DMN's proposal.
 */
@CadreFlowTest
class ToleranceProcessTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;
    @Autowired
    ProcessStarts starts;
    @Autowired
    TaskCommands commands;
    @Autowired
    ToleranceService register;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OrgService org;
    @Autowired
    CadreService cadres;
    @Autowired
    UserService users;
    @Autowired
    EarlyStatements early;
    @Autowired
    WorkflowQueries queries;

    ToleranceFixture fx;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        fx = ToleranceFixture.ensure(jdbc, org, cadres, users);
    }

    @AfterEach
    void reset() {
        AbstractAssertions.reset();
    }

    /** The instances started here, kept so that camunda-bpm-assert can look at them after they ended. */
    final Map<String, ProcessInstance> started = new HashMap<>();

    String start(String user, Map<String, Object> form) {
        String id = starts.start(PROCESS_KEY, user, form);
        started.put(id, runtime.createProcessInstanceQuery().processInstanceId(id).singleResult());
        return id;
    }

    ProcessInstance instance(String id) {
        return started.get(id);
    }

    Task task(String pi, String step) {
        Task t = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(step).singleResult();
        assertThat(t).as("open step " + step).isNotNull();
        return t;
    }

    void submit(String pi, String step, String user, Map<String, ?> values) {
        commands.submitForm(task(pi, step).getId(), user, values);
    }

    List<String> refusal(String pi, String step, String user, Map<String, ?> values) {
        try {
            submit(pi, step, user, values);
        } catch (WorkflowException e) {
            return e.errors().stream().map(FormError::messageKey).toList();
        }
        throw new AssertionError("the step was accepted");
    }

    long caseId(String pi) {
        return jdbc.queryForObject("SELECT id FROM tolerance_case WHERE process_instance_id = ?", Long.class, pi);
    }

    Map<String, Object> row(String pi) {
        return jdbc.queryForMap("SELECT * FROM tolerance_case WHERE id = ?", caseId(pi));
    }

    static Map<String, Object> accept(String investigator) {
        return Map.of("acceptance", "ACCEPT", "acceptanceReason", "属于容错申请受理范围。", "investigator", investigator);
    }

    static Map<String, Object> decline() {
        return Map.of("acceptance", "DECLINE", "acceptanceReason", "所涉事项已由纪委立案审查，不属于容错申请范围。");
    }

    static Map<String, Object> committee(String outcome, String no, String differ) {
        Map<String, Object> v = new HashMap<>();
        v.put("outcome", outcome);
        v.put("decisionNo", no);
        v.put("decisionDate", LocalDate.now().toString());
        if (differ != null) {
            v.put("differReason", differ);
        }
        return v;
    }

    /** A cadre's application, accepted, stated and investigated with the findings given: at the committee. */
    String atCommittee(String matter, Map<String, Object> findings) {
        String pi = start(CADRE, ToleranceFixture.application(matter));
        assertThat(instance(pi)).isWaitingAtExactly(ACCEPTANCE);
        assertThat(instance(pi)).task().hasCandidateGroup("hr-" + fx.township).isNotAssigned();
        submit(pi, ACCEPTANCE, HR, accept(DISCIPLINE));
        assertThat(instance(pi)).isWaitingAtExactly(STATEMENT);
        assertThat(instance(pi)).task().isAssignedTo(CADRE);
        submit(pi, STATEMENT, CADRE, Map.of("statement", "当时为抢抓项目落地，经党委会集体研究决定。"));
        assertThat(instance(pi)).isWaitingAtExactly(INVESTIGATION);
        assertThat(instance(pi)).task().isAssignedTo(DISCIPLINE);
        submit(pi, INVESTIGATION, DISCIPLINE, findings);
        assertThat(instance(pi)).isWaitingAtExactly(COMMITTEE_DECISION).hasPassed(PROPOSE_OUTCOME);
        return pi;
    }

    /** The outcome notice, acknowledged without an appeal. */
    void noAppeal(String pi) {
        assertThat(instance(pi)).isWaitingAtExactly(OUTCOME_NOTICE).hasPassed(WRITTEN_NOTICE);
        assertThat(instance(pi)).task().isAssignedTo(CADRE);
        submit(pi, OUTCOME_NOTICE, CADRE, Map.of("appeal", false));
    }

    ToleranceOutcome registered(String pi) {
        long id = caseId(pi);
        return register.ofCadre(fx.cadreId).stream().filter(o -> Long.valueOf(id).equals(o.caseId())).findFirst()
                .orElseThrow();
    }

    @Test
    void anExemptedMatterGoesToTheRegisterAndProtectsTheCadre() {
        String pi = atCommittee("园区招商垫付资金未收回", ToleranceFixture.findings());
        assertThat(runtime.getVariable(pi, "proposedOutcome")).isEqualTo("EXEMPT");
        assertThat((String) runtime.getVariable(pi, "proposedReason")).contains("免责");
        submit(pi, COMMITTEE_DECISION, HR, committee("EXEMPT", "清组容〔2026〕1号", null));
        noAppeal(pi);
        assertThat(instance(pi)).isEnded().hasPassed(RECORD_OUTCOME, CLOSED).hasNotPassed(CORRECTION_PLAN);
        ToleranceOutcome o = registered(pi);
        assertThat(o.outcome()).isEqualTo(ToleranceOutcome.Outcome.EXEMPT);
        assertThat(o.source()).isEqualTo(ToleranceOutcome.Source.PROCESS);
        assertThat(o.decisionNo()).isEqualTo("清组容〔2026〕1号");
        assertThat(register.tolerated(fx.cadreId, 2025)).extracting(ToleranceOutcome::matter)
                .contains("园区招商垫付资金未收回");
        assertThat(row(pi)).containsEntry("STATUS", "CLOSED").containsEntry("PROPOSED_OUTCOME", "EXEMPT")
                .containsEntry("F_COLLECTIVE", "YES").containsEntry("INVESTIGATOR", DISCIPLINE);
    }

    @Test
    void aMitigatedMatterNeedsAVerifiedCorrectionPlan() {
        String pi = atCommittee("专项资金拨付程序瑕疵", ToleranceFixture.findings("legalReview=NO"));
        assertThat(runtime.getVariable(pi, "proposedOutcome")).isEqualTo("MITIGATED");
        submit(pi, COMMITTEE_DECISION, HR, committee("MITIGATED", "清组容〔2026〕2号", null));
        noAppeal(pi);
        assertThat(instance(pi)).isWaitingAtExactly(CORRECTION_PLAN).hasPassed(RECORD_OUTCOME);
        assertThat(registered(pi).outcome()).isEqualTo(ToleranceOutcome.Outcome.MITIGATED);
        submit(pi, CORRECTION_PLAN, HR, Map.of("planOwner", "周平", "planMeasures", "补充合法性审查，完善拨付制度。",
                "planDeadline", LocalDate.now().plusDays(30).toString()));
        assertThat(instance(pi)).isWaitingAtExactly(PLAN_VERIFICATION);
        submit(pi, PLAN_VERIFICATION, HR2, Map.of("verified", true, "verificationNote", "制度已印发，经核验整改到位。"));
        assertThat(instance(pi)).isEnded().hasPassed(CLOSED);
        assertThat(row(pi)).containsEntry("STATUS", "CLOSED").containsEntry("PLAN_VERIFIED_BY", HR2);
    }

    @Test
    void aMatterNotToleratedIsRegisteredAndCorrected() {
        String pi = atCommittee("违规决策造成损失", ToleranceFixture.findings("notForbidden=NO"));
        assertThat(runtime.getVariable(pi, "proposedOutcome")).isEqualTo("NOT_TOLERATED");
        assertThat((String) runtime.getVariable(pi, "proposedReason")).contains("明令禁止");
        submit(pi, COMMITTEE_DECISION, HR, committee("NOT_TOLERATED", "清组容〔2026〕3号", null));
        noAppeal(pi);
        assertThat(registered(pi).outcome()).isEqualTo(ToleranceOutcome.Outcome.NOT_TOLERATED);
        assertThat(register.tolerated(fx.cadreId, 2025)).extracting(ToleranceOutcome::matter)
                .doesNotContain("违规决策造成损失");
        assertThat(instance(pi)).isWaitingAtExactly(CORRECTION_PLAN);
    }

    @Test
    void aFalseAccusationIsClearedAndRecorded() {
        String pi = start(DISCIPLINE, ToleranceFixture.lead(fx.cadreId, "群众反映违规发放补贴"));
        assertThat(instance(pi)).isWaitingAtExactly(ACCEPTANCE);
        assertThat(runtime.getVariable(pi, CADRE_USER)).isEqualTo(CADRE);
        submit(pi, ACCEPTANCE, HR, accept(DISCIPLINE2));
        // the cadre is told a case exists: the statement is theirs to write
        assertThat(instance(pi)).task().isAssignedTo(CADRE);
        submit(pi, STATEMENT, CADRE, Map.of("statement", "补贴均按名册发放，有签收记录。"));
        submit(pi, INVESTIGATION, DISCIPLINE2, ToleranceFixture.findings("founded=NO"));
        assertThat(runtime.getVariable(pi, "proposedOutcome")).isEqualTo("CLEARED");
        submit(pi, COMMITTEE_DECISION, HR, committee("CLEARED", "清组容〔2026〕4号", null));
        noAppeal(pi);
        assertThat(instance(pi)).isEnded().hasPassed(CLOSED).hasNotPassed(CORRECTION_PLAN);
        assertThat(registered(pi).outcome()).isEqualTo(ToleranceOutcome.Outcome.CLEARED);
    }

    @Test
    void aDeclinedLeadEndsAndADeclinedApplicationMayBeAppealedOnceToAnotherOfficer() {
        String lead = start(HR, ToleranceFixture.lead(fx.cadreId, "线索：会议费超标"));
        submit(lead, ACCEPTANCE, HR, decline());
        assertThat(instance(lead)).isEnded().hasPassed(DECLINED).hasNotPassed(DECLINE_NOTICE);

        String declined = start(CADRE, ToleranceFixture.application("申请一：未经批准调整项目"));
        submit(declined, ACCEPTANCE, HR, decline());
        assertThat(instance(declined)).isWaitingAtExactly(DECLINE_NOTICE);
        assertThat(refusal(declined, DECLINE_NOTICE, CADRE, Map.of("appealDecline", true)))
                .containsExactly("tolerance.case.error.appealReasonRequired");
        submit(declined, DECLINE_NOTICE, CADRE, Map.of("appealDecline", true, "declineAppealReason", "该事项并未立案。"));
        assertThat(instance(declined)).isWaitingAtExactly(DECLINE_APPEAL_REVIEW);
        // the officer who declined does not review the appeal (回避)
        assertThat(refusal(declined, DECLINE_APPEAL_REVIEW, HR, decline()))
                .containsExactly("tolerance.case.error.sameOfficer");
        submit(declined, DECLINE_APPEAL_REVIEW, HR2, decline());
        // once only: a second refusal ends the case
        assertThat(instance(declined)).isEnded().hasPassed(DECLINED);
        assertThat(row(declined)).containsEntry("STATUS", "DECLINED").containsEntry("DECLINED_BY", HR2);

        String appealed = start(CADRE, ToleranceFixture.application("申请二：试点项目超支"));
        submit(appealed, ACCEPTANCE, HR, decline());
        submit(appealed, DECLINE_NOTICE, CADRE, Map.of("appealDecline", true, "declineAppealReason", "属先行先试。"));
        submit(appealed, DECLINE_APPEAL_REVIEW, HR2, accept(DISCIPLINE));
        assertThat(instance(appealed)).isWaitingAtExactly(STATEMENT);
    }

    @Test
    void theInvestigationCannotFinishWithoutTheCadresStatementOrARecordedRefusal() {
        String pi = start(CADRE, ToleranceFixture.application("陈述：窗口期未申报"));
        submit(pi, ACCEPTANCE, HR, accept(DISCIPLINE));
        assertThat(refusal(pi, STATEMENT, CADRE, Map.of())).containsExactly("tolerance.case.error.statementOrRefusal");
        // the statement window passes without one
        Job window = management.createJobQuery().processInstanceId(pi).timers().singleResult();
        execute(window);
        assertThat(instance(pi)).isWaitingAtExactly(INVESTIGATION).hasPassed(STATEMENT_WINDOW_OVER);
        assertThat(refusal(pi, INVESTIGATION, DISCIPLINE, ToleranceFixture.findings()))
                .containsExactly("tolerance.case.error.statementMissing");
        Map<String, Object> f = ToleranceFixture.findings();
        f.put("statementRefusal", "经两次电话通知，本人表示不作陈述。");
        submit(pi, INVESTIGATION, DISCIPLINE, f);
        assertThat(instance(pi)).isWaitingAtExactly(COMMITTEE_DECISION);
        assertThat(row(pi)).containsEntry("STATEMENT_REFUSED", true)
                .containsEntry("STATEMENT", "经两次电话通知，本人表示不作陈述。");
    }

    @Test
    void anEarlyStatementOnALeadIsShownAtTheStatementStepAndSatisfiesTheInvestigation() {
        String pi = start(DISCIPLINE, ToleranceFixture.lead(fx.cadreId, "提前陈述：项目验收把关不严"));
        long id = caseId(pi);
        // the cadre, and only the cadre, is told that a case exists
        assertThat(jdbc.queryForList("SELECT recipient FROM notification WHERE process_instance_id = ? AND kind = 'NOTICE'",
                String.class, pi)).containsExactly(CADRE);
        String application = start(CADRE, ToleranceFixture.application("提前陈述：本人申请无需告知"));
        assertThat(jdbc.queryForList("SELECT recipient FROM notification WHERE process_instance_id = ? AND kind = 'NOTICE'",
                String.class, application)).isEmpty();
        UserContext cadre = users.context(CADRE).orElseThrow();
        // a blank text, someone else, and a missing case are refused; nothing is kept
        assertThatThrownBy(() -> early.write(cadre, id, "   ")).isInstanceOf(ToleranceException.class)
                .hasMessage("tolerance.early.error.required");
        assertThatThrownBy(() -> early.write(cadre, id, "长".repeat(EarlyStatements.STATEMENT_MAX + 1)))
                .hasMessage("tolerance.early.error.tooLong");
        assertThatThrownBy(() -> early.write(users.context(ToleranceFixture.COLLEAGUE).orElseThrow(), id, "不是我。"))
                .hasMessage("tolerance.early.error.notFound");
        assertThatThrownBy(() -> early.write(users.context(HR).orElseThrow(), id, "代写。"))
                .hasMessage("tolerance.early.error.notFound");
        assertThatThrownBy(() -> early.write(cadre, Long.MAX_VALUE, "无此案。"))
                .hasMessage("tolerance.early.error.notFound");
        assertThat(row(pi).get("STATEMENT")).isNull();

        early.write(cadre, id, "验收由第三方机构出具报告，本人按程序签字。");
        assertThat(row(pi)).containsEntry("STATEMENT", "验收由第三方机构出具报告，本人按程序签字。")
                .containsEntry("STATEMENT_REFUSED", false);
        submit(pi, ACCEPTANCE, HR, accept(DISCIPLINE2));
        // past 受理 the early statement is closed; 听取本人陈述 shows it to be confirmed or edited
        assertThatThrownBy(() -> early.write(cadre, id, "再补充。")).hasMessage("tolerance.early.error.notOpen");
        assertThat(queries.task(task(pi, STATEMENT).getId(), CADRE).values())
                .containsEntry("statement", "验收由第三方机构出具报告，本人按程序签字。");
        // the statement window passes: the early statement stands, the investigation finishes without a refusal
        Job window = management.createJobQuery().processInstanceId(pi).timers().singleResult();
        execute(window);
        assertThat(instance(pi)).isWaitingAtExactly(INVESTIGATION);
        assertThat(queries.task(task(pi, INVESTIGATION).getId(), DISCIPLINE2).values())
                .containsEntry("statementText", "验收由第三方机构出具报告，本人按程序签字。");
        submit(pi, INVESTIGATION, DISCIPLINE2, ToleranceFixture.findings());
        assertThat(instance(pi)).isWaitingAtExactly(COMMITTEE_DECISION);
        assertThat(row(pi)).containsEntry("STATEMENT_REFUSED", false);
    }

    @Test
    void anEarlyStatementIsConfirmedOrEditedAtTheStatementStep() {
        String pi = start(HR, ToleranceFixture.lead(fx.cadreId, "提前陈述：修改后确认"));
        early.write(users.context(CADRE).orElseThrow(), caseId(pi), "初稿。");
        submit(pi, ACCEPTANCE, HR, accept(DISCIPLINE));
        submit(pi, STATEMENT, CADRE, Map.of("statement", "修改后的陈述。"));
        assertThat(row(pi)).containsEntry("STATEMENT", "修改后的陈述。");
        assertThat(instance(pi)).isWaitingAtExactly(INVESTIGATION);
    }

    @Test
    void theCommitteeMayDifferFromTheProposalOnlyWithAWrittenReasonWhichIsKept() {
        String pi = atCommittee("差异：改革试点超出预算", ToleranceFixture.findings("lossLimited=NO"));
        assertThat(runtime.getVariable(pi, "proposedOutcome")).isEqualTo("MITIGATED");
        assertThat(refusal(pi, COMMITTEE_DECISION, HR, committee("EXEMPT", "清组容〔2026〕5号", null)))
                .containsExactly("tolerance.case.error.differReasonRequired");
        submit(pi, COMMITTEE_DECISION, HR, committee("EXEMPT", "清组容〔2026〕5号", "事后已全额追回损失。"));
        assertThat(row(pi)).containsEntry("OUTCOME", "EXEMPT").containsEntry("PROPOSED_OUTCOME", "MITIGATED")
                .containsEntry("DIFFER_REASON", "事后已全额追回损失。").containsEntry("DECIDED_BY", HR);
        noAppeal(pi);
        assertThat(registered(pi).outcome()).isEqualTo(ToleranceOutcome.Outcome.EXEMPT);
    }

    @Test
    void anAppealGoesToAnotherOfficerThanTheInvestigatorAndMayChangeTheOutcome() {
        String pi = atCommittee("申诉：项目验收把关不严", ToleranceFixture.findings("pioneering=NO"));
        submit(pi, COMMITTEE_DECISION, HR, committee("NOT_TOLERATED", "清组容〔2026〕6号", null));
        assertThat(instance(pi)).isWaitingAtExactly(OUTCOME_NOTICE);
        submit(pi, OUTCOME_NOTICE, CADRE, Map.of("appeal", true, "appealReason", "验收系按上级文件执行。"));
        assertThat(instance(pi)).isWaitingAtExactly(APPEAL_REVIEW);
        assertThat(instance(pi)).task().hasCandidateUser(DISCIPLINE2);
        assertThat(tasks.createTaskQuery().processInstanceId(pi).taskCandidateUser(DISCIPLINE).count()).isZero();
        assertThatThrownBy(() -> submit(pi, APPEAL_REVIEW, DISCIPLINE, Map.of("appealResult", "UPHOLD",
                "appealOpinion", "维持。"))).isInstanceOf(WorkflowException.class);
        assertThat(refusal(pi, APPEAL_REVIEW, DISCIPLINE2, Map.of("appealResult", "REVISE",
                "appealOpinion", "变更。"))).containsExactly("tolerance.case.error.revisedOutcomeRequired");
        submit(pi, APPEAL_REVIEW, DISCIPLINE2, Map.of("appealResult", "REVISE", "revisedOutcome", "MITIGATED",
                "appealOpinion", "经复查，系执行上级文件中的失误，从轻处理。"));
        assertThat(instance(pi)).hasPassed(RECORD_OUTCOME).isWaitingAtExactly(CORRECTION_PLAN);
        assertThat(registered(pi).outcome()).isEqualTo(ToleranceOutcome.Outcome.MITIGATED);
        assertThat(row(pi)).containsEntry("APPEAL_OFFICER", DISCIPLINE2).containsEntry("OUTCOME", "NOT_TOLERATED")
                .containsEntry("APPEAL_OUTCOME", "MITIGATED");
    }

    @Test
    void anOverdueCorrectionPlanEscalatesAndClosesOnlyWhenVerified() {
        String pi = atCommittee("超期：村级账务不规范", ToleranceFixture.findings("collectiveDecision=NO"));
        submit(pi, COMMITTEE_DECISION, HR, committee("MITIGATED", "清组容〔2026〕7号", null));
        noAppeal(pi);
        assertThat(refusal(pi, CORRECTION_PLAN, HR, Map.of("planOwner", "周平", "planMeasures", "规范账务。",
                "planDeadline", LocalDate.now().minusDays(1).toString())))
                .containsExactly("tolerance.case.error.deadlinePast");
        submit(pi, CORRECTION_PLAN, HR, Map.of("planOwner", "周平", "planMeasures", "规范账务。",
                "planDeadline", LocalDate.now().toString()));
        Job overdue = management.createJobQuery().processInstanceId(pi).timers().singleResult();
        assertThat(overdue.getDuedate()).isEqualTo(java.util.Date.from(LocalDate.now().plusDays(1)
                .atStartOfDay(java.time.ZoneId.systemDefault()).toInstant()));
        execute(overdue);
        assertThat(instance(pi)).hasPassed(PLAN_OVERDUE, ESCALATE_PLAN).isWaitingAtExactly(PLAN_VERIFICATION);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE recipient = ? AND kind = 'URGE' "
                + "AND process_instance_id = ?", Integer.class, HR2, pi)).isEqualTo(1);
        // not yet verified: the plan stays open
        submit(pi, PLAN_VERIFICATION, HR, Map.of("verified", false, "verificationNote", "尚未整改完毕。"));
        assertThat(instance(pi)).isNotEnded().isWaitingAtExactly(PLAN_VERIFICATION);
        submit(pi, PLAN_VERIFICATION, HR, Map.of("verified", true, "verificationNote", "已整改到位。"));
        assertThat(instance(pi)).isEnded().hasPassed(CLOSED);
    }

    @Test
    void acceptanceIsDueInWorkingDaysWithAReminderBeforeAndEscalationAfter() {
        String pi = start(CADRE, ToleranceFixture.application("期限：受理提醒"));
        Task acceptance = task(pi, ACCEPTANCE);
        assertThat(acceptance.getDueDate()).isNotNull().isAfter(new java.util.Date());
        List<Job> timers = management.createJobQuery().processInstanceId(pi).timers().orderByJobDuedate().asc().list();
        assertThat(timers).hasSize(2);
        assertThat(timers.get(1).getDuedate()).isCloseTo(acceptance.getDueDate(), 5000);
        assertThat(timers.get(0).getDuedate()).isBefore(timers.get(1).getDuedate());
        execute(timers.get(0));
        assertThat(instance(pi)).hasPassed(ACCEPTANCE_REMINDER, REMIND_ACCEPTANCE).isWaitingAtExactly(ACCEPTANCE);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE kind = 'URGE' "
                + "AND process_instance_id = ? AND recipient IN (?, ?)", Integer.class, pi, HR, HR2)).isEqualTo(2);
        execute(management.createJobQuery().processInstanceId(pi).timers().singleResult());
        assertThat(instance(pi)).hasPassed(ACCEPTANCE_OVERDUE, ESCALATE_ACCEPTANCE).isWaitingAtExactly(ACCEPTANCE);
        // the cadre is never told of a step that is not theirs
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE recipient = ? "
                + "AND process_instance_id = ?", Integer.class, CADRE, pi)).isZero();
    }

    @Test
    void anOverdueAcceptanceEscalatesToTheHeadOfTheOrganisationDepartment() {
        String pi = start(CADRE, ToleranceFixture.application("期限：受理超期督办"));
        java.util.Date due = task(pi, ACCEPTANCE).getDueDate();
        try {
            // the engine's clock on the day before: only the reminder is due, the head hears nothing yet
            ClockUtil.setCurrentTime(new java.util.Date(due.getTime() - 60_000));
            runDueJobs(pi);
            assertThat(instance(pi)).hasPassed(ACCEPTANCE_REMINDER).hasNotPassed(ACCEPTANCE_OVERDUE)
                    .isWaitingAtExactly(ACCEPTANCE);
            assertThat(urges(pi, ORG_HEAD)).isZero();
            // past the deadline: 督办 to 黄志刚, 组织部长 over the county (orghead-<county> covers the township)
            ClockUtil.setCurrentTime(new java.util.Date(due.getTime() + 60_000));
            runDueJobs(pi);
        } finally {
            ClockUtil.reset();
        }
        assertThat(instance(pi)).hasPassed(ACCEPTANCE_OVERDUE, ESCALATE_ACCEPTANCE).isWaitingAtExactly(ACCEPTANCE);
        assertThat(urges(pi, ORG_HEAD)).isEqualTo(1);
        // the HR officers it waits for are urged; the cadre is never told of a step that is not theirs
        assertThat(urges(pi, HR2)).isPositive();
        assertThat(urges(pi, CADRE)).isZero();
        assertThat(jdbc.queryForObject("SELECT category FROM tolerance_case WHERE process_instance_id = ?",
                String.class, pi)).isEqualTo("INVESTMENT");
    }

    static final String ORG_HEAD = "huangzhigang";

    int urges(String pi, String user) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE recipient = ? AND kind = 'URGE' "
                + "AND process_instance_id = ?", Integer.class, user, pi);
    }

    /** Runs, one at a time, every job of the instance that is due by the engine's clock. */
    void runDueJobs(String pi) {
        for (Job job = nextDue(pi); job != null; job = nextDue(pi)) {
            management.executeJob(job.getId());
        }
    }

    Job nextDue(String pi) {
        List<Job> due = management.createJobQuery().processInstanceId(pi).executable().orderByJobDuedate().asc()
                .listPage(0, 1);
        return due.isEmpty() ? null : due.get(0);
    }

    @Test
    void openingIsCheckedOnTheServer() {
        assertThatThrownBy(() -> starts.start(PROCESS_KEY, ToleranceFixture.COLLEAGUE,
                ToleranceFixture.lead(fx.cadreId, "越权登记"))).isInstanceOfSatisfying(WorkflowException.class,
                e -> assertThat(e.errors()).extracting(FormError::messageKey)
                        .containsExactly("tolerance.case.error.cadreOutOfReach"));
        assertThatThrownBy(() -> starts.start(PROCESS_KEY, "sunli", ToleranceFixture.lead(fx.cadreId, "越权登记")))
                .isInstanceOfSatisfying(WorkflowException.class, e -> assertThat(e.errors())
                        .extracting(FormError::messageKey).containsExactly("tolerance.case.error.cadreOutOfReach"));
        Map<String, Object> future = ToleranceFixture.application("未来的事项");
        future.put("matterDate", LocalDate.now().plusDays(2).toString());
        assertThatThrownBy(() -> start(CADRE, future)).isInstanceOf(WorkflowException.class);
        // 事项类别 is one of the list, and required
        Map<String, Object> uncategorised = ToleranceFixture.application("未分类的事项");
        uncategorised.remove("category");
        Map<String, Object> unknown = ToleranceFixture.application("未分类的事项");
        unknown.put("category", "LOTTERY");
        for (Map<String, Object> form : List.of(uncategorised, unknown)) {
            assertThatThrownBy(() -> start(CADRE, form)).isInstanceOfSatisfying(WorkflowException.class,
                    e -> assertThat(e.errors()).extracting(FormError::field).contains("category"));
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tolerance_case WHERE matter IN ('越权登记', '未来的事项', "
                + "'未分类的事项')", Integer.class)).isZero();
    }
}
