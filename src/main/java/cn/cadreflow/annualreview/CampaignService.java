package cn.cadreflow.annualreview;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.cadreflow.annualreview.internal.AppraisalMapper;
import cn.cadreflow.annualreview.internal.AppraisalYears;
import cn.cadreflow.annualreview.internal.LaunchBatch;
import cn.cadreflow.annualreview.internal.LaunchFailures;
import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.security.AppGroups;
import cn.cadreflow.workflow.WorkflowQueries;

import jakarta.annotation.PreDestroy;

/**
 * 考核工作: an HR officer launches the annual review for a year and a set of units. Every active cadre in the
 * units and below gets a review instance of its own, started in batches that each commit on their own (several
 * at once, on worker threads), so a launch over hundreds of thousands of cadres never holds one giant
 * transaction, shows its progress while it runs (the campaign's counts) and, when interrupted, resumes where it
 * stopped: a cadre with a review in the campaign is skipped, and the unique (campaign, cadre) key makes a second
 * review impossible. One review per cadre per year: a cadre another campaign of the year already reviews is left
 * out and counted ({@link Campaign#coveredCount}, and {@link #covered} before the launch), and the unique (cadre,
 * year) key (sql/V19) holds when launches race. {@link #launch(long, String)} is the one way reviews of a campaign are started: each batch
 * inserts its review rows set-based and starts their instances in one bulk start ({@link LaunchBatch}).
 */
@Service
public class CampaignService {

    public static final int BATCH_SIZE = 200;
    /** appraisal_campaign.name VARCHAR(200) (sql/V8). */
    public static final int NAME_MAX = 200;
    /** This server, in the launch rows (process id and host name). */
    private static final String SERVER = ManagementFactory.getRuntimeMXBean().getName();
    private static final Logger log = LoggerFactory.getLogger(CampaignService.class);

