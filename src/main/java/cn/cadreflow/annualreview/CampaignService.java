package cn.cadreflow.annualreview;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.cadreflow.annualreview.internal.AppraisalMapper;
import cn.cadreflow.annualreview.internal.AppraisalYears;
import cn.cadreflow.annualreview.internal.LaunchBatch;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.security.AppGroups;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.StartRequest;
import cn.cadreflow.workflow.WorkflowQueries;

/**
 * 考核工作: an HR officer launches the annual review for a year and a set of units. Every active cadre in the
 * units and below gets a review instance of its own, started in batches that each commit on their own (several
 * at once, on worker threads), so a launch over hundreds of thousands of cadres never holds one giant
 * transaction, shows its progress while it runs (the campaign's counts) and, when interrupted, resumes where it
 * stopped: a cadre with a review in the campaign is skipped, and the unique (campaign, cadre) key makes a second
 * review impossible. {@link #launch(long, String)} is the one way reviews of a campaign are started: each batch
 * inserts its review rows set-based ({@link LaunchBatch}) and starts their instances in one bulk start.
 */
@Service
public class CampaignService {

    public static final int BATCH_SIZE = 200;
    /** appraisal_campaign.name VARCHAR(200) (sql/V8). */
    public static final int NAME_MAX = 200;
    /** A launch renews its row after every batch; one not renewed for this long has stopped (its server did). */
    static final Duration LAUNCH_LEASE = Duration.ofMinutes(2);
    /** This server, in the launch rows (process id and host name). */
    private static final String SERVER = ManagementFactory.getRuntimeMXBean().getName();

    private final AppraisalMapper mapper;
    private final AppraisalSettings settings;
    private final ProcessStarts workflow;
    private final WorkflowQueries queries;
    private final OrgService org;
    private final CadreService cadres;
    private final LaunchBatch batch;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final int threads;

