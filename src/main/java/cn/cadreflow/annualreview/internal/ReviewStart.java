package cn.cadreflow.annualreview.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import cn.cadreflow.annualreview.internal.AppraisalMapper;
import cn.cadreflow.annualreview.Campaign;
import cn.cadreflow.annualreview.Review;
import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.org.OrgUnit;
import cn.cadreflow.security.AppGroups;
import cn.cadreflow.security.AppUser;
import cn.cadreflow.security.UserService;
import cn.cadreflow.workflow.FormError;
import cn.cadreflow.workflow.UserDirectory;
import cn.cadreflow.workflow.WorkflowException;

/**
 * One review started on its own, from the start form (考核工作编号, 干部编号): the checks and the review row. A
 * campaign launch creates its reviews set-based instead ({@link LaunchBatch}), with the same rows and variables.
 */
@Component
class ReviewStart {

    private final AppraisalMapper mapper;
    private final CadreService cadres;
    private final OrgService org;
    private final UserService users;
    private final UserDirectory directory;
    private final Clock clock;

    ReviewStart(AppraisalMapper mapper, CadreService cadres, OrgService org, UserService users,
                UserDirectory directory, Clock clock) {
        this.mapper = mapper;
        this.cadres = cadres;
        this.org = org;
        this.users = users;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * The campaign exists; the cadre is active, under the officer's HR, in the campaign's units, not yet reviewed in
     * it nor in another campaign of its year (one review per cadre per year).
     */
    List<FormError> validate(String username, long campaignId, long cadreId) {
        List<FormError> errors = new ArrayList<>();
        if (mapper.campaign(campaignId) == null) {
            errors.add(FormError.of("campaignId", "appraisal.error.unknownCampaign"));
            return errors;
        }
        Optional<Cadre> cadre = cadres.find(cadreId);
        if (cadre.isEmpty() || !"ACTIVE".equals(cadre.get().status())) {
            errors.add(FormError.of("cadreId", "appraisal.error.unknownCadre"));
            return errors;
        }
        boolean hrOfUnit = directory.groupsOf(username).stream()
                .anyMatch(g -> g.id().equals(AppGroups.hrOfficers(cadre.get().unitId())));
        if (!hrOfUnit) {
            // out of the officer's reach reads as unknown: the id is all the refusal shows
            errors.add(FormError.of("cadreId", "appraisal.error.unknownCadre"));
            return errors;
        }
        if (!inScope(campaignId, cadre.get().unitId())) {
            errors.add(FormError.of("cadreId", "appraisal.error.notInScope", cadre.get().name()));
        }
        if (mapper.reviewOf(campaignId, cadreId) != null) {
            errors.add(FormError.of("cadreId", "appraisal.error.alreadyReviewed", cadre.get().name()));
        } else {
            int year = mapper.campaign(campaignId).campaignYear();
            if (mapper.reviewOfYear(cadreId, year) != null) {
                errors.add(reviewedThisYear(cadre.get(), year));
            }
        }
        return errors;
    }

    private static FormError reviewedThisYear(Cadre cadre, int year) {
        return FormError.of("cadreId", "appraisal.error.reviewedThisYear", cadre.name(), String.valueOf(year));
    }

    /** Is the unit one of the campaign's units or below one? Walks up (a handful of levels), no whole tree. */
    private boolean inScope(long campaignId, long unitId) {
        Set<Long> roots = Set.copyOf(mapper.campaignUnits(campaignId));
        Long unit = unitId;
        for (int depth = 0; unit != null && depth < 32; depth++) {
            if (roots.contains(unit)) {
                return true;
            }
            unit = org.unit(unit).map(OrgUnit::parentId).orElse(null);
        }
        return false;
    }

    /** Inserts the review row; returns the variables the instance gets beyond the form's, and its business key. */
    Map<String, Object> insert(long campaignId, long cadreId) {
        Campaign campaign = mapper.campaign(campaignId);
        Cadre cadre = cadres.find(cadreId).orElseThrow();
        AppraisalMapper.ReviewRow row = new AppraisalMapper.ReviewRow();
        row.campaignId = campaignId;
        row.cadreId = cadreId;
        row.unitId = cadre.unitId();
        row.reviewYear = campaign.campaignYear();
        row.status = Review.Status.SELF_REPORT.name();
        row.at = clock.instant();
        try {
            mapper.insertReview(row);
        } catch (DuplicateKeyException raced) {
            // another start or launch reviewed the cadre for the year since the checks: the (cadre, year) key refused it
            throw new WorkflowException("form.error.invalid", List.of(reviewedThisYear(cadre, campaign.campaignYear())));
        }
        Map<String, Object> vars = new HashMap<>(LaunchBatch.variables(row.id, cadre,
                users.findByCadre(cadreId).filter(AppUser::enabled).map(AppUser::username).orElse(null)));
        vars.put("businessKey", LaunchBatch.businessKey(campaign, row.id));
        return vars;
    }
}
