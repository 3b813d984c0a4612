package cn.cadreflow.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * What the multi-node suites check in the database itself, with SQL on a connection of their own (a new one per
 * statement, so that a restarted server is simply connected to again): a campaign's reviews against its instances,
 * approvals against the trail, and the cadres they add.
 */
final class ClusterChecks {

    final JdbcTemplate jdbc;

    ClusterChecks(String host, String port, String database, String user, String password) {
        DriverManagerDataSource source = new DriverManagerDataSource("jdbc:mysql://" + host + ":" + port + "/"
                + database + "?useSSL=false&allowPublicKeyRetrieval=true&connectTimeout=5000&socketTimeout=60000",
                user, password);
        this.jdbc = new JdbcTemplate(source);
    }

    long unitId(String name) {
        return jdbc.queryForObject("SELECT id FROM org_unit WHERE name = ?", Long.class, name);
    }

    long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    /** Adds {@code count} active cadres, each with a post of their own and no account, to a unit (set-based). */
    void addCadres(long unitId, int count, String prefix) {
        jdbc.update("INSERT INTO post (unit_id, name, leading_post, sort_order) SELECT ?, CONCAT('nodes-', ?, '-', seq),"
                + " FALSE, 100 + seq FROM seq_1_to_" + count, unitId, prefix);
        jdbc.update("INSERT INTO cadre (name, gender, birth_date, ethnicity, party_date, work_start_date, education,"
                + " rank_code, unit_id, post_id, status)"
                + " SELECT CONCAT(?, '干部', sort_order - 100), IF(id MOD 2 = 0, 'F', 'M'),"
                + " DATE '1970-01-01' + INTERVAL (id MOD 9000) DAY, '汉族', NULL,"
                + " DATE '1995-07-01' + INTERVAL (id MOD 5000) DAY, '大学', 'KEYUAN', unit_id, id, 'ACTIVE'"
                + " FROM post WHERE unit_id = ? AND name LIKE CONCAT('nodes-', ?, '-%')", prefix, unitId, prefix);
    }

    /** The active cadres of a unit and the units right below it (a township and its villages). */
    long activeCadresUnder(long unitId) {
        return count("SELECT COUNT(*) FROM cadre WHERE status = 'ACTIVE' AND (unit_id = ? OR unit_id IN"
                + " (SELECT id FROM org_unit WHERE parent_id = ?))", unitId, unitId);
    }

    long reviews(long campaignId) {
        return count("SELECT COUNT(*) FROM appraisal_review WHERE campaign_id = ?", campaignId);
    }

    String campaignStatus(long campaignId) {
        return jdbc.queryForObject("SELECT status FROM appraisal_campaign WHERE id = ?", String.class, campaignId);
    }

    /**
     * The campaign has launched for every cadre exactly once: one review per cadre, each with its own running
     * instance at 述职 (one open task), and no annual-review instance of the campaign's year without its review.
     */
    void assertOneReviewAndOneInstancePerCadre(long campaignId, int year, long cadres) {
        assertThat(campaignStatus(campaignId)).isEqualTo("RUNNING");
        assertThat(reviews(campaignId)).as("reviews").isEqualTo(cadres);
        assertThat(count("SELECT COUNT(DISTINCT cadre_id) FROM appraisal_review WHERE campaign_id = ?", campaignId))
                .as("cadres with a review").isEqualTo(cadres);
        assertThat(count("SELECT COUNT(*) FROM appraisal_review WHERE campaign_id = ? AND process_instance_id IS NULL",
                campaignId)).as("reviews without an instance").isZero();
        assertThat(count("SELECT COUNT(DISTINCT r.process_instance_id) FROM appraisal_review r"
                + " JOIN ACT_RU_EXECUTION e ON e.ID_ = r.process_instance_id AND e.PARENT_ID_ IS NULL"
                + " WHERE r.campaign_id = ?", campaignId)).as("reviews with a running instance of their own")
                .isEqualTo(cadres);
        assertThat(count("SELECT COUNT(*) FROM ACT_HI_PROCINST p WHERE p.PROC_DEF_KEY_ = 'annualReview'"
                + " AND p.BUSINESS_KEY_ LIKE ? AND NOT EXISTS (SELECT 1 FROM appraisal_review r"
                + " WHERE r.process_instance_id = p.PROC_INST_ID_)", "KH-" + year + "-%"))
                .as("instances without a review").isZero();
        assertThat(count("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_KEY_ = 'annualReview'"
                + " AND BUSINESS_KEY_ LIKE ?", "KH-" + year + "-%")).as("instances started").isEqualTo(cadres);
        assertThat(count("SELECT COUNT(*) FROM wf_task t JOIN appraisal_review r"
                + " ON r.process_instance_id = t.process_instance_id WHERE r.campaign_id = ? AND t.state = 'OPEN'",
                campaignId)).as("open 述职 tasks").isEqualTo(cadres);
    }

    /**
     * No approval is half-recorded: every decided step of a training-leave request has exactly one decision in the
     * trail, no decision names a step that is still open, and the task centre's read model agrees with the engine.
     */
    void assertNoHalfRecordedApproval() {
        String decision = "a.action IN ('APPROVE', 'REJECT')";
        assertThat(count("SELECT COUNT(*) FROM ACT_HI_TASKINST t WHERE t.PROC_DEF_KEY_ = 'trainingLeave'"
                + " AND t.TASK_DEF_KEY_ IN ('leaderApproval', 'hrApproval') AND t.END_TIME_ IS NOT NULL AND t.DELETE_REASON_ = 'completed' AND (SELECT COUNT(*)"
                + " FROM workflow_action a WHERE a.task_id = t.ID_ AND " + decision + ") <> 1"))
                .as("steps completed without exactly one decision recorded").isZero();
        assertThat(count("SELECT COUNT(*) FROM workflow_action a JOIN ACT_RU_TASK t ON t.ID_ = a.task_id WHERE "
                + decision)).as("decisions recorded on a step still open").isZero();
        assertThat(count("SELECT COUNT(*) FROM workflow_action a LEFT JOIN ACT_HI_TASKINST t ON t.ID_ = a.task_id"
                + " WHERE " + decision + " AND (t.ID_ IS NULL OR t.END_TIME_ IS NULL)"))
                .as("decisions of steps the engine never completed").isZero();
        assertThat(count("SELECT COUNT(*) FROM ACT_RU_TASK t LEFT JOIN wf_task w ON w.task_id = t.ID_"
                + " WHERE w.state IS NULL OR w.state <> 'OPEN'")).as("open steps missing from the task centre")
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM wf_task w WHERE w.state = 'OPEN' AND NOT EXISTS"
                + " (SELECT 1 FROM ACT_RU_TASK t WHERE t.ID_ = w.task_id)")).as("task-centre steps the engine closed")
                .isZero();
    }

    /** The rows of a query, for a failure message. */
    java.util.List<Map<String, Object>> rows(String sql, Object... args) {
        return jdbc.queryForList(sql, args);
    }

    /** Waits until the condition holds, checking twice a second; false if it never did within the timeout. */
    static boolean await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(500);
        }
        return condition.getAsBoolean();
    }
}
