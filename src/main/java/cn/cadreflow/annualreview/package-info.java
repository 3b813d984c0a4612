/**
 * 年度考核, the annual review with its digital-capability appraisal, from campaign launch to the cadre file.
 * <p>
 * Process {@code annualReview}: {@code processes/annual-review.bpmn} and its grade table
 * {@code processes/annual-review-grade.dmn} ({@code annualReviewGrade}), the forms {@code forms/annual-review-*.form}.
 * The diagram calls only {@link cn.cadreflow.annualreview.AnnualReviewSteps} ({@code annualReviewSteps}), one
 * method per step; step ids are {@link cn.cadreflow.annualreview.AnnualReviewStep}. Campaigns:
 * {@link cn.cadreflow.annualreview.CampaignService} (one launch path: review rows set-based per batch, then one
 * bulk start) and {@link cn.cadreflow.annualreview.CampaignLauncher}; settings (weights, quota, periods, due
 * dates): {@link cn.cadreflow.annualreview.AppraisalSettings}; reading reviews:
 * {@link cn.cadreflow.annualreview.AnnualReviews}, {@link cn.cadreflow.annualreview.TrainingNeeds}. Inside: the
 * process handler and known data, the rules as plain classes ({@code ReviewScores}, {@code ExcellentQuota},
 * {@code PeerQuorum}, {@code GradeFloor}, {@code MeritRule}), evidence import, reports and the views
 * ({@code appraisal}, {@code appraisal/campaign/:id}, {@code appraisal/form/:reviewId}, {@code appraisal/evidence},
 * {@code appraisal/evidence-review}, {@code appraisal/my-evidence}, {@code training-needs}, {@code admin/appraisal}).
 * <p>
 * Tables: {@code appraisal_*} (frameworks, rules, campaigns, launches, reviews, scores, objections, rechecks),
 * {@code digital_indicator}, {@code digital_evidence}, {@code digital_evidence_file}, {@code training_need},
 * {@code cadre_honour}; migrations {@code sql/V8}–{@code V11}, {@code V14}, {@code V15}, {@code V19} (one review per
 * cadre per year). Tests:
 * {@code AnnualReview*Test}, {@code CampaignLaunchTest}, {@code internal.AnnualReviewRulesTest}.
 */
@ApplicationModule(displayName = "annualreview 年度考核",
        allowedDependencies = { "cadre", "org", "security", "workflow", "training", "tolerance", "ui", "i18n" })
package cn.cadreflow.annualreview;

import org.springframework.modulith.ApplicationModule;
