package cn.cadreflow.annualreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.html.UnorderedList;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.security.AppRoles;
import cn.cadreflow.ui.KaribuSupport;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.TaskCommands;
import cn.cadreflow.workflow.TimelineEntry;
import cn.cadreflow.workflow.WorkflowQueries;
import cn.cadreflow.workflow.WorkflowViews;
import cn.cadreflow.workflow.internal.ui.TaskView;

/**
 * 民主测评 is anonymous: once a rater has voted, neither the other raters, nor the rater, nor HR can find out who
 * voted and who has not, in the request's timeline, its waiting steps or its values; HR sees how many of how many.
 * The review is of a cadre of 石门街道 without an account, whose three colleagues get accounts here (石门区 is
 * nobody else's in the tests), with an HR officer over 石门区, who also rates (the street has no leader).
 */
@CadreFlowTest
class PeerAnonymityTest extends KaribuSupport {

    static final String HR = "shimen_hr";
    static final List<String> COLLEAGUES = List.of("shimen_a", "shimen_b", "shimen_c");

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
    JdbcTemplate jdbc;

    long street;
    long subject;
    final Map<String, String> names = new HashMap<>();

    @BeforeEach
    void accounts() {
        street = jdbc.queryForObject("SELECT id FROM org_unit WHERE name = '石门街道'", Long.class);
        long county = jdbc.queryForObject("SELECT id FROM org_unit WHERE name = '石门区'", Long.class);
        List<Long> cadres = jdbc.queryForList("SELECT id FROM cadre WHERE unit_id = ? AND status = 'ACTIVE' ORDER BY id",
                Long.class, street);
        subject = cadres.get(0);
        if (users.find(HR).isEmpty()) {
            long hrCadre = jdbc.queryForObject("SELECT MIN(id) FROM cadre WHERE unit_id = ?", Long.class, county);
            users.grant(users.addUser(HR, name(hrCadre), hrCadre, "Test@2026"), AppRoles.HR_OFFICER, county);
            for (int i = 0; i < COLLEAGUES.size(); i++) {
                users.addUser(COLLEAGUES.get(i), name(cadres.get(i + 1)), cadres.get(i + 1), "Test@2026");
            }
        }
        COLLEAGUES.forEach(u -> names.put(u, users.find(u).orElseThrow().displayName()));
    }

    String name(long cadre) {
        return jdbc.queryForObject("SELECT name FROM cadre WHERE id = ?", String.class, cadre);
    }

    String peerTask(String pi, String rater) {
        return tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(AnnualReviewStep.PEER_RATING)
                .taskAssignee(rater).singleResult().getId();
    }

