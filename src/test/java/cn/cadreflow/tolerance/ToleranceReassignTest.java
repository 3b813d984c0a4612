package cn.cadreflow.tolerance;

import static cn.cadreflow.tolerance.ToleranceFixture.CADRE;
import static cn.cadreflow.tolerance.ToleranceFixture.DISCIPLINE;
import static cn.cadreflow.tolerance.ToleranceFixture.DISCIPLINE2;
import static cn.cadreflow.tolerance.ToleranceFixture.HR;
import static cn.cadreflow.tolerance.ToleranceFixture.HR2;
import static cn.cadreflow.tolerance.ToleranceStep.ACCEPTANCE;
import static cn.cadreflow.tolerance.ToleranceStep.COMMITTEE_DECISION;
import static cn.cadreflow.tolerance.ToleranceStep.INVESTIGATION;
import static cn.cadreflow.tolerance.ToleranceStep.PROCESS_KEY;
import static cn.cadreflow.tolerance.ToleranceStep.STATEMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
import cn.cadreflow.tolerance.internal.Investigators;
import cn.cadreflow.workflow.Action;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.TaskCommands;
import cn.cadreflow.workflow.TimelineEntry;
import cn.cadreflow.workflow.WorkflowException;
import cn.cadreflow.workflow.WorkflowQueries;

/**
 * 改派调查人员 on the real tolerance.bpmn: HR over the cadre's unit hands an open investigation to another discipline
 * officer over the unit, with a reason; the open step, the case and the timeline follow, and the first investigator
 * no longer reaches the case. Out-of-scope HR, a missing case, a target who is not a discipline officer over the unit
 * and a missing reason are refused with nothing changed. The 组织部长 over the unit reads the case; not one of
 * another county.
 */
@CadreFlowTest
class ToleranceReassignTest {

    static final String ORG_HEAD = "huangzhigang";
    static final String OTHER_COUNTY_HR = "sunli";

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ProcessStarts starts;
    @Autowired
    TaskCommands commands;
    @Autowired
    WorkflowQueries queries;
    @Autowired
    Investigators investigators;
    @Autowired
    ToleranceCases cases;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OrgService org;
    @Autowired
    CadreService cadres;
    @Autowired
    UserService users;

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

    UserContext user(String username) {
        return users.context(username).orElseThrow();
    }

    ProcessInstance instance(String pi) {
        return runtime.createProcessInstanceQuery().processInstanceId(pi).singleResult();
    }

    void submit(String pi, String step, String user, Map<String, ?> values) {
        commands.submitForm(tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(step).singleResult()
                .getId(), user, values);
    }

    long caseId(String pi) {
        return jdbc.queryForObject("SELECT id FROM tolerance_case WHERE process_instance_id = ?", Long.class, pi);
    }

    String investigatorOf(String pi) {
        return jdbc.queryForObject("SELECT investigator FROM tolerance_case WHERE process_instance_id = ?",
                String.class, pi);
    }

    /** A cadre's application accepted by HR with 赵敏 to investigate: at the cadre's statement. */
    String accepted(String matter) {
        String pi = starts.start(PROCESS_KEY, CADRE, ToleranceFixture.application(matter));
        submit(pi, ACCEPTANCE, HR, Map.of("acceptance", "ACCEPT", "acceptanceReason", "予以受理。",
                "investigator", DISCIPLINE));
        assertThat(instance(pi)).isWaitingAtExactly(STATEMENT);
        return pi;
    }

    @Test
    void hrHandsAnOpenInvestigationToAnotherDisciplineOfficerWithTheReasonInTheTimeline() {
        String pi = accepted("改派：调查中改派");
        submit(pi, STATEMENT, CADRE, Map.of("statement", "经集体研究决定。"));
        assertThat(instance(pi)).isWaitingAtExactly(INVESTIGATION);
        assertThat(instance(pi)).task().isAssignedTo(DISCIPLINE);
        long id = caseId(pi);

        investigators.reassign(user(HR2), id, DISCIPLINE2, "赵敏同志与当事人系同学，需回避。");

        assertThat(instance(pi)).isWaitingAtExactly(INVESTIGATION);
        assertThat(instance(pi)).task().isAssignedTo(DISCIPLINE2);
        assertThat(runtime.getVariable(pi, "investigator")).isEqualTo(DISCIPLINE2);
        assertThat(investigatorOf(pi)).isEqualTo(DISCIPLINE2);
        TimelineEntry last = queries.instance(pi, HR).timeline().stream()
                .filter(e -> e.action() == Action.REASSIGN).findFirst().orElseThrow();
        assertThat(last.actor()).isEqualTo(HR2);
        assertThat(last.target()).isEqualTo(DISCIPLINE2);
        assertThat(last.opinion()).isEqualTo("赵敏同志与当事人系同学，需回避。");
        assertThat(last.at()).isNotNull();
        // the new officer reads the case and finishes the investigation; the first reaches it no more
        assertThat(cases.readable(user(DISCIPLINE2), id)).isPresent();
        assertThat(cases.readable(user(DISCIPLINE), id)).isEmpty();
        assertThatThrownBy(() -> queries.instance(pi, DISCIPLINE)).isInstanceOf(WorkflowException.class);
        assertThatThrownBy(() -> submit(pi, INVESTIGATION, DISCIPLINE, ToleranceFixture.findings()))
                .isInstanceOf(WorkflowException.class);
        submit(pi, INVESTIGATION, DISCIPLINE2, ToleranceFixture.findings());
        assertThat(instance(pi)).isWaitingAtExactly(COMMITTEE_DECISION);
        assertThat(jdbc.queryForMap("SELECT * FROM tolerance_case WHERE id = ?", id))
                .containsEntry("INVESTIGATOR", DISCIPLINE2);
    }

