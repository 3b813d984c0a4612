package cn.cadreflow.annualreview;

/** One of the annual review's rules (weights, quota, periods) as the administrator edits it. */
public record RuleSetting(String ruleKey, String ruleValue, String description) {
}