    public CampaignService(AppraisalMapper mapper, AppraisalSettings settings, ProcessStarts workflow,
                           WorkflowQueries queries, OrgService org, CadreService cadres, LaunchBatch batch,
                           PlatformTransactionManager transactions, Clock clock,
                           @Value("${cadreflow.annual-review.launch-threads:4}") int threads) {
        this.mapper = mapper;
        this.settings = settings;
        this.workflow = workflow;
        this.queries = queries;
        this.org = org;
        this.cadres = cadres;
        this.batch = batch;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.threads = threads;
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

    /**
     * Records a campaign (status LAUNCHING) without starting reviews yet: for a year from 2000 to next year
     * ({@link AppraisalYears}), named in at most {@value #NAME_MAX} characters.
     */
    public long create(int year, String name, Collection<Long> unitIds, String frameworkCode, String username) {
        AppraisalYears.check(year, LocalDate.now(clock));
        if (name == null || name.isBlank()) {
            throw new AppraisalException("appraisal.error.campaignName");
        }
        if (name.strip().length() > NAME_MAX) {
            throw new AppraisalException("appraisal.error.campaignNameTooLong", String.valueOf(NAME_MAX));
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
     * Starts the reviews still missing, {@value #BATCH_SIZE} per transaction, on the configured number of worker
     * threads ({@code cadreflow.annual-review.launch-threads}); returns the campaign as it stands at the end. Safe to
     * call again after an interruption, or on a finished campaign (it then starts nothing). Refused while another
     * launch of the campaign runs, on this server or another ({@link #isLaunching}).
     */
    public Campaign launch(long campaignId, String username) {
        return launch(campaignId, username, BATCH_SIZE, Integer.MAX_VALUE);
    }

    /** As {@link #launch(long, String)}, {@code batchSize} per transaction, stopping after {@code maxBatches}. */
    public Campaign launch(long campaignId, String username, int batchSize, int maxBatches) {
        Campaign campaign = campaign(campaignId);
        List<Long> roots = mapper.campaignUnits(campaignId);
        Set<String> officerGroups = requireHrOf(roots, username);
        String holder = SERVER + "/" + UUID.randomUUID();
        claim(campaignId, holder, username);
        try {
            return launch(campaign, holder, username, officerGroups, roots, batchSize, maxBatches);
        } finally {
            ownTransaction.executeWithoutResult(s -> mapper.endLaunch(campaignId, holder));
        }
    }

    /** Is a launch of the campaign running now, on any server: does it hold a launch row renewed within the lease? */
    public boolean isLaunching(long campaignId) {
        return mapper.countLaunchesSince(campaignId, clock.instant().minus(LAUNCH_LEASE)) > 0;
    }

    /** Takes the campaign's launch row: a new one, or one whose holder has not renewed it within the lease. */
    private void claim(long campaignId, String holder, String username) {
        boolean claimed = Boolean.TRUE.equals(ownTransaction.execute(s -> {
            Instant now = clock.instant();
            if (mapper.takeOverLaunch(campaignId, holder, username, now, now.minus(LAUNCH_LEASE)) > 0) {
                return true;
            }
            try {
                mapper.insertLaunch(campaignId, holder, username, now);
                return true;
            } catch (DuplicateKeyException held) {
                return false;
            }
        }));
        if (!claimed) {
            throw new AppraisalException("appraisal.error.launchRunning");
        }
    }

    private Campaign launch(Campaign campaign, String holder, String username, Set<String> officerGroups,
                            List<Long> roots, int batchSize, int maxBatches) {
        long campaignId = campaign.id();
        Set<Long> scope = org.tree().subtreeIds(roots);
        List<Long> active = cadres.activeIdsInUnits(scope);
        int total = active.size();
        int skipped = mapper.countReviews(campaignId);
        progress(campaignId, total, skipped, Campaign.Status.LAUNCHING);
        Set<Long> reviewed = new HashSet<>(mapper.reviewedCadres(campaignId));
        List<Long> missing = active.stream().filter(c -> !reviewed.contains(c)).toList();
        List<List<Long>> batches = new ArrayList<>();
        for (int from = 0; from < missing.size() && batches.size() < maxBatches; from += batchSize) {
            batches.add(missing.subList(from, Math.min(missing.size(), from + batchSize)));
        }
        startAll(campaign, holder, username, officerGroups, batches);
        if (batches.size() * (long) batchSize >= missing.size()) {
            progress(campaignId, total, skipped, Campaign.Status.RUNNING);
        }
        return campaign(campaignId);
    }

    /**
     * Each batch in a transaction of its own, the batches shared out among the worker threads. The first failure
     * stops the workers from taking further batches and is thrown once those under way have ended; the batches
     * committed by then stay, and a resume starts the rest.
     */
    private void startAll(Campaign campaign, String holder, String username, Set<String> officerGroups,
                          List<List<Long>> batches) {
        long campaignId = campaign.id();
        int workers = Math.max(1, Math.min(threads, batches.size()));
        AtomicInteger next = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Runnable worker = () -> {
            for (int b = next.getAndIncrement(); b < batches.size() && failure.get() == null;
                 b = next.getAndIncrement()) {
                List<Long> cadres = batches.get(b);
                try {
                    ownTransaction.executeWithoutResult(s -> {
                        List<StartRequest> starts = batch.insertReviews(campaign, cadres, officerGroups);
                        workflow.startAll(AnnualReviewStep.PROCESS_KEY, username, starts);
                    });
                    // the lease: still launching; had another launch taken it over meanwhile, stop
                    if (Boolean.FALSE.equals(ownTransaction.execute(s ->
                            mapper.renewLaunch(campaignId, holder, clock.instant()) > 0))) {
                        failure.compareAndSet(null, new AppraisalException("appraisal.error.launchRunning"));
                    }
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                }
            }
        };
        if (workers == 1) {
            worker.run();
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
                Thread t = new Thread(r, "campaign-" + campaignId + "-worker");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> running = new ArrayList<>();
                for (int w = 0; w < workers; w++) {
                    running.add(pool.submit(worker));
                }
                for (Future<?> f : running) {
                    f.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.compareAndSet(null, new AppraisalException("appraisal.error.launchInterrupted"));
            } catch (ExecutionException e) {
                failure.compareAndSet(null, new IllegalStateException(e.getCause()));
            } finally {
                pool.shutdownNow();
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private void progress(long id, int total, int skipped, Campaign.Status status) {
        ownTransaction.executeWithoutResult(s -> mapper.updateProgress(id, total, skipped, status.name(),
                clock.instant()));
    }

    /** The officer's groups, when they hold the HR role of every unit; refused otherwise. */
    private Set<String> requireHrOf(Collection<Long> unitIds, String username) {
        Set<String> groups = new HashSet<>(queries.groupIds(username));
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
        return groups;
    }
}