    @Test
    void reassignedWhileTheCadreStatesTheInvestigationReachesTheNewOfficer() {
        String pi = accepted("改派：陈述期间改派");
        investigators.reassign(user(HR), caseId(pi), DISCIPLINE2, "工作调整。");
        // the cadre's own step stays with the cadre
        assertThat(instance(pi)).isWaitingAtExactly(STATEMENT);
        assertThat(instance(pi)).task().isAssignedTo(CADRE);
        submit(pi, STATEMENT, CADRE, Map.of("statement", "经集体研究决定。"));
        assertThat(instance(pi)).isWaitingAtExactly(INVESTIGATION);
        assertThat(instance(pi)).task().isAssignedTo(DISCIPLINE2);
    }

    @Test
    void outOfScopeHrAMissingCaseANonDisciplineTargetAndNoReasonAreRefusedWithNothingChanged() {
        String pi = accepted("改派：拒绝");
        long id = caseId(pi);
        List<String> timeline = queries.instance(pi, HR).timeline().stream().map(e -> e.action().name()).toList();

        String outOfScope = refusal(OTHER_COUNTY_HR, id, DISCIPLINE2, "理由");
        assertThat(outOfScope).isEqualTo("tolerance.reassign.error.notFound");
        assertThat(refusal(HR, 999_999_999L, DISCIPLINE2, "理由")).isEqualTo(outOfScope);
        // a discipline officer is no HR officer over the unit: the case reads as missing to them too
        assertThat(refusal(DISCIPLINE2, id, DISCIPLINE2, "理由")).isEqualTo(outOfScope);
        assertThat(refusal(HR, id, HR2, "理由")).isEqualTo("tolerance.reassign.error.target");
        assertThat(refusal(HR, id, CADRE, "理由")).isEqualTo("tolerance.reassign.error.target");
        assertThat(refusal(HR, id, DISCIPLINE, "理由")).isEqualTo("tolerance.reassign.error.target");
        assertThat(refusal(HR, id, "nobody-such", "理由")).isEqualTo("tolerance.reassign.error.target");
        assertThat(refusal(HR, id, null, "理由")).isEqualTo("tolerance.reassign.error.targetRequired");
        assertThat(refusal(HR, id, DISCIPLINE2, "  ")).isEqualTo("tolerance.reassign.error.reasonRequired");
        assertThat(refusal(HR, id, DISCIPLINE2, "长".repeat(Investigators.REASON_MAX + 1)))
                .isEqualTo("tolerance.reassign.error.reasonTooLong");

        assertThat(investigatorOf(pi)).isEqualTo(DISCIPLINE);
        assertThat(runtime.getVariable(pi, "investigator")).isEqualTo(DISCIPLINE);
        assertThat(queries.instance(pi, HR).timeline().stream().map(e -> e.action().name()).toList())
                .isEqualTo(timeline);
    }

    @Test
    void aCaseWhoseInvestigationEndedCannotBeReassigned() {
        String pi = accepted("改派：调查已结束");
        submit(pi, STATEMENT, CADRE, Map.of("statement", "经集体研究决定。"));
        submit(pi, INVESTIGATION, DISCIPLINE, ToleranceFixture.findings());
        assertThat(refusal(HR, caseId(pi), DISCIPLINE2, "理由")).isEqualTo("tolerance.reassign.error.notOpen");
        assertThat(investigatorOf(pi)).isEqualTo(DISCIPLINE);
    }

    @Test
    void theHeadOfTheOrganisationDepartmentReadsTheCasesOfTheUnitsUnderHimOnly() {
        String ours = accepted("组织部长：本县案件");
        long other = otherCountyCase("组织部长：外县案件");
        assertThat(cases.readable(user(ORG_HEAD), caseId(ours))).isPresent();
        assertThat(cases.readable(user(ORG_HEAD), other)).isEmpty();
        assertThat(cases.listed(user(ORG_HEAD))).extracting(ToleranceCase::id).contains(caseId(ours))
                .doesNotContain(other);
        // reading is all: the head is no HR officer and hands nothing on
        assertThat(refusal(ORG_HEAD, caseId(ours), DISCIPLINE2, "理由")).isEqualTo("tolerance.reassign.error.notFound");
    }

    /** A lead registered by 云溪县's HR officer against a cadre of 云溪县. */
    long otherCountyCase(String matter) {
        long county = jdbc.queryForObject("SELECT id FROM org_unit WHERE name = '云溪县'", Long.class);
        long cadre = cadres.idsInUnits(List.of(county)).stream()
                .filter(c -> !c.equals(users.find(OTHER_COUNTY_HR).orElseThrow().cadreId())).findFirst()
                .orElseThrow();
        String pi = starts.start(PROCESS_KEY, OTHER_COUNTY_HR, ToleranceFixture.lead(cadre, matter));
        return caseId(pi);
    }

    String refusal(String hr, long caseId, String target, String reason) {
        try {
            investigators.reassign(user(hr), caseId, target, reason);
        } catch (ToleranceException e) {
            return e.problems().get(0).key();
        }
        throw new AssertionError("the reassignment was accepted");
    }
}
