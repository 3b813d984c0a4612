package cn.cadreflow.appraisal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.cadreflow.org.OrgService;
import cn.cadreflow.security.AppGroups;
import cn.cadreflow.workflow.WorkflowService;

/**
 * 考核工作: an HR officer launches the annual review for a year and a set of units. Every active cadre in the
 * units and below gets a review instance of its own, started in batches that each commit on their own, so a
 * launch over hundreds of thousands of cadres never holds one giant transaction, shows its progress while it
 * runs (the campaign's counts) and, when interrupted, resumes where it stopped: a cadre with a review in the
 * campaign is skipped, and the unique (campaign, cadre) key makes a second review impossible.
 */
@Service
public class CampaignService {

    public static final int BATCH_SIZE = 200;

    private final AppraisalMapper mapper;
    private final AppraisalSettings settings;
    private final WorkflowService workflow;
    private final OrgService org;
    private final AppraisalService appraisal;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    public CampaignService(AppraisalMapper mapper, AppraisalSettings settings, WorkflowService workflow,
                           OrgService org, AppraisalService appraisal, PlatformTransactionManager transactions,
                           Clock clock) {
        this.mapper = mapper;
        this.settings = settings;
        this.workflow = workflow;
        this.org = org;
        this.appraisal = appraisal;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    public Campaign campaign(long id) {
        Campaign c = mapper.campaign(id);
        if (c == null) {
            throw new AppraisalException("appraisal.error.unknownCampaign", id);
        }
        return c;
    }

    public List<Long> units(long campaignId) {
        return mapper.campaignUnits(campaignId);
    }

    /** Creates the campaign and starts every review in it; returns the campaign as it stands at the end. */
    public Campaign launch(int year, String name, Collection<Long> unitIds, String frameworkCode, String username) {
        long id = create(year, name, unitIds, frameworkCode, username);
        return run(id, username, BATCH_SIZE);
    }

    /** Records a campaign (status LAUNCHING) without starting reviews yet. */
    public long create(int year, String name, Collection<Long> unitIds, String frameworkCode, String username) {
        if (name == null || name.isBlank()) {
            throw new AppraisalException("appraisal.error.campaignName");
        }
        if (unitIds == null || unitIds.isEmpty()) {
            throw new AppraisalException("appraisal.error.noUnits");
        }
        settings.framework(frameworkCode);
        requireHrOf(unitIds, username);
        return ownTransaction.execute(s -> {
            AppraisalMapper.CampaignRow row = new AppraisalMapper.CampaignRow();
            row.campaignYear = year;
            row.name = name.strip();
            row.frameworkCode = frameworkCode;
            row.status = Campaign.Status.LAUNCHING.name();
            row.createdBy = username;
            row.at = clock.instant();
            mapper.insertCampaign(row);
            new HashSet<>(unitIds).forEach(u -> mapper.insertCampaignUnit(row.id, u));
            return row.id;
        });
    }

    /**
     * Starts the reviews still missing, {@code batchSize} per transaction, updating the campaign's counts after
     * each batch. Safe to call again after an interruption, or on a finished campaign (it then starts nothing).
     */
    public Campaign run(long campaignId, String username, int batchSize) {
        return run(campaignId, username, batchSize, Integer.MAX_VALUE);
    }

    /** As {@link #run(long, String, int)}, but stops after {@code maxBatches} batches (an interrupted launch). */
    public Campaign run(long campaignId, String username, int batchSize, int maxBatches) {
        Campaign campaign = campaign(campaignId);
        List<Long> roots = mapper.campaignUnits(campaignId);
        requireHrOf(roots, username);
        Set<Long> scope = org.tree().subtreeIds(roots);
        int total = mapper.countActiveCadres(scope);
        int skipped = mapper.countReviews(campaignId);
        progress(campaignId, total, skipped, skipped, Campaign.Status.LAUNCHING);
        for (int batch = 0; batch < maxBatches; batch++) {
            boolean more = Boolean.TRUE.equals(ownTransaction.execute(s -> {
                List<Long> cadres = mapper.cadresWithoutReview(campaignId, scope, batchSize);
                // the batch's cadre data is read once, in a few set-based queries, not again for every start
                appraisal.prepareLaunch(campaignId, cadres, () -> {
                    for (Long cadreId : cadres) {
                        workflow.start(AppraisalService.PROCESS_KEY, username,
                                Map.of("campaignId", campaignId, "cadreId", cadreId));
                    }
                    return null;
                });
                mapper.updateProgress(campaignId, total, mapper.countReviews(campaignId),
                        skipped, Campaign.Status.LAUNCHING.name(), clock.instant());
                return cadres.size() == batchSize;
            }));
            if (!more) {
                progress(campaignId, total, mapper.countReviews(campaignId), skipped,
                        Campaign.Status.RUNNING);
                break;
            }
        }
        return campaign(campaignId);
    }

    private void progress(long id, int total, int launched, int skipped, Campaign.Status status) {
        ownTransaction.executeWithoutResult(s -> mapper.updateProgress(id, total, launched, skipped, status.name(),
                clock.instant()));
    }

    private void requireHrOf(Collection<Long> unitIds, String username) {
        Set<String> groups = new HashSet<>(workflow.groupIds(username));
        List<Long> outside = new ArrayList<>();
        for (Long unit : unitIds) {
            if (!groups.contains(AppGroups.hrOfficers(unit))) {
                outside.add(unit);
            }
        }
        if (!outside.isEmpty()) {
            throw new AppraisalException("appraisal.error.notHrOfUnit",
                    org.unit(outside.get(0)).map(u -> u.name()).orElse(String.valueOf(outside.get(0))));
        }
    }
}
