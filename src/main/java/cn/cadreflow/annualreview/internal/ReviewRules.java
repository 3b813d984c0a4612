package cn.cadreflow.annualreview.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.cadreflow.annualreview.internal.AppraisalMapper;
import cn.cadreflow.annualreview.AppraisalSettings;
import cn.cadreflow.annualreview.Grade;
import cn.cadreflow.annualreview.Review;
import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.org.OrgUnit;
import cn.cadreflow.security.AppGroups;
import cn.cadreflow.workflow.UserDirectory;

/**
 * The rules of the annual review applied to a stored review, for both the steps the diagram runs and the checks
 * of submitted forms: the 优秀 quota with the current settings, and who rates as the cadre's leader.
 */
@Component
public class ReviewRules {

    private final AppraisalMapper mapper;
    private final AppraisalSettings settings;
    private final OrgService org;
    private final UserDirectory directory;

    public ReviewRules(AppraisalMapper mapper, AppraisalSettings settings, OrgService org, UserDirectory directory) {
        this.mapper = mapper;
        this.settings = settings;
        this.org = org;
        this.directory = directory;
    }

    /** The unit's 优秀 quota across the campaign with this review graded {@code grade} ({@link ExcellentQuota}). */
    public ExcellentQuota.Status quotaStatus(Review r, String grade) {
        if (!Grade.EXCELLENT.label.equals(grade)) {
            return ExcellentQuota.Status.WITHIN;
        }
        return ExcellentQuota.status(mapper.countInUnit(r.campaignId(), r.unitId()),
                mapper.countExcellentOthers(r.campaignId(), r.unitId(), r.id()) + 1,
                settings.intRule(AppraisalSettings.QUOTA_PERCENT), settings.intRule(AppraisalSettings.QUOTA_MAX_PERCENT));
    }

    /**
     * May the committee (or a 复核) give 优秀? Yes when HR's grade was 优秀 (it passed the quota check, with
     * approval where needed) or when one more 优秀 still fits the unit's normal quota.
     */
    public boolean excellentAllowed(Review r) {
        return Grade.EXCELLENT.label.equals(r.hrGrade())
                || quotaStatus(r, Grade.EXCELLENT.label) == ExcellentQuota.Status.WITHIN;
    }

    /**
     * The leaders who rate the cadre: the unit's, unless nobody but the cadre holds that role there (a unit
     * leader, or a village without a leader account), then those of the unit above, and so on up. Where no
     * unit above has a leader with an account either, the organisation department over the cadre's unit rates,
     * so the step is never left with nobody to do it.
     */
    public String leaderGroupFor(Cadre cadre, String cadreUser) {
        Long unit = cadre.unitId();
        while (unit != null) {
            List<String> members = new ArrayList<>(directory.memberIds(AppGroups.unitLeaders(unit)));
            members.remove(cadreUser);
            if (!members.isEmpty()) {
                return AppGroups.unitLeaders(unit);
            }
            unit = org.unit(unit).map(OrgUnit::parentId).orElse(null);
        }
        return AppGroups.hrOfficers(cadre.unitId());
    }
}
