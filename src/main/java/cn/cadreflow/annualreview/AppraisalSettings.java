package cn.cadreflow.annualreview;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cadreflow.annualreview.internal.AppraisalMapper;
import cn.cadreflow.annualreview.internal.EvidenceValues;

/**
 * The admin-editable reference data of the annual review: capability frameworks and their weights, the
 * digital-capability indicators and the rule settings. Weights of a framework, and of the indicator set, sum
 * to 100; refusals are {@link AppraisalException}s with message keys.
 */
@Service
public class AppraisalSettings {

    public static final String QUOTA_PERCENT = "excellent.quota.percent";
    public static final String QUOTA_MAX_PERCENT = "excellent.quota.max.percent";
    public static final String NOTICE_DAYS = "notice.working.days";
    public static final String RECHECK_DAYS = "recheck.window.days";
    public static final String PEER_DEADLINE_DAYS = "peer.deadline.days";
    public static final String PEER_COMPLETION_PERCENT = "peer.completion.percent";
    /** Days each step of the diagram is due in from when it begins (camunda:dueDate, read when the step begins). */
    public static final String SELF_REPORT_DUE_DAYS = "due.selfReport.days";
    public static final String LEADER_RATING_DUE_DAYS = "due.leaderRating.days";
    public static final String HR_REVIEW_DUE_DAYS = "due.hrReview.days";
    public static final String QUOTA_APPROVAL_DUE_DAYS = "due.quotaApproval.days";
    public static final String COMMITTEE_DUE_DAYS = "due.committeeDecision.days";
    public static final String OBJECTION_CHECK_DUE_DAYS = "due.objectionCheck.days";
    public static final String RECHECK_DUE_DAYS = "due.recheck.days";
    public static final String DIGITAL_WEAK = "digital.weak.threshold";
    public static final String MERIT_YEARS = "merit.consecutive.excellent";
    public static final String WEIGHT_SELF = "weight.self";
    public static final String WEIGHT_PEER = "weight.peer";
    public static final String WEIGHT_LEADER = "weight.leader";
    public static final String WEIGHT_DIGITAL = "weight.digital";
    static final Set<String> SCORE_WEIGHTS = Set.of(WEIGHT_SELF, WEIGHT_PEER, WEIGHT_LEADER, WEIGHT_DIGITAL);
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** appraisal_framework_item.name VARCHAR(100) (sql/V8), counted in UTF-16 units as the database does. */
    public static final int NAME_MAX = 100;
    /** The longest period a rule may set, in days: a year. Percentages, weights and scores stop at 100. */
    static final int DAYS_MAX = 366;
    static final int MERIT_YEARS_MAX = 10;

    private final AppraisalMapper mapper;

    public AppraisalSettings(AppraisalMapper mapper) {
        this.mapper = mapper;
    }

    public List<Framework> frameworks() {
        return mapper.frameworks();
    }

    public Framework framework(String code) {
        Framework f = mapper.framework(code);
        if (f == null) {
            throw new AppraisalException("appraisal.error.unknownFramework", code);
        }
        return f;
    }

    public List<FrameworkItem> items(String frameworkCode) {
        return mapper.items(framework(frameworkCode).id());
    }

    /**
     * The capability names of every framework (能力框架), in framework and item order, each once: what a training
     * course may target.
     */
    public List<String> capabilityNames() {
        return mapper.frameworks().stream().flatMap(f -> mapper.items(f.id()).stream()).map(FrameworkItem::name)
                .distinct().toList();
    }

    public List<DigitalIndicator> indicators() {
        return mapper.indicators();
    }

    public Map<String, String> rules() {
        return mapper.rules().stream()
                .collect(Collectors.toMap(RuleSetting::ruleKey, RuleSetting::ruleValue));
    }

    public List<RuleSetting> ruleSettings() {
        return mapper.rules();
    }

    /** One rule's value, read by its key alone: every step's due date and period asks for one when it begins. */
    public int intRule(String key) {
        String value = mapper.rule(key);
        if (value == null) {
            throw new AppraisalException("appraisal.error.unknownRule", key);
        }
        return Integer.parseInt(value.trim());
    }

    /** New weights for every item of a framework (by item code); they must cover all items and sum to 100. */
    @Transactional
    public void updateFrameworkWeights(String frameworkCode, Map<String, BigDecimal> weights) {
        Framework f = framework(frameworkCode);
        List<FrameworkItem> items = mapper.items(f.id());
        checkWeights(items.stream().map(FrameworkItem::code).collect(Collectors.toSet()), weights);
        weights.forEach((code, weight) -> mapper.updateItemWeight(f.id(), code, weight));
    }