    @Test
    void nobodyLearnsWhoHasVotedAndHrSeesOnlyHowMany() {
        int year = LocalDate.now().getYear();
        long campaign = campaigns.create(year, year + "年度石门街道干部考核", List.of(street), "GRASSROOTS11", HR);
        String pi = starts.start(AnnualReviewStep.PROCESS_KEY, HR, Map.of("campaignId", campaign, "cadreId", subject));
        Map<String, Object> self = new HashMap<>(Map.of("selfReport", "代录：街道综合治理。"));
        settings.items("GRASSROOTS11").forEach(i -> self.put("self_" + i.code(), 80));
        Task report = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(AnnualReviewStep.SELF_REPORT)
                .singleResult();
        commands.submitForm(report.getId(), HR, self);
        assertThat(tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(AnnualReviewStep.PEER_RATING)
                .list()).extracting(Task::getAssignee).containsExactlyInAnyOrder(HR, "shimen_a", "shimen_b", "shimen_c");

        String voted = peerTask(pi, "shimen_a");
        commands.submitForm(voted, "shimen_a", Map.of("peerVote", "称职", "peerScore", 82));

        for (String reader : List.of("shimen_a", "shimen_b", HR)) {
            WorkflowViews.InstanceDetail seen = queries.instance(pi, reader);
            List<TimelineEntry> votes = seen.timeline().stream()
                    .filter(e -> AnnualReviewStep.PEER_RATING.equals(e.stepKey())).toList();
            assertThat(votes).as(reader + ": one vote, by nobody named").singleElement().satisfies(e -> {
                assertThat(e.actor()).isNull();
                assertThat(e.actorName()).isNull();
                assertThat(e.taskId()).isNull();
            });
            List<WorkflowViews.PendingStep> waiting = seen.pending().stream()
                    .filter(p -> AnnualReviewStep.PEER_RATING.equals(p.stepKey())).toList();
            assertThat(waiting).as(reader + ": the step waits, for how many, not for whom").singleElement()
                    .satisfies(p -> {
                        assertThat(p.people()).isEmpty();
                        assertThat(p.tally()).isEqualTo(new WorkflowViews.Tally(1, 4));
                    });
            assertThat(seen.values()).as(reader + ": no rater's vote or name among the request's values")
                    .doesNotContainKeys("rater", "peerVote", "peerScore");
            assertThat(seen.values().values()).doesNotContain("shimen_a", "shimen_b", "shimen_c");
        }

        // the rater who has not voted opens the task: the timeline names none of the raters
        login("shimen_b");
        navigate("task/" + peerTask(pi, "shimen_b"));
        NavigatorKt.expectView(TaskView.class);
        String timeline = LocatorJ._get(UnorderedList.class, spec -> spec.withId("timeline")).getElement()
                .getTextRecursively();
        assertThat(timeline).contains("已有 1 人办理，共 4 人");
        COLLEAGUES.forEach(u -> assertThat(timeline).doesNotContain(names.get(u)));
        // nor does the step list beside the diagram: the vote is by nobody named, the step waits for "1 of 4"
        String steps = LocatorJ._get(com.vaadin.flow.component.html.OrderedList.class,
                spec -> spec.withId("step-list")).getElement().getTextRecursively();
        assertThat(steps).contains("民主测评", "已有 1 人办理，共 4 人");
        COLLEAGUES.forEach(u -> assertThat(steps).doesNotContain(names.get(u)));
        // nor the printed 审批单, which HR may print
        login(HR);
        navigate("print/" + pi);
        String sheet = LocatorJ._get(com.vaadin.flow.component.html.Div.class, spec -> spec.withId("print-steps"))
                .getElement().getTextRecursively();
        assertThat(sheet).contains("民主测评", "已有 1 人办理，共 4 人");
        COLLEAGUES.forEach(u -> assertThat(sheet).doesNotContain(names.get(u)));

        // a handled rating (issue 14 defect 2) reopens for its rater alone, saying it was given, never what or by whom
        WorkflowViews.HandledTask own = queries.handledTask(voted, "shimen_a");
        assertThat(own.anonymous()).isTrue();
        assertThat(own.form()).isNull();
        assertThat(own.values()).isEmpty();
        assertThat(own.handledByName()).isNull();
        // the row is about the cadre and the year (defect 3), nothing about the rater
        assertThat(own.summary().about()).isEqualTo(new WorkflowViews.About(name(subject), "appraisal.summary",
                List.of(String.valueOf(year))));
        for (String other : List.of("shimen_b", "shimen_c", HR)) {
            assertThatThrownBy(() -> queries.handledTask(voted, other)).as(other)
                    .hasMessage("workflow.error.taskGone");
        }
        login("shimen_a");
        navigate("task/" + voted);
        NavigatorKt.expectView(TaskView.class);
        LocatorJ._assertOne(com.vaadin.flow.component.html.Paragraph.class,
                spec -> spec.withId("task-handled-anonymous"));
        LocatorJ._assertNone(com.vaadin.flow.component.Component.class, spec -> spec.withId("field-peerVote"));
        assertThat(LocatorJ._get(com.vaadin.flow.component.html.H2.class, spec -> spec.withId("task-title")).getText())
                .isEqualTo("民主测评：" + name(subject) + " · 年度考核 · " + year + "年度 · "
                        + queries.instance(pi, HR).summary().businessKey());
        assertThat(LocatorJ._get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("task-handled"))
                .getText()).doesNotContain(names.get("shimen_a"));
    }
}
