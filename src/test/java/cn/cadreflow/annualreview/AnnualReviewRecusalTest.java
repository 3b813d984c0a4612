package cn.cadreflow.annualreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.OrgLevel;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.security.AppGroups;
import cn.cadreflow.security.AppRoles;
import cn.cadreflow.security.UserService;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.TaskCommands;
import cn.cadreflow.workflow.UserDirectory;
import cn.cadreflow.workflow.WorkflowException;
import cn.cadreflow.workflow.WorkflowQueries;
import cn.cadreflow.workflow.WorkflowViews.OpenTask;
import cn.cadreflow.workflow.WorkflowViews.TaskSummary;

/**
 * 回避 on a review: the HR officer who launches it is its starter, the cadre is its subject. Here the cadre is
 * herself an HR officer over her own unit (何敏, HR and cadre of a township of 清河县): her review's HR steps are
 * offered to the township's HR group, wangfang (HR over the county) included, and never to her, though she is in it. Nor can anyone transfer,
 * delegate or add one of them to her, and she is not told of them.
 */
@CadreFlowTest
class AnnualReviewRecusalTest {

    static final int YEAR = 2015; // no other test reviews anyone in 2015

    @Autowired
    OrgService org;
    @Autowired
    CadreService cadres;
    @Autowired
    UserService users;
    @Autowired
    UserDirectory directory;
    @Autowired
    CampaignService campaigns;
    @Autowired
    ProcessStarts starts;
    @Autowired
    TaskCommands commands;
    @Autowired
    WorkflowQueries queries;
    @Autowired
    AppraisalSettings settings;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anOfficerUnderReviewIsNeverOfferedHandedOrToldHerOwnReviewsSteps() {
        long county = jdbc.queryForObject("SELECT id FROM org_unit WHERE name = '清河县'", Long.class);
        long township = org.addUnit("HUIBI", "回避镇", OrgLevel.TOWNSHIP, county, 0);
        long cadre = cadres.add(new CadreService.NewCadre("何敏", "F", LocalDate.of(1988, 3, 1), "汉族", null,
                LocalDate.of(2010, 7, 1), "大学", "KEYUAN", township, org.addPost(township, "组织委员", false)));
        // HR over her own township only, so that other tests' groups of the county stay as they were
        users.grant(users.addUser("hemin", "何敏", cadre, "Demo@12345"), AppRoles.HR_OFFICER, township);
        String hrGroup = AppGroups.hrOfficers(township);
        assertThat(directory.memberIds(hrGroup)).contains("hemin", "wangfang");

        long campaign = campaigns.create(YEAR, "2015年度考核（回避）", List.of(township), "GRASSROOTS11", "wangfang");
        String pi = starts.start(AnnualReviewStep.PROCESS_KEY, "wangfang", Map.of("campaignId", campaign, "cadreId", cadre));

        // her own 述职 is assigned to her by name: that step is hers
        Map<String, Object> report = new HashMap<>();
        report.put("selfReport", "全年完成干部监督与组织建设工作。");
        settings.items("GRASSROOTS11").forEach(i -> report.put("self_" + i.code(), 80));
        commands.submitForm(open(pi, AnnualReviewStep.SELF_REPORT).taskId(), "hemin", report);
        int toldBefore = told("hemin", pi);
        // the raters and the leader are whoever the rules name; she is none of them
        for (Open peer : openAll(pi, AnnualReviewStep.PEER_RATING)) {
            assertThat(peer.assignee()).isNotEqualTo("hemin");
            commands.submitForm(peer.taskId(), peer.assignee(), Map.of("peerVote", "称职", "peerScore", 80));
        }
        Open leader = open(pi, AnnualReviewStep.LEADER_RATING);
        String leaderUser = queries.inbox("wangfang", 0, 500).stream().anyMatch(t -> t.taskId().equals(leader.taskId()))
                ? "wangfang" : someoneOfferedOtherThanHemin(leader.taskId());
        commands.submitForm(leader.taskId(), leaderUser,
                Map.of("leaderScore", 80, "proposedGrade", "称职", "leaderOpinion", "工作扎实。"));

        Open hr = open(pi, AnnualReviewStep.HR_REVIEW);
        // offered to wangfang and not to hemin, though both are in the group
        assertThat(ids(queries.inbox("wangfang", 0, 500))).contains(hr.taskId());
        assertThat(ids(queries.inbox("hemin", 0, 500))).doesNotContain(hr.taskId());
        assertThat(told("hemin", pi)).as("not told of steps about her").isEqualTo(toldBefore);
        assertThatThrownBy(() -> commands.claim(hr.taskId(), "hemin")).isInstanceOf(WorkflowException.class)
                .hasMessage("workflow.error.notYourTask");
        assertThatThrownBy(() -> commands.submitForm(hr.taskId(), "hemin", Map.of("hrGrade", "优秀", "hrOpinion", "同意。")))
                .isInstanceOf(WorkflowException.class).hasMessage("workflow.error.notYourTask");
        // nor can the officer hand it to her in any way
        assertThatThrownBy(() -> commands.transfer(hr.taskId(), "wangfang", "hemin", "请处理"))
                .hasMessage("workflow.error.targetIsSubject");
        assertThatThrownBy(() -> commands.delegate(hr.taskId(), "wangfang", "hemin", "请处理"))
                .hasMessage("workflow.error.targetIsSubject");
        // (加签 is for approval steps; on this form step it is refused whoever is named)
        assertThatThrownBy(() -> commands.addApprovers(hr.taskId(), "wangfang", List.of("hemin"), "请会签"))
                .isInstanceOf(WorkflowException.class);
        Open still = open(pi, AnnualReviewStep.HR_REVIEW);
        assertThat(still.assignee()).as("nobody took it on the way").isNull();
        // the officer who launched the review is not its subject: she handles it
        commands.submitForm(hr.taskId(), "wangfang", Map.of("hrGrade", "称职", "hrOpinion", "同意。"));
        assertThat(queries.openTasks(List.of(pi))).extracting(OpenTask::stepKey)
                .containsExactly(AnnualReviewStep.COMMITTEE_DECISION);
    }

    List<String> ids(List<TaskSummary> tasks) {
        return tasks.stream().map(TaskSummary::taskId).toList();
    }

    /** An open task of the review, as the task centre's read model holds it. */
    record Open(String taskId, String assignee) {
    }

    List<Open> openAll(String pi, String step) {
        return jdbc.query("SELECT task_id, assignee FROM wf_task WHERE process_instance_id = ? AND step_key = ?"
                + " AND state = 'OPEN' AND parent_task_id IS NULL", (rs, i) -> new Open(rs.getString(1), rs.getString(2)),
                pi, step);
    }

    Open open(String pi, String step) {
        List<Open> open = openAll(pi, step);
        assertThat(open).as("open " + step).hasSize(1);
        return open.get(0);
    }

    String someoneOfferedOtherThanHemin(String taskId) {
        return jdbc.queryForList("SELECT c.group_id FROM wf_task_candidate c WHERE c.task_id = ?", String.class, taskId)
                .stream().flatMap(g -> directory.memberIds(g).stream()).filter(u -> !u.equals("hemin")).findFirst()
                .orElseThrow();
    }

    int told(String user, String pi) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM notification WHERE recipient = ? AND process_instance_id = ?",
                Integer.class, user, pi);
    }
}