    /**
     * New names and weights for every item of a framework (by item code): the weights as for
     * {@link #updateFrameworkWeights}, each name 1 to {@value #NAME_MAX} characters. All or nothing.
     */
    @Transactional
    public void updateFrameworkItems(String frameworkCode, Map<String, String> names, Map<String, BigDecimal> weights) {
        Framework f = framework(frameworkCode);
        List<FrameworkItem> items = mapper.items(f.id());
        Set<String> codes = items.stream().map(FrameworkItem::code).collect(Collectors.toSet());
        checkWeights(codes, weights);
        if (!names.keySet().equals(codes)) {
            throw new AppraisalException("appraisal.error.weightsIncomplete");
        }
        for (FrameworkItem item : items) {
            String name = names.get(item.code());
            if (name == null || name.isBlank() || name.strip().length() > NAME_MAX) {
                throw new AppraisalException("appraisal.error.itemName", item.name(), NAME_MAX);
            }
        }
        items.forEach(item -> {
            mapper.updateItemName(f.id(), item.code(), names.get(item.code()).strip());
            mapper.updateItemWeight(f.id(), item.code(), weights.get(item.code()));
        });
    }

    /** New target values and weights of the digital indicators (by code); the weights must sum to 100. */
    @Transactional
    public void updateIndicators(Map<String, BigDecimal> targets, Map<String, BigDecimal> weights) {
        Set<String> codes = mapper.indicators().stream().map(DigitalIndicator::code).collect(Collectors.toSet());
        checkWeights(codes, weights);
        if (!targets.keySet().equals(codes)) {
            throw new AppraisalException("appraisal.error.weightsIncomplete");
        }
        targets.forEach((code, target) -> {
            if (target == null || target.signum() <= 0) {
                throw new AppraisalException("appraisal.error.targetPositive", code);
            }
            // a target is a figure like the evidence it is measured against, in a column of the same size
            if (EvidenceValues.problem(target) != null) {
                throw new AppraisalException("appraisal.error.targetRange", code, EvidenceValues.MAX.toPlainString(),
                        EvidenceValues.SCALE);
            }
        });
        codes.forEach(code -> mapper.updateIndicator(code, targets.get(code), weights.get(code)));
    }

    /**
     * Changes rule settings. Every value is a whole number; the quota may only widen with approval (max ≥ normal ≤
     * 100) and the four score weights must together make 100.
     */
    @Transactional
    public void updateRules(Map<String, String> changes) {
        Map<String, String> all = new java.util.HashMap<>(rules());
        for (Map.Entry<String, String> e : changes.entrySet()) {
            if (!all.containsKey(e.getKey())) {
                throw new AppraisalException("appraisal.error.unknownRule", e.getKey());
            }
            int value;
            try {
                value = Integer.parseInt(e.getValue().trim());
            } catch (NumberFormatException | NullPointerException ex) {
                throw new AppraisalException("appraisal.error.ruleNotNumber", e.getKey());
            }
            if (value < 0) {
                throw new AppraisalException("appraisal.error.ruleNotNumber", e.getKey());
            }
            int max = e.getKey().endsWith(".days") ? DAYS_MAX : MERIT_YEARS.equals(e.getKey()) ? MERIT_YEARS_MAX : 100;
            if (value > max) {
                throw new AppraisalException("appraisal.error.ruleRange", e.getKey(), String.valueOf(max));
            }
            all.put(e.getKey(), String.valueOf(value));
        }
        int quota = Integer.parseInt(all.get(QUOTA_PERCENT));
        int max = Integer.parseInt(all.get(QUOTA_MAX_PERCENT));
        if (quota > max || max > 100) {
            throw new AppraisalException("appraisal.error.quotaRange");
        }
        int sum = SCORE_WEIGHTS.stream().mapToInt(k -> Integer.parseInt(all.get(k))).sum();
        if (sum != 100) {
            throw new AppraisalException("appraisal.error.weightsSum", sum);
        }
        changes.keySet().forEach(k -> mapper.updateRule(k, all.get(k)));
    }

    private static void checkWeights(Set<String> codes, Map<String, BigDecimal> weights) {
        if (!weights.keySet().equals(codes)) {
            throw new AppraisalException("appraisal.error.weightsIncomplete");
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> e : weights.entrySet()) {
            if (e.getValue() == null || e.getValue().signum() < 0) {
                throw new AppraisalException("appraisal.error.weightNegative", e.getKey());
            }
            // DECIMAL(5, 2): more decimals would be rounded away and the stored weights no longer sum to 100
            if (e.getValue().stripTrailingZeros().scale() > 2) {
                throw new AppraisalException("appraisal.error.weightDecimals", e.getKey());
            }
            sum = sum.add(e.getValue());
        }
        if (sum.compareTo(HUNDRED) != 0) {
            throw new AppraisalException("appraisal.error.weightsSum", sum.stripTrailingZeros().toPlainString());
        }
    }
}