    private final AppraisalMapper mapper;
    private final AppraisalSettings settings;
    private final WorkflowQueries queries;
    private final OrgService org;
    private final CadreService cadres;
    private final LaunchBatch batch;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final int threads;
    private final Duration lease;
    /** Renews the launch rows of the launches running here, a few times per lease. */
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "campaign-launch-heartbeat");
        t.setDaemon(true);
        return t;
    });

    public CampaignService(AppraisalMapper mapper, AppraisalSettings settings,
                           WorkflowQueries queries, OrgService org, CadreService cadres, LaunchBatch batch,
                           PlatformTransactionManager transactions, Clock clock,
                           @Value("${cadreflow.annual-review.launch-threads:4}") int threads,
                           @Value("${cadreflow.annual-review.launch-lease:PT2M}") Duration lease) {
        this.mapper = mapper;
        this.settings = settings;
        this.queries = queries;
        this.org = org;
        this.cadres = cadres;
        this.batch = batch;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.threads = threads;
        this.lease = lease;
    }

    /**
     * How long a launch row stays valid without being renewed ({@code cadreflow.annual-review.launch-lease}, two
     * minutes by default): a running launch renews it a few times per lease; one left unrenewed this long was
     * stopped with its server, and another server takes it over.
     */
    public Duration launchLease() {
        return lease;
    }

    public Campaign campaign(long id) {
        Campaign c = mapper.campaign(id);
        if (c == null) {
            throw new AppraisalException("appraisal.error.unknownCampaign");
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
        requireHrOf(unitIds, username, "appraisal.error.notHrOfUnit");
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

    /** The cadres a launch leaves out as already reviewed for the year: how many, and the names of the first few. */
    public record Covered(int count, List<String> names) {
    }

    /**
     * Before a launch: the active cadres of the units and below that a campaign of the year already reviews (one
     * review per cadre per year), with the names of the first {@code names} of them. Units outside the officer's HR
     * are refused as {@link #create} refuses them; a year out of range covers nobody.
     */
    public Covered covered(int year, Collection<Long> unitIds, String username, int names) {
        LocalDate today = LocalDate.now(clock);
        if (unitIds == null || unitIds.isEmpty() || year < AppraisalYears.FIRST || year > AppraisalYears.last(today)) {
            return new Covered(0, List.of());
        }
        requireHrOf(unitIds, username, "appraisal.error.notHrOfUnit");
        Set<Long> reviewed = new HashSet<>(mapper.reviewedElsewhere(year, null));
        List<Long> covered = cadres.activeIdsInUnits(org.tree().subtreeIds(unitIds)).stream()
                .filter(reviewed::contains).toList();
        List<Long> shown = covered.subList(0, Math.min(names, covered.size()));
        Map<Long, Cadre> found = cadres.findAll(shown);
        return new Covered(covered.size(), shown.stream().map(found::get).filter(c -> c != null).map(Cadre::name)
                .toList());
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

    /**
     * As {@link #launch(long, String)}, {@code batchSize} per transaction, stopping after {@code maxBatches}. A launch
     * that a rule refused, or that ended, gives its launch row up; one stopped by something outside it (the database
     * went away, its server is shutting down: {@link LaunchFailures#isTransient}) leaves the row to run out, so that
     * a server takes the launch over when the lease has passed ({@link #stoppedLaunches}).
     */
    public Campaign launch(long campaignId, String username, int batchSize, int maxBatches) {
        Campaign campaign = campaign(campaignId);
        List<Long> roots = mapper.campaignUnits(campaignId);
        Set<String> officerGroups = requireHrOf(roots, username, "appraisal.error.unknownCampaign");
        String holder = SERVER + "/" + UUID.randomUUID();
        claim(campaignId, holder, username);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        long beat = Math.max(1, lease.toMillis() / 4);
        ScheduledFuture<?> heartbeat = heartbeats.scheduleWithFixedDelay(() -> renew(campaignId, holder, failure),
                beat, beat, TimeUnit.MILLISECONDS);
        boolean handOver = false;
        try {
            return launch(campaign, username, officerGroups, roots, batchSize, maxBatches, failure);
        } catch (RuntimeException e) {
            handOver = LaunchFailures.isTransient(e);
            throw e;
        } finally {
            heartbeat.cancel(false);
            if (!handOver) {
                ownTransaction.executeWithoutResult(s -> mapper.endLaunch(campaignId, holder));
            }
        }
    }

    /** The heartbeat: renews the launch row; had another server taken the launch over, the launch stops. */
    private void renew(long campaignId, String holder, AtomicReference<RuntimeException> failure) {
        try {
            if (Boolean.FALSE.equals(ownTransaction.execute(s ->
                    mapper.renewLaunch(campaignId, holder, clock.instant()) > 0))) {
                failure.compareAndSet(null, new AppraisalException("appraisal.error.launchRunning"));
            }
        } catch (RuntimeException e) {
            // the batches meet the same trouble and stop the launch; a row not renewed runs out
            log.debug("Could not renew the launch row of campaign {}: {}", campaignId, e.toString());
        }
    }

    /**
     * The campaigns still launching whose launch row has not been renewed within the lease, each with the officer who
     * started that launch: their server stopped mid-way (or lost the database), and any server may take them over.
     */
    public Map<Long, String> stoppedLaunches() {
        Map<Long, String> stopped = new LinkedHashMap<>();
        mapper.stoppedLaunches(clock.instant().minus(lease)).forEach(l -> stopped.put(l.campaignId(), l.startedBy()));
        return stopped;
    }

    /** Is a launch of the campaign running now, on any server: does it hold a launch row renewed within the lease? */
    public boolean isLaunching(long campaignId) {
        return mapper.countLaunchesSince(campaignId, clock.instant().minus(lease)) > 0;
    }

    /** Takes the campaign's launch row: a new one, or one whose holder has not renewed it within the lease. */
    private void claim(long campaignId, String holder, String username) {
        boolean claimed = Boolean.TRUE.equals(ownTransaction.execute(s -> {
            Instant now = clock.instant();
            if (mapper.takeOverLaunch(campaignId, holder, username, now, now.minus(lease)) > 0) {
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

    private Campaign launch(Campaign campaign, String username, Set<String> officerGroups, List<Long> roots,
                            int batchSize, int maxBatches, AtomicReference<RuntimeException> failure) {
        long campaignId = campaign.id();
        Set<Long> scope = org.tree().subtreeIds(roots);
        List<Long> active = cadres.activeIdsInUnits(scope);
        int skipped = mapper.countReviews(campaignId);
        progress(campaign, active, skipped, Campaign.Status.LAUNCHING);
        Set<Long> reviewed = new HashSet<>(mapper.reviewedCadres(campaignId));
        reviewed.addAll(mapper.reviewedElsewhere(campaign.campaignYear(), campaignId));
        List<Long> missing = active.stream().filter(c -> !reviewed.contains(c)).toList();
        List<List<Long>> batches = new ArrayList<>();
        for (int from = 0; from < missing.size() && batches.size() < maxBatches; from += batchSize) {
            batches.add(missing.subList(from, Math.min(missing.size(), from + batchSize)));
        }
        startAll(campaign, username, officerGroups, batches, failure);
        boolean complete = batches.size() * (long) batchSize >= missing.size();
        // counted again: a launch of another campaign of the year may have reviewed some of the cadres meanwhile
        progress(campaign, active, skipped, complete ? Campaign.Status.RUNNING : Campaign.Status.LAUNCHING);
        return campaign(campaignId);
    }

    /**
     * Records the counts: the active cadres of the units the campaign reviews, those left out because another campaign
     * of the year reviews them, and those it had reviewed before this launch.
     */
    private void progress(Campaign campaign, List<Long> active, int skipped, Campaign.Status status) {
        Set<Long> elsewhere = new HashSet<>(mapper.reviewedElsewhere(campaign.campaignYear(), campaign.id()));
        int covered = (int) active.stream().filter(elsewhere::contains).count();
        ownTransaction.executeWithoutResult(s -> mapper.updateProgress(campaign.id(), active.size() - covered, skipped,
                covered, status.name(), clock.instant()));
    }

    /**
     * Each batch in a transaction of its own, the batches shared out among the worker threads. The first failure
     * (or the heartbeat's news that another server took the launch over) stops the workers from taking further
     * batches and is thrown once those under way have ended; the batches committed by then stay, and a resume
     * starts the rest.
     */
    private void startAll(Campaign campaign, String username, Set<String> officerGroups, List<List<Long>> batches,
                          AtomicReference<RuntimeException> failure) {
        long campaignId = campaign.id();
        int workers = Math.max(1, Math.min(threads, batches.size()));
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int b = next.getAndIncrement(); b < batches.size() && failure.get() == null;
                 b = next.getAndIncrement()) {
                try {
                    batch.start(campaign, username, batches.get(b), officerGroups, () -> failure.get() != null);
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

    @PreDestroy
    void stop() {
        heartbeats.shutdownNow();
    }

    /** The officer's groups, when they hold the HR role of every unit; refused otherwise. */
    /**
     * Refuses a campaign that does not exist or has a unit outside the officer's HR, in the same words; returns the
     * officer's groups.
     */
    public Set<String> requireOfficerOf(long campaignId, String username) {
        campaign(campaignId);
        return requireHrOf(mapper.campaignUnits(campaignId), username, "appraisal.error.unknownCampaign");
    }

    /** Refuses units unknown or outside the officer's HR with {@code refusal}, naming none of them. */
    private Set<String> requireHrOf(Collection<Long> unitIds, String username, String refusal) {
        Set<String> groups = new HashSet<>(queries.groupIds(username));
        if (!unitIds.stream().allMatch(unit -> unit != null && groups.contains(AppGroups.hrOfficers(unit)))) {
            throw new AppraisalException(refusal);
        }
        return groups;
    }
}
