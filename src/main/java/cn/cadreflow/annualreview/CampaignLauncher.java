package cn.cadreflow.annualreview;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import jakarta.annotation.PreDestroy;

/**
 * Runs campaign launches off the UI thread: the campaign is recorded at once (refusals surface to the caller)
 * and its reviews are started in the background, one campaign at a time per launcher thread; the views follow
 * the progress through the campaign's counts. A campaign left LAUNCHING (the server stopped) is resumed the
 * same way.
 */
@Service
public class CampaignLauncher {

    private static final Logger log = LoggerFactory.getLogger(CampaignLauncher.class);

    private final CampaignService campaigns;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "campaign-launcher");
        t.setDaemon(true);
        return t;
    });
    private final Map<Long, CompletableFuture<Campaign>> running = new ConcurrentHashMap<>();

    public CampaignLauncher(CampaignService campaigns) {
        this.campaigns = campaigns;
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
            } catch (RuntimeException e) {
                log.warn("Launch of campaign {} stopped", campaignId, e);
                running.remove(campaignId, launch);
                launch.completeExceptionally(e);
            }
        });
        return launch;
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
        executor.shutdownNow();
    }
}
