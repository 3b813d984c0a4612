package cn.cadreflow.annualreview.internal;

/**
 * The unit's 优秀 quota across a campaign: with one more 优秀, are the unit's 优秀 within the normal share, within
 * the share allowed with approval, or beyond it? Shares are whole percents of the unit's reviews, rounded down.
 */
public final class ExcellentQuota {

    public enum Status { WITHIN, NEEDS_APPROVAL, EXCEEDED }

    private ExcellentQuota() {
    }

    /**
     * @param reviewed  the unit's reviews in the campaign
     * @param excellent the unit's 优秀 counting the one in question
     */
    public static Status status(int reviewed, int excellent, int normalPercent, int maxPercent) {
        int normal = reviewed * normalPercent / 100;
        int widened = reviewed * maxPercent / 100;
        return excellent <= normal ? Status.WITHIN : excellent <= widened ? Status.NEEDS_APPROVAL : Status.EXCEEDED;
    }
}
