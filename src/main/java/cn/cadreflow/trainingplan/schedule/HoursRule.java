package cn.cadreflow.trainingplan.schedule;

import java.util.Set;

/**
 * The training requirement by rank (干部教育培训工作条例 Art. 14; the defaults of DOMAIN.md, all settings):
 * 乡科级 and below {@code juniorHours} 学时 or {@code juniorDays} days every year; 县处级 and above
 * {@code seniorHours} 学时 in every window of {@code seniorWindowYears} years. For the latter, what remains for the
 * planning year is what the window that ends with it still lacks.
 */
public record HoursRule(int juniorHours, int juniorDays, int seniorHours, int seniorWindowYears) {

    public static final HoursRule DEFAULT = new HoursRule(90, 12, 550, 5);

    /** The rank codes of 县处级 and above (the others, 科员 to 正科级, are 乡科级 and below). */
    public static final Set<String> SENIOR_RANKS = Set.of("FUCHU", "ZHENGCHU", "FUTING", "ZHENGTING");

    public HoursRule {
        if (juniorHours < 0 || juniorDays < 0 || seniorHours < 0 || seniorWindowYears < 1) {
            throw new IllegalArgumentException("training requirement settings out of range");
        }
    }

    public static boolean senior(String rankCode) {
        return SENIOR_RANKS.contains(rankCode);
    }

    /**
     * What remains for the planning year.
     *
     * @param hoursThisYear       学时 already credited in the planning year
     * @param daysThisYear        training days already credited in the planning year
     * @param hoursEarlierInWindow 学时 credited in the years before it that fall in the senior window
     */
    public Requirement outstanding(String rankCode, int hoursThisYear, int daysThisYear, int hoursEarlierInWindow) {
        if (senior(rankCode)) {
            return new Requirement(seniorHours - hoursEarlierInWindow - hoursThisYear, 0);
        }
        return new Requirement(juniorHours - hoursThisYear, juniorDays - daysThisYear);
    }

    /**
     * Whether the requirement of the year is met: 乡科级 and below {@code juniorHours} 学时 or {@code juniorDays} days
     * in the year; 县处级 and above {@code seniorHours} 学时 in the window that ends with the year.
     */
    public boolean met(String rankCode, int hoursThisYear, int daysThisYear, int hoursEarlierInWindow) {
        if (senior(rankCode)) {
            return hoursEarlierInWindow + hoursThisYear >= seniorHours;
        }
        return hoursThisYear >= juniorHours || daysThisYear >= juniorDays;
    }
}
