package cn.cadreflow.annualreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.workflow.WorkflowException;
import cn.cadreflow.workflow.ProcessStarts;

/** Launching campaigns (years 2007, 2008 and 2009, used by no other test, and 2011, in which no other test reviews anyone): one review per active cadre, never two. */
@CadreFlowTest
class CampaignLaunchTest {

    @Autowired
    CampaignService campaigns;
    @Autowired
    CampaignLauncher launcher;
    @Autowired
    AnnualReviews appraisal;
    @Autowired
    ProcessStarts starts;
    @Autowired
    OrgService org;
    @Autowired
    RuntimeService runtime;
    @Autowired
    JdbcTemplate jdbc;

    long qingshan() {
        return ((Number) starts.knownData("zhangwei").get("unitId")).longValue();
    }

    int activeCadresIn(Set<Long> units) {
        return units.stream().mapToInt(u -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM cadre WHERE status = 'ACTIVE' AND unit_id = ?", Integer.class, u)).sum();
    }

    long instances() {
        return runtime.createProcessInstanceQuery().processDefinitionKey(AnnualReviewStep.PROCESS_KEY).count();
    }

    @Test
    void everyActiveCadreInTheUnitAndBelowGetsOneReviewAndAResumeStartsNoneTwice() {
        Set<Long> scope = org.tree().subtreeIds(List.of(qingshan()));
        assertThat(scope).hasSizeGreaterThan(1); // 青山镇 and its villages
        int expected = activeCadresIn(scope);
        assertThat(expected).isGreaterThan(3);
        long instancesBefore = instances();

        long id = campaigns.create(2007, "2007年度青山镇干部考核", List.of(qingshan()), "GRASSROOTS11", "wangfang");
        Campaign fresh = campaigns.campaign(id);
        assertThat(fresh.status()).isEqualTo("LAUNCHING");
        assertThat(fresh.launchedCount()).isZero();

        // interrupted after one batch of 2: the progress shows it
        Campaign partial = campaigns.launch(id, "wangfang", 2, 1);
        assertThat(partial.status()).isEqualTo("LAUNCHING");
        assertThat(partial.totalCount()).isEqualTo(expected);
        assertThat(partial.launchedCount()).isEqualTo(2);
        assertThat(instances() - instancesBefore).isEqualTo(2);

        // resumed: the rest, the first two skipped
        Campaign done = campaigns.launch(id, "wangfang", 2, Integer.MAX_VALUE);
        assertThat(done.status()).isEqualTo("RUNNING");
        assertThat(done.launchedCount()).isEqualTo(expected);
        assertThat(done.skippedCount()).isEqualTo(2);
        assertThat(instances() - instancesBefore).isEqualTo(expected);

        // launching again starts nothing
        Campaign again = campaigns.launch(id, "wangfang");
        assertThat(again.launchedCount()).isEqualTo(expected);
        assertThat(again.skippedCount()).isEqualTo(expected);
        assertThat(instances() - instancesBefore).isEqualTo(expected);

        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT cadre_id) FROM appraisal_review WHERE campaign_id = ?",
                Integer.class, id)).isEqualTo(expected);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM appraisal_review WHERE campaign_id = ? AND "
                + "process_instance_id IS NULL", Integer.class, id)).isZero();
        long zhangwei = ((Number) starts.knownData("zhangwei").get("cadreId")).longValue();
        assertThat(appraisal.reviewOf(id, zhangwei)).isPresent();

        // a single start for a cadre outside the campaign's units, or who already has a review, is refused
        long chenjing = ((Number) starts.knownData("chenjing").get("cadreId")).longValue();
        assertThatThrownBy(() -> starts.start(AnnualReviewStep.PROCESS_KEY, "wangfang",
                Map.of("campaignId", id, "cadreId", chenjing)))
                .isInstanceOf(WorkflowException.class)
                .satisfies(e -> assertThat(((WorkflowException) e).errors()).extracting(err -> err.messageKey())
                        .containsExactly("appraisal.error.notInScope"));
        assertThatThrownBy(() -> starts.start(AnnualReviewStep.PROCESS_KEY, "wangfang",
                Map.of("campaignId", id, "cadreId", zhangwei)))
                .isInstanceOf(WorkflowException.class);
    }

    @Test
    void twoLaunchesOfTheSameCampaignAtOnceNeverGiveACadreTwoReviews() throws Exception {
        // as when two servers resume one campaign at the same moment: the launch row lets one of them launch and
        // refuses the other; were both to get past it, whichever batch came second would be refused by the unique
        // (campaign, cadre) key and rolled back whole
        long baisha = ((Number) starts.knownData("chenjing").get("unitId")).longValue();
        int expected = activeCadresIn(org.tree().subtreeIds(List.of(baisha)));
        long id = campaigns.create(2008, "2008年度白沙镇干部考核", List.of(baisha), "GRASSROOTS11", "wangfang");
        ExecutorService servers = Executors.newFixedThreadPool(2);
        try {
            List<Future<Campaign>> launches = List.of(servers.submit(() -> campaigns.launch(id, "wangfang", 1, Integer.MAX_VALUE)),
                    servers.submit(() -> campaigns.launch(id, "wangfang", 1, Integer.MAX_VALUE)));
            for (Future<Campaign> launch : launches) {
                try {
                    launch.get(2, TimeUnit.MINUTES);
                } catch (ExecutionException refused) {
                    // the launch that lost the race stops; a resume takes what is left
                }
            }
        } finally {
            servers.shutdownNow();
        }
        Campaign done = campaigns.launch(id, "wangfang", 1, Integer.MAX_VALUE);

        assertThat(done.status()).isEqualTo("RUNNING");
        assertThat(done.launchedCount()).isEqualTo(expected);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT cadre_id) FROM appraisal_review WHERE campaign_id = ?",
                Integer.class, id)).isEqualTo(expected);
        // a refused batch left no instance behind: one per review, each attached
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM appraisal_review WHERE campaign_id = ? AND "
                + "process_instance_id IS NULL", Integer.class, id)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM appraisal_review r JOIN ACT_RU_EXECUTION e"
                + " ON e.ID_ = r.process_instance_id WHERE e.PARENT_ID_ IS NULL AND r.campaign_id = ?",
                Integer.class, id)).isEqualTo(expected);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM wf_task t JOIN appraisal_review r"
                + " ON r.process_instance_id = t.process_instance_id WHERE r.campaign_id = ? AND t.state = 'OPEN'",
                Integer.class, id)).isEqualTo(expected);
    }

    @Test
    void aLaunchUnderWayOnAnotherServerIsNotStartedAgainAndOneThatStoppedIsTakenOver() {
        long baisha = ((Number) starts.knownData("chenjing").get("unitId")).longValue();
        int expected = activeCadresIn(org.tree().subtreeIds(List.of(baisha)));
        long id = campaigns.create(2009, "2009年度白沙镇干部考核", List.of(baisha), "GRASSROOTS11", "wangfang");
        assertThat(launcher.isRunning(id)).isFalse();

        // another server is launching it: it renewed its launch row a moment ago
        jdbc.update("INSERT INTO appraisal_campaign_launch (campaign_id, holder, started_by, started_at, heartbeat_at)"
                + " VALUES (?, '4242@other-server/1', 'wangfang', ?, ?)", id, Timestamp.from(Instant.now()),
                Timestamp.from(Instant.now()));
        assertThat(launcher.isRunning(id)).as("the views show it launching, with no 继续发起").isTrue();
        assertThatThrownBy(() -> campaigns.launch(id, "wangfang", 2, Integer.MAX_VALUE))
                .isInstanceOf(AppraisalException.class)
                .extracting(e -> ((AppraisalException) e).key()).isEqualTo("appraisal.error.launchRunning");
        assertThat(campaigns.campaign(id).launchedCount()).isZero();

        // that server stopped mid-launch: past the lease, a resume takes the launch over and finishes it
        jdbc.update("UPDATE appraisal_campaign_launch SET heartbeat_at = ? WHERE campaign_id = ?",
                Timestamp.from(Instant.now().minus(campaigns.launchLease()).minusSeconds(60)), id);
        assertThat(launcher.isRunning(id)).isFalse();
        Campaign done = campaigns.launch(id, "wangfang", 2, Integer.MAX_VALUE);
        assertThat(done.status()).isEqualTo("RUNNING");
        assertThat(done.launchedCount()).isEqualTo(expected);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM appraisal_campaign_launch WHERE campaign_id = ?",
                Integer.class, id)).as("the launch row is gone once it ends").isZero();
        assertThat(launcher.isRunning(id)).isFalse();
    }

    @Test
    void aLaunchWhoseServerStoppedIsTakenOverWithoutAnyoneResumingIt() throws Exception {
        long baisha = ((Number) starts.knownData("chenjing").get("unitId")).longValue();
        int expected = activeCadresIn(org.tree().subtreeIds(List.of(baisha)));
        Instant stale = Instant.now().minus(campaigns.launchLease()).minusSeconds(60);
        // a server started this launch, committed two reviews, and died: its launch row was last renewed long ago
        long stopped = campaigns.create(2011, "2011年度白沙镇干部考核", List.of(baisha), "GRASSROOTS11", "wangfang");
        campaigns.launch(stopped, "wangfang", 2, 1);
        jdbc.update("INSERT INTO appraisal_campaign_launch (campaign_id, holder, started_by, started_at, heartbeat_at)"
                + " VALUES (?, '4242@stopped-server/1', 'wangfang', ?, ?)", stopped, Timestamp.from(stale),
                Timestamp.from(stale));
        // one being launched elsewhere right now, and one never launched: neither is taken over
        long elsewhere = campaigns.create(2011, "2011年度白沙镇干部考核（另一服务器）", List.of(baisha), "GRASSROOTS11",
                "wangfang");
        jdbc.update("INSERT INTO appraisal_campaign_launch (campaign_id, holder, started_by, started_at, heartbeat_at)"
                + " VALUES (?, '4243@busy-server/1', 'wangfang', ?, ?)", elsewhere, Timestamp.from(Instant.now()),
                Timestamp.from(Instant.now()));
        long neverLaunched = campaigns.create(2011, "2011年度白沙镇干部考核（未发起）", List.of(baisha), "GRASSROOTS11",
                "wangfang");

        assertThat(launcher.takeOverStoppedLaunches()).containsExactly(stopped);
        Campaign done = launcher.progress(stopped).get(2, TimeUnit.MINUTES);
        assertThat(done.status()).isEqualTo("RUNNING");
        assertThat(done.launchedCount()).isEqualTo(expected);
        assertThat(done.skippedCount()).as("the stopped server's reviews stay, none twice").isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT cadre_id) FROM appraisal_review WHERE campaign_id = ?",
                Integer.class, stopped)).isEqualTo(expected);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM appraisal_campaign_launch WHERE campaign_id = ?",
                Integer.class, stopped)).as("the launch row is gone once it ends").isZero();
        assertThat(campaigns.campaign(elsewhere).launchedCount()).isZero();
        assertThat(campaigns.campaign(neverLaunched).launchedCount()).isZero();
        assertThat(launcher.takeOverStoppedLaunches()).as("nothing left to take over").isEmpty();
        jdbc.update("DELETE FROM appraisal_campaign_launch WHERE campaign_id = ?", elsewhere);
    }

    @Test
    void onlyAnHrOfficerOverTheUnitsMayLaunch() {
        assertThatThrownBy(() -> campaigns.create(2007, "越权发起", List.of(qingshan()), "GRASSROOTS11", "sunli"))
                .isInstanceOf(AppraisalException.class)
                .extracting(e -> ((AppraisalException) e).key()).isEqualTo("appraisal.error.notHrOfUnit");
        // nor start one review for a cadre outside their units
        long campaign = campaigns.create(2007, "越权单个发起", List.of(qingshan()), "GRASSROOTS11", "wangfang");
        long zhangwei = ((Number) starts.knownData("zhangwei").get("cadreId")).longValue();
        assertThatThrownBy(() -> starts.start(AnnualReviewStep.PROCESS_KEY, "sunli",
                Map.of("campaignId", campaign, "cadreId", zhangwei)))
                .isInstanceOf(WorkflowException.class)
                .satisfies(e -> assertThat(((WorkflowException) e).errors()).extracting(err -> err.messageKey())
                        .containsExactly("appraisal.error.unknownCadre"));
        assertThat(appraisal.reviewOf(campaign, zhangwei)).isEmpty();
        // ... which reads exactly as a cadre that does not exist
        assertThatThrownBy(() -> starts.start(AnnualReviewStep.PROCESS_KEY, "wangfang",
                Map.of("campaignId", campaign, "cadreId", 99999999L)))
                .satisfies(e -> assertThat(((WorkflowException) e).errors()).extracting(err -> err.messageKey())
                        .containsExactly("appraisal.error.unknownCadre"));
        // nor launch, resume or read another county's campaign: refused in the words used for one that does not exist
        for (Runnable attempt : List.<Runnable>of(() -> campaigns.launch(campaign, "sunli"),
                () -> launcher.resume(campaign, "sunli"), () -> campaigns.launch(99999999L, "sunli"),
                () -> launcher.resume(99999999L, "sunli"))) {
            assertThatThrownBy(attempt::run).isInstanceOf(AppraisalException.class)
                    .extracting(e -> ((AppraisalException) e).key()).isEqualTo("appraisal.error.unknownCampaign");
        }
        assertThat(launcher.isRunning(campaign)).isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM appraisal_review WHERE campaign_id = ?", Integer.class,
                campaign)).as("nothing started").isZero();
        assertThatThrownBy(() -> campaigns.create(2007, " ", List.of(qingshan()), "GRASSROOTS11", "wangfang"))
                .extracting(e -> ((AppraisalException) e).key()).isEqualTo("appraisal.error.campaignName");
        assertThatThrownBy(() -> campaigns.create(2007, "x", List.of(qingshan()), "NOPE", "wangfang"))
                .extracting(e -> ((AppraisalException) e).key()).isEqualTo("appraisal.error.unknownFramework");
    }
}
