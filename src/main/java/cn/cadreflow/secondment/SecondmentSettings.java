package cn.cadreflow.secondment;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The secondment's settings ({@code cadreflow.secondment.*}): the term limits of each kind, in months, as
 * {@code min,max,extension} (挂职锻炼 {@code 12,24,12}: one to two years, one extension of at most a year); the cycle
 * of check-in reports; when the return decision opens and when it is due, in days before the end; how often HR is
 * reminded while it is pending; and when a cadre is due for rotation: after {@code rotation-years} in one post (10), or
 * at the end of the last of {@code max-post-terms} terms of {@code post-term-years} (two of five), whichever is first.
 */
@Component
public class SecondmentSettings {

    /** A kind's term: at least {@code minMonths}, at most {@code maxMonths}, one extension of {@code extensionMonths}. */
    public record TermLimits(int minMonths, int maxMonths, int extensionMonths) {

        static TermLimits parse(String text) {
            String[] p = text.split(",");
            if (p.length != 3) {
                throw new IllegalArgumentException("term limits are min,max,extension months: " + text);
            }
            TermLimits limits = new TermLimits(Integer.parseInt(p[0].strip()), Integer.parseInt(p[1].strip()),
                    Integer.parseInt(p[2].strip()));
            if (limits.minMonths < 1 || limits.maxMonths < limits.minMonths || limits.extensionMonths < 0) {
                throw new IllegalArgumentException("term limits out of order: " + text);
            }
            return limits;
        }
    }

    private final Map<SecondmentKind, TermLimits> terms = new EnumMap<>(SecondmentKind.class);
    private final String checkInCycle;
    private final int decisionOpensDays;
    private final int decisionDueDays;
    private final String reminderCycle;
    private final int rotationYears;
    private final int postTermYears;
    private final int maxPostTerms;

    public SecondmentSettings(@Value("${cadreflow.secondment.term.guazhi:12,24,12}") String guazhi,
                              @Value("${cadreflow.secondment.term.jiaoliu:12,60,12}") String jiaoliu,
                              @Value("${cadreflow.secondment.term.jiediao:1,12,6}") String jiediao,
                              @Value("${cadreflow.secondment.term.xiapai:12,36,12}") String xiapai,
                              @Value("${cadreflow.secondment.check-in-cycle:R/P1M}") String checkInCycle,
                              @Value("${cadreflow.secondment.decision-opens-days:60}") int decisionOpensDays,
                              @Value("${cadreflow.secondment.decision-due-days:30}") int decisionDueDays,
                              @Value("${cadreflow.secondment.reminder-cycle:R/P7D}") String reminderCycle,
                              @Value("${cadreflow.secondment.rotation-years:10}") int rotationYears,
                              @Value("${cadreflow.secondment.post-term-years:5}") int postTermYears,
                              @Value("${cadreflow.secondment.max-post-terms:2}") int maxPostTerms) {
        terms.put(SecondmentKind.GUAZHI, TermLimits.parse(guazhi));
        terms.put(SecondmentKind.JIAOLIU, TermLimits.parse(jiaoliu));
        terms.put(SecondmentKind.JIEDIAO, TermLimits.parse(jiediao));
        terms.put(SecondmentKind.XIAPAI, TermLimits.parse(xiapai));
        if (decisionDueDays < 0 || decisionOpensDays < decisionDueDays) {
            throw new IllegalArgumentException("the return decision opens before it is due: "
                    + decisionOpensDays + " / " + decisionDueDays);
        }
        this.checkInCycle = checkInCycle;
        this.decisionOpensDays = decisionOpensDays;
        this.decisionDueDays = decisionDueDays;
        this.reminderCycle = reminderCycle;
        this.rotationYears = rotationYears;
        if (rotationYears < 1 || postTermYears < 1 || maxPostTerms < 1) {
            throw new IllegalArgumentException("rotation years, post term years and terms are at least 1");
        }
        this.postTermYears = postTermYears;
        this.maxPostTerms = maxPostTerms;
    }

    public TermLimits term(SecondmentKind kind) {
        return terms.get(kind);
    }

    /** ISO 8601 repetition of the check-in reports during the term, e.g. {@code R/P1M}: monthly. */
    public String checkInCycle() {
        return checkInCycle;
    }

    /** Days before the end of the term when the return decision reaches HR. */
    public int decisionOpensDays() {
        return decisionOpensDays;
    }

    /** Days before the end of the term by which the return decision is due; later it is overdue. */
    public int decisionDueDays() {
        return decisionDueDays;
    }

    /** ISO 8601 repetition of the reminders to HR while the return decision is pending, e.g. {@code R/P7D}. */
    public String reminderCycle() {
        return reminderCycle;
    }

    /** Years in one post after which a cadre is due for rotation. */
    public int rotationYears() {
        return rotationYears;
    }

    /** Years of one term in a post (任期, 5 by default). */
    public int postTermYears() {
        return postTermYears;
    }

    /** Terms a cadre may serve in one post (2 by default): after the last one they rotate. */
    public int maxPostTerms() {
        return maxPostTerms;
    }
}
