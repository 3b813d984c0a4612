package cn.cadreflow.tolerance.internal;

import cn.cadreflow.tolerance.ToleranceOutcome.Outcome;

/** The rules of a case that are not a step's own checks: which outcomes need a correction plan (纠错). */
public final class CaseRules {

    private CaseRules() {
    }

    /**
     * 从轻减轻 and 不予容错 always get a correction plan; 免责 only when the committee asks for one; a cleared
     * matter (澄清正名) never, as there was nothing to correct.
     */
    public static boolean needsPlan(Outcome outcome, boolean planForExempt) {
        return switch (outcome) {
            case MITIGATED, NOT_TOLERATED -> true;
            case EXEMPT -> planForExempt;
            case CLEARED -> false;
        };
    }
}
