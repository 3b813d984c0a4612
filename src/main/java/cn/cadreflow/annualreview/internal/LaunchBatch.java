package cn.cadreflow.annualreview.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.cadreflow.annualreview.AnnualReviewStep;
import cn.cadreflow.annualreview.AppraisalException;
import cn.cadreflow.annualreview.Campaign;
import cn.cadreflow.annualreview.Review;
import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.security.AppGroups;
import cn.cadreflow.security.AppUser;
import cn.cadreflow.security.UserService;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.StartRequest;

/**
 * One batch of a campaign launch, set-based: the batch's cadres and accounts read in one batch lookup each (from cadre and security), their review
 * rows inserted in one statement and read back in one, and for each review the instance to start, with its own
 * variables, all started in one bulk start, in a transaction of its own. The (campaign, cadre) and (cadre, year) keys
 * refuse the whole batch when another launch of this campaign or of another campaign of the year got there first; a
 * batch refused so, or stopped by a passing failure (the database restarting: {@link LaunchFailures#isTransient}), is
 * tried again for the cadres still without a review of the year.
 */
@Component
public class LaunchBatch {

    /** Tries of one batch; the pauses between them double from one second (31 s in all). */
    static final int ATTEMPTS = 6;
    private static final Logger log = LoggerFactory.getLogger(LaunchBatch.class);

    private final AppraisalMapper mapper;
    private final CadreService cadreService;
    private final UserService users;
    private final ProcessStarts workflow;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    LaunchBatch(AppraisalMapper mapper, CadreService cadreService, UserService users, ProcessStarts workflow,
                PlatformTransactionManager transactions, Clock clock) {
        this.mapper = mapper;
        this.cadreService = cadreService;
        this.users = users;
        this.workflow = workflow;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * Inserts the reviews of the cadres and starts their instances as {@code username}, in one transaction. After a
     * passing failure, or when another launch (of this campaign or another of the year) started some of the cadres
     * meanwhile, waits and tries again with the cadres still without a review of the year, up to {@value #ATTEMPTS} times in all, unless {@code stop} says the launch
     * is over; then the last failure is thrown, and nothing of the failed tries remains.
     */
    public void start(Campaign campaign, String username, List<Long> cadreIds, Set<String> officerGroups,
                      BooleanSupplier stop) {
        List<Long> cadres = cadreIds;
        for (int attempt = 1; ; attempt++) {
            List<Long> these = cadres;
            try {
                ownTransaction.executeWithoutResult(s ->
                        workflow.startAll(AnnualReviewStep.PROCESS_KEY, username,
                                insertReviews(campaign, these, officerGroups)));
                return;
            } catch (RuntimeException e) {
                boolean again = LaunchFailures.isTransient(e) || e instanceof DuplicateKeyException;
                if (!again || attempt == ATTEMPTS || stop.getAsBoolean()) {
                    throw e;
                }
                log.info("Batch of campaign {} stopped ({}), trying again", campaign.id(), e.getClass().getSimpleName());
                pause(1000L << (attempt - 1));
                cadres = withoutReview(campaign, cadreIds);
                if (cadres.isEmpty()) {
                    return;
                }
            }
        }
    }

    /** The cadres without a review of the campaign's year, in this campaign or another. */
    private List<Long> withoutReview(Campaign campaign, List<Long> cadreIds) {
        Set<Long> reviewed = Set.copyOf(mapper.reviewedInYear(campaign.campaignYear(), cadreIds));
        return cadreIds.stream().filter(id -> !reviewed.contains(id)).toList();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AppraisalException("appraisal.error.launchInterrupted");
        }
    }

    /**
     * Inserts the reviews of the cadres (active, under the officer's HR: {@code officerGroups}) and returns the
     * instances to start for them, in the cadres' order.
     */
    List<StartRequest> insertReviews(Campaign campaign, List<Long> cadreIds, Set<String> officerGroups) {
        Map<Long, Cadre> cadres = cadreService.findAll(cadreIds);
        Map<Long, AppUser> accounts = users.findByCadres(cadreIds).stream()
                .collect(Collectors.toMap(AppUser::cadreId, Function.identity()));
        List<AppraisalMapper.ReviewRow> rows = new ArrayList<>(cadreIds.size());
        for (Long id : cadreIds) {
            Cadre cadre = cadres.get(id);
            if (cadre == null || !"ACTIVE".equals(cadre.status())
                    || !officerGroups.contains(AppGroups.hrOfficers(cadre.unitId()))) {
                throw new AppraisalException("appraisal.error.unknownCadre");
            }
            AppraisalMapper.ReviewRow row = new AppraisalMapper.ReviewRow();
            row.campaignId = campaign.id();
            row.cadreId = id;
            row.unitId = cadre.unitId();
            row.reviewYear = campaign.campaignYear();
            row.status = Review.Status.SELF_REPORT.name();
            row.at = clock.instant();
            rows.add(row);
        }
        mapper.insertReviews(rows);
        Map<Long, Long> reviewOfCadre = mapper.launchedReviews(campaign.id(), cadreIds).stream()
                .collect(Collectors.toMap(AppraisalMapper.LaunchedReview::cadreId, AppraisalMapper.LaunchedReview::id));
        List<StartRequest> starts = new ArrayList<>(cadreIds.size());
        for (Long id : cadreIds) {
            long reviewId = reviewOfCadre.get(id);
            AppUser account = accounts.get(id);
            Map<String, Object> vars = new HashMap<>(variables(reviewId, cadres.get(id),
                    account != null && account.enabled() ? account.username() : null));
            // as the start form gives them
            vars.put("campaignId", (double) campaign.id());
            vars.put("cadreId", (double) id);
            starts.add(new StartRequest(businessKey(campaign, reviewId), vars));
        }
        return starts;
    }

    /**
     * Few variables, since each is written twice over (runtime and history): the review row holds the facts, and
     * the BPMN asks {@code annualReviewSteps} for groups and periods when a step needs them; unitId and cadreName
     * file the tasks under the cadre in the task centre.
     */
    static Map<String, Object> variables(long reviewId, Cadre cadre, String cadreUser) {
        Map<String, Object> vars = new HashMap<>();
        vars.put(AnnualReviewStep.REVIEW_ID, reviewId);
        vars.put("cadreUser", cadreUser);
        vars.put("unitId", cadre.unitId());
        vars.put("cadreName", cadre.name());
        return vars;
    }

    static String businessKey(Campaign campaign, long reviewId) {
        return "KH-" + campaign.campaignYear() + "-" + reviewId;
    }

    /** The year in a review's number ("2026" of KH-2026-15), or null for anything else. */
    static String yearOf(String businessKey) {
        return businessKey != null && businessKey.matches("KH-\\d{4}-\\d+") ? businessKey.substring(3, 7) : null;
    }
}
