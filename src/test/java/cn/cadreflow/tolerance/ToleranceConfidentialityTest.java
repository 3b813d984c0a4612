package cn.cadreflow.tolerance;

import static cn.cadreflow.tolerance.ToleranceFixture.CADRE;
import static cn.cadreflow.tolerance.ToleranceFixture.COLLEAGUE;
import static cn.cadreflow.tolerance.ToleranceFixture.DISCIPLINE;
import static cn.cadreflow.tolerance.ToleranceFixture.DISCIPLINE2;
import static cn.cadreflow.tolerance.ToleranceFixture.HR;
import static cn.cadreflow.tolerance.ToleranceFixture.HR2;
import static cn.cadreflow.tolerance.ToleranceFixture.LEADER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.security.AppRoles;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;
import cn.cadreflow.workflow.InstanceCommands;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.TaskCommands;
import cn.cadreflow.workflow.WorkflowException;
import cn.cadreflow.workflow.WorkflowQueries;

/**
 * The confidentiality matrix of a 容错纠错 case (issue 9): every role, tried on every generic list and view of the
 * task centre and on the cadre file's fault-tolerance section, with a case it may see and one it may not. Only the
 * cadre concerned, the officers assigned to the case, HR over the cadre's unit and an administrator see it; the
 * cadre's colleague, the unit leader, HR of another county, a discipline officer not assigned, and other people see
 * nothing: not in a list, not in the detail or its timeline, diagram or attachments, not in a notification; and
 * nobody can copy (抄送) it to them.
 */
@CadreFlowTest
class ToleranceConfidentialityTest {

    /** Who may see the case: the cadre, the investigator, HR over the unit, the administrator. */
    static final Set<String> SEES = Set.of(CADRE, DISCIPLINE, HR, HR2, "admin");
    /** Everyone else tried: colleague, unit leader, HR of 云溪县, an unassigned discipline officer, others. */
    static final List<String> OTHERS = List.of(COLLEAGUE, LEADER, "sunli", DISCIPLINE2, "lijun", "chenjing",
            "zhangwei", "liuyang");

    @Autowired
    ProcessStarts starts;
    @Autowired
    TaskCommands commands;
    @Autowired
    InstanceCommands instances;
    @Autowired
    WorkflowQueries queries;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OrgService org;
    @Autowired
    CadreService cadres;
    @Autowired
    UserService users;
    @Autowired
    ToleranceService register;
    @Autowired
    ToleranceCases readable;

    ToleranceFixture fx;

    @BeforeEach
    void setUp() {
        fx = ToleranceFixture.ensure(jdbc, org, cadres, users);
    }

    String openTask(String pi, String user) {
        return queries.inbox(user, 0, 500).stream().filter(t -> t.processInstanceId().equals(pi)).findFirst()
                .orElseThrow().taskId();
    }

    /** A case at the committee: applied, accepted, stated with a PDF attached, investigated. */
    String caseAtCommittee() {
        String pi = starts.start(ToleranceStep.PROCESS_KEY, CADRE, ToleranceFixture.application("保密：项目论证不充分"));
        commands.submitForm(openTask(pi, HR), HR, Map.of("acceptance", "ACCEPT", "acceptanceReason", "予以受理。",
                "investigator", DISCIPLINE));
        String statement = openTask(pi, CADRE);
        commands.attach(statement, CADRE, "会议纪要.pdf", "%PDF-1.4 minutes".getBytes(StandardCharsets.US_ASCII));
        commands.submitForm(statement, CADRE, Map.of("statement", "已如实说明。"));
        commands.submitForm(openTask(pi, DISCIPLINE), DISCIPLINE, ToleranceFixture.findings());
        return pi;
    }

    boolean reads(Runnable view) {
        try {
            view.run();
            return true;
        } catch (WorkflowException e) {
            assertThat(e.getMessage()).isEqualTo("workflow.error.notYourInstance");
            return false;
        }
    }

