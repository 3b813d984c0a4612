package cn.cadreflow.annualreview.internal;

/** 民主测评 closes early once this many raters voted: the completion percentage of the raters, rounded up. */
public final class PeerQuorum {

    private PeerQuorum() {
    }

    public static int votesNeeded(int raters, int completionPercent) {
        return (int) Math.ceil(raters * completionPercent / 100.0);
    }
}
