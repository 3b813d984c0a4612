package cn.cadreflow.annualreview.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.cadreflow.annualreview.AnnualReviewStep;
import cn.cadreflow.annualreview.AppraisalException;
import cn.cadreflow.annualreview.Campaign;
import cn.cadreflow.annualreview.Review;
import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.security.AppGroups;
import cn.cadreflow.security.AppUser;
import cn.cadreflow.security.UserService;
import cn.cadreflow.workflow.StartRequest;

/**
 * One batch of a campaign launch, set-based: the batch's cadres and accounts read in one batch lookup each (from cadre and security), their review
 * rows inserted in one statement and read back in one, and for each review the instance to start, with its own
 * variables. The (campaign, cadre) key refuses the whole batch when another launch got there first.
 */
@Component
public class LaunchBatch {

    private final AppraisalMapper mapper;
    private final CadreService cadreService;
    private final UserService users;
    private final Clock clock;

    LaunchBatch(AppraisalMapper mapper, CadreService cadreService, UserService users, Clock clock) {
        this.mapper = mapper;
        this.cadreService = cadreService;
        this.users = users;
        this.clock = clock;
    }

    /**
     * Inserts the reviews of the cadres (active, under the officer's HR: {@code officerGroups}) and returns the
     * instances to start for them, in the cadres' order.
     */
    public List<StartRequest> insertReviews(Campaign campaign, List<Long> cadreIds, Set<String> officerGroups) {
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
}
