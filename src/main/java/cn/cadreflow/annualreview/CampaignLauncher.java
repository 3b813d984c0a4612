package cn.cadreflow.annualreview;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import jakarta.annotation.PreDestroy;

/**
 * Runs campaign launches off the UI thread: the campaign is recorded at once (refusals surface to the caller)
 * and its reviews are started in the background, one campaign at a time per launcher thread; the views follow
 * the progress through the campaign's counts. A campaign left LAUNCHING is resumed the same way: by a person
 * (继续发起) when its launch was refused or ended early, and by whichever server looks first when its server
 * stopped mid-launch or lost the database: every server looks for such launches every
 * {@code cadreflow.annual-review.launch-watch} (one minute by default) and takes over those whose lease has run out.
 */
@Service
public class CampaignLauncher {

    private static final Logger log = LoggerFactory.getLogger(CampaignLauncher.class);

    private final CampaignService campaigns;
    private final Duration watch;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "campaign-launcher");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "campaign-launch-watch");
        t.setDaemon(true);
        return t;
    });
    private final Map<Long, CompletableFuture<Campaign>> running = new ConcurrentHashMap<>();

    public CampaignLauncher(CampaignService campaigns,
                            @Value("${cadreflow.annual-review.launch-watch:PT1M}") Duration watch) {
        this.campaigns = campaigns;
        this.watch = watch;
    }

    /** Records the campaign (refusing as {@link CampaignService#create} does) and starts its reviews in the background. */
    public long launch(int year, String name, Collection<Long> unitIds, String frameworkCode, String username) {
        long id = campaigns.create(year, name, unitIds, frameworkCode, username);
        resume(id, username);
        return id;
    }

    /**
     * Starts the missing reviews of a campaign in the background, unless that is already under way. Refused at once,
     * before anything is queued, when the campaign is unknown or not wholly under the officer's HR.
     */
    public synchronized CompletableFuture<Campaign> resume(long campaignId, String username) {
        campaigns.requireOfficerOf(campaignId, username);
        CompletableFuture<Campaign> current = running.get(campaignId);
        if (current != null) {
            return current;
        }
        CompletableFuture<Campaign> launch = new CompletableFuture<>();
        running.put(campaignId, launch);
        executor.execute(() -> {
            try {
                Campaign done = campaigns.launch(campaignId, username);
                running.remove(campaignId, launch);
                launch.complete(done);
            } catch (AppraisalException e) {
                log.info("Launch of campaign {} stopped: {}", campaignId, e.key());
                running.remove(campaignId, launch);
                launch.completeExceptionally(e);
            } catch (RuntimeException e) {
                log.warn("Launch of campaign {} stopped", campaignId, e);
                running.remove(campaignId, launch);
                launch.completeExceptionally(e);
            }
        });
        return launch;
    }

    /**
     * Takes over the launches whose server stopped mid-way: each campaign still launching whose launch row has not
     * been renewed within the lease is resumed here, as the officer who started it (unless it already runs here).
     * Two servers that look at the same moment both try; the launch row lets one of them through.
     */
    public List<Long> takeOverStoppedLaunches() {
        List<Long> resumed = new ArrayList<>();
        campaigns.stoppedLaunches().forEach((campaignId, officer) -> {
            if (!running.containsKey(campaignId)) {
                log.info("Taking over the launch of campaign {}, stopped on another server or cut off from the"
                        + " database", campaignId);
                try {
                    resume(campaignId, officer);
                    resumed.add(campaignId);
                } catch (AppraisalException e) {
                    // the officer may no longer launch it (rights withdrawn): the others are still taken over
                    log.info("Launch of campaign {} not taken over: {}", campaignId, e.key());
                }
            }
        });
        return resumed;
    }

    @EventListener(ApplicationReadyEvent.class)
    void watchForStoppedLaunches() {
        watcher.scheduleWithFixedDelay(() -> {
            try {
                takeOverStoppedLaunches();
            } catch (RuntimeException e) {
                log.warn("Could not look for stopped campaign launches: {}", e.toString());
            }
        }, watch.toMillis(), watch.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Is a launch of the campaign running now, in this server or another? */
    public boolean isRunning(long campaignId) {
        return running.containsKey(campaignId) || campaigns.isLaunching(campaignId);
    }

    /** The launch under way, if any (tests wait on it). */
    public CompletableFuture<Campaign> progress(long campaignId) {
        return running.getOrDefault(campaignId, CompletableFuture.completedFuture(campaigns.campaign(campaignId)));
    }

    @PreDestroy
    void stop() {
        watcher.shutdownNow();
        executor.shutdownNow();
    }
}