    @Test
    void onlyTheCadreTheAssignedOfficersHrOverTheUnitAndAdminSeeTheCase() {
        String pi = caseAtCommittee();
        List<String> wrong = new ArrayList<>();
        for (String user : union(SEES, OTHERS)) {
            boolean may = SEES.contains(user);
            check(wrong, user, "instance and timeline", may, reads(() -> queries.instance(pi, user)));
            check(wrong, user, "diagram", may, reads(() -> queries.diagram(pi, user)));
            check(wrong, user, "attachments", may, reads(() -> queries.attachments(pi, user)));
            check(wrong, user, "attachment content", may, reads(() -> queries.attachmentContent(pi,
                    jdbc.queryForObject("SELECT ID_ FROM ACT_HI_ATTACHMENT WHERE PROC_INST_ID_ = ?", String.class, pi),
                    user)));
            boolean inInbox = queries.inbox(user, 0, 500).stream().anyMatch(t -> t.processInstanceId().equals(pi));
            check(wrong, user, "待办", user.equals(HR) || user.equals(HR2), inInbox);
            boolean inStarted = queries.started(user, 0, 500).stream()
                    .anyMatch(s -> s.processInstanceId().equals(pi));
            check(wrong, user, "我发起的", user.equals(CADRE), inStarted);
            int told = jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE recipient = ? "
                    + "AND process_instance_id = ?", Integer.class, user, pi);
            if (!may && told > 0) {
                wrong.add(user + " was told of the case");
            }
        }
        assertThat(wrong).isEmpty();
        // the timeline the permitted see names every step so far
        assertThat(queries.instance(pi, HR2).timeline()).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void theHeadOfTheOrganisationDepartmentReadsTheCaseOnlyInTheCaseView() {
        String pi = caseAtCommittee();
        long id = jdbc.queryForObject("SELECT id FROM tolerance_case WHERE process_instance_id = ?", Long.class, pi);
        String head = "huangzhigang";
        UserContext him = users.context(head).orElseThrow();
        assertThat(readable.readable(him, id)).isPresent();
        assertThat(readable.listed(him)).extracting(ToleranceCase::id).contains(id);
        // not the task centre's detail or lists, not the cadre file's section, not the register
        assertThat(reads(() -> queries.instance(pi, head))).isFalse();
        assertThat(queries.inbox(head, 0, 500)).noneMatch(t -> t.processInstanceId().equals(pi));
        assertThat(ToleranceService.mayRead(him, cadres.find(fx.cadreId).orElseThrow())).isFalse();
        assertThat(register.inScope(him)).isEmpty();
        // the head of another county's organisation department (云溪县 given one here) reads nothing of it
        if (users.find("zhouqiang").isEmpty()) {
            long yunxi = jdbc.queryForObject("SELECT id FROM org_unit WHERE name = '云溪县'", Long.class);
            users.grant(users.addUser("zhouqiang", "周强", null, ToleranceFixture.PASSWORD), AppRoles.ORG_HEAD, yunxi);
        }
        UserContext other = users.context("zhouqiang").orElseThrow();
        assertThat(readable.readable(other, id)).isEmpty();
        assertThat(readable.listed(other)).extracting(ToleranceCase::id).doesNotContain(id);
    }

    @Test
    void nobodyCanCopyTheCaseToAnyoneElse() {
        String pi = caseAtCommittee();
        for (String user : List.of(CADRE, HR, DISCIPLINE, "admin")) {
            assertThatThrownBy(() -> instances.copyTo(pi, user, List.of(LEADER)))
                    .isInstanceOf(WorkflowException.class).hasMessage("workflow.error.confidential");
        }
        assertThat(queries.copies(LEADER, 0, 500)).noneMatch(c -> c.processInstanceId().equals(pi));
        assertThatThrownBy(() -> queries.instance(pi, LEADER)).isInstanceOf(WorkflowException.class);
    }

    @Test
    void aStepOfTheCaseIsHandedOnlyToSomeoneWhoMaySeeItAlready() {
        String pi = caseAtCommittee();
        String committee = openTask(pi, HR);
        commands.claim(committee, HR);
        for (String outsider : List.of(LEADER, DISCIPLINE2, "sunli")) {
            assertThatThrownBy(() -> commands.transfer(committee, HR, outsider, "请代办。"))
                    .isInstanceOf(WorkflowException.class).hasMessage("workflow.error.confidentialTarget");
            assertThatThrownBy(() -> commands.delegate(committee, HR, outsider, "请代办。"))
                    .isInstanceOf(WorkflowException.class).hasMessage("workflow.error.confidentialTarget");
        }
        assertThatThrownBy(() -> queries.instance(pi, DISCIPLINE2)).isInstanceOf(WorkflowException.class);
        // HR over the unit may see it: the step may go to them
        commands.transfer(committee, HR, HR2, "请钱红办理。");
        assertThat(queries.inbox(HR2, 0, 500)).anyMatch(t -> t.taskId().equals(committee));
    }

    @Test
    void evidenceAttachedToTheCaseGoesThroughTheAttachmentChecks() {
        String pi = starts.start(ToleranceStep.PROCESS_KEY, CADRE, ToleranceFixture.application("附件：证据材料"));
        commands.submitForm(openTask(pi, HR), HR, Map.of("acceptance", "ACCEPT", "acceptanceReason", "予以受理。",
                "investigator", DISCIPLINE));
        String statement = openTask(pi, CADRE);
        assertThatThrownBy(() -> commands.attach(statement, CADRE, "证据.pdf", "MZ renamed program".getBytes(
                StandardCharsets.US_ASCII))).isInstanceOf(WorkflowException.class)
                .hasMessage("attachment.error.content");
        commands.attach(statement, CADRE, "证据.pdf", "%PDF-1.4 evidence".getBytes(StandardCharsets.US_ASCII));
        assertThat(queries.attachments(pi, CADRE)).hasSize(1);
    }

    @Test
    void theCadreFilesFaultToleranceSectionIsForTheCadreHrOverTheUnitAndAdmin() {
        Cadre cadre = cadres.find(fx.cadreId).orElseThrow();
        for (String user : union(SEES, OTHERS)) {
            boolean may = Set.of(CADRE, HR, HR2, "admin").contains(user);
            assertThat(ToleranceService.mayRead(users.context(user).orElseThrow(), cadre)).as(user).isEqualTo(may);
        }
        // the register lists only the outcomes of cadres in the officer's HR scope
        Predicate<ToleranceOutcome> ours = o -> o.cadreId() == fx.cadreId;
        assertThat(register.inScope(users.context("sunli").orElseThrow())).noneMatch(ours);
    }

    private static void check(List<String> wrong, String user, String view, boolean may, boolean did) {
        if (may != did) {
            wrong.add(user + (did ? " sees " : " does not see ") + view);
        }
    }

    private static List<String> union(Set<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
