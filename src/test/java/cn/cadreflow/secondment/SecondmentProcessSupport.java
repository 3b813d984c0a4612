package cn.cadreflow.secondment;

import static cn.cadreflow.secondment.SecondmentStep.APPROVE;
import static cn.cadreflow.secondment.SecondmentStep.HR_APPROVAL;
import static cn.cadreflow.secondment.SecondmentStep.RECEIVING_APPROVAL;
import static cn.cadreflow.secondment.SecondmentStep.RETURN_DECISION;
import static cn.cadreflow.secondment.SecondmentStep.SENDING_APPROVAL;
import static cn.cadreflow.secondment.SecondmentStep.TERM_STARTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.cadre.PostHistoryEntry;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.security.UserService;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.TaskCommands;

/**
 * What the secondment's process tests share: the real process started through the task centre, its approvals, and
 * the engine's clock moved to a day with every job then due run.
 */
abstract class SecondmentProcessSupport {

    static final ZoneId ZONE = ZoneId.systemDefault();

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
    SecondmentService secondments;
    @Autowired
    CadreService cadres;
    @Autowired
    OrgService org;
    @Autowired
    UserService users;
    @Autowired
    JdbcTemplate jdbc;

    SecondmentFixture f;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        f = SecondmentFixture.ensure(org, cadres, users, jdbc);
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        AbstractAssertions.reset();
    }

    ProcessInstance start(String username, Long cadreId, SecondmentKind kind, long post, LocalDate from,
                          LocalDate to) {
        String id = starts.start(SecondmentSteps.PROCESS_KEY, username,
                SecondmentFixture.request(cadreId, kind, post, from, to));
        return runtime.createProcessInstanceQuery().processInstanceId(id).singleResult();
    }

    Secondment row(ProcessInstance pi) {
        long id = jdbc.queryForObject("SELECT id FROM secondment WHERE process_instance_id = ?", Long.class,
                pi.getId());
        return secondments.ofCadre(jdbc.queryForObject("SELECT cadre_id FROM secondment WHERE id = ?", Long.class, id))
                .stream().filter(s -> s.id() == id).findFirst().orElseThrow();
    }

    Task task(ProcessInstance pi, String step) {
        List<Task> open = tasks.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(step).list();
        assertThat(open).as("open " + step).isNotEmpty();
        return open.get(0);
    }

    /** Sending unit, receiving unit and HR approve in turn; the checks pass and the instance waits for the term. */
    void approvedByAll(ProcessInstance pi) {
        assertThat(pi).isWaitingAtExactly(SENDING_APPROVAL);
        assertThat(pi).task().hasCandidateGroup("leader-" + row(pi).homeUnitId());
        assertThat(row(pi).status()).isEqualTo(Secondment.Status.PENDING_SENDING);
        commands.decide(task(pi, SENDING_APPROVAL).getId(), SecondmentFixture.LEADER, true, "同意派出。");
        assertThat(pi).isWaitingAtExactly(RECEIVING_APPROVAL);
        assertThat(pi).task().hasCandidateGroup("leader-" + f.receiving());
        assertThat(row(pi).status()).isEqualTo(Secondment.Status.PENDING_RECEIVING);
        commands.decide(task(pi, RECEIVING_APPROVAL).getId(), SecondmentFixture.HOST, true, "同意接收。");
        assertThat(pi).isWaitingAtExactly(HR_APPROVAL);
        assertThat(row(pi).status()).isEqualTo(Secondment.Status.PENDING_HR);
        commands.decide(task(pi, HR_APPROVAL).getId(), SecondmentFixture.HR, true, "同意。");
        assertThat(pi).isWaitingAtExactly(TERM_STARTS).hasPassed(APPROVE);
        assertThat(row(pi).status()).isEqualTo(Secondment.Status.APPROVED);
    }

    /** Moves the engine's clock to the morning of the day and runs every job of the instance then due. */
    void advanceTo(ProcessInstance pi, LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(8, 0).atZone(ZONE).toInstant()));
        for (int round = 0; round < 100; round++) {
            // one at a time: a job may end the scope (and the jobs) of the others
            List<Job> due = management.createJobQuery().processInstanceId(pi.getId()).executable()
                    .orderByJobDuedate().asc().listPage(0, 1);
            if (due.isEmpty()) {
                return;
            }
            management.executeJob(due.get(0).getId());
        }
        throw new AssertionError("jobs keep coming due");
    }

    void decide(ProcessInstance pi, Map<String, Object> decision) {
        commands.submitForm(task(pi, RETURN_DECISION).getId(), SecondmentFixture.HR, decision);
    }

    List<PostHistoryEntry> history(long cadreId) {
        return cadres.postHistory(cadreId, users.context(SecondmentFixture.HR).orElseThrow());
    }

    List<String> reports(Secondment s) {
        return jdbc.queryForList("SELECT report_kind FROM secondment_report WHERE secondment_id = ? ORDER BY id",
                String.class, s.id());
    }

}
