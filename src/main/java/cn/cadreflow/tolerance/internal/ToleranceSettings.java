package cn.cadreflow.tolerance.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The 容错纠错 deadlines ({@code cadreflow.tolerance.*}): 受理 within 5 working days with a reminder 1 working day
 * before; 本人陈述 within 5 working days; 调查核实 within 30 working days; the committee within 10 working days;
 * a correction plan written within 10 working days; an appeal within 30 days of the written notice.
 */
@Component
public class ToleranceSettings {

    private final int acceptanceDays;
    private final int reminderDaysBefore;
    private final int statementDays;
    private final int investigationDays;
    private final int committeeDays;
    private final int planDays;
    private final int appealDays;

    ToleranceSettings(@Value("${cadreflow.tolerance.acceptance-days:5}") int acceptanceDays,
                      @Value("${cadreflow.tolerance.reminder-days-before:1}") int reminderDaysBefore,
                      @Value("${cadreflow.tolerance.statement-days:5}") int statementDays,
                      @Value("${cadreflow.tolerance.investigation-days:30}") int investigationDays,
                      @Value("${cadreflow.tolerance.committee-days:10}") int committeeDays,
                      @Value("${cadreflow.tolerance.plan-days:10}") int planDays,
                      @Value("${cadreflow.tolerance.appeal-days:30}") int appealDays) {
        this.acceptanceDays = positive(acceptanceDays, "acceptance-days");
        this.reminderDaysBefore = Math.min(Math.max(reminderDaysBefore, 0), acceptanceDays);
        this.statementDays = positive(statementDays, "statement-days");
        this.investigationDays = positive(investigationDays, "investigation-days");
        this.committeeDays = positive(committeeDays, "committee-days");
        this.planDays = positive(planDays, "plan-days");
        this.appealDays = positive(appealDays, "appeal-days");
    }

    private static int positive(int days, String name) {
        if (days < 1) {
            throw new IllegalArgumentException("cadreflow.tolerance." + name + " must be at least 1, not " + days);
        }
        return days;
    }

    /** Working days. */
    public int acceptanceDays() {
        return acceptanceDays;
    }

    /** Working days before 受理 is due that its officers are reminded. */
    public int reminderDaysBefore() {
        return reminderDaysBefore;
    }

    public int statementDays() {
        return statementDays;
    }

    public int investigationDays() {
        return investigationDays;
    }

    public int committeeDays() {
        return committeeDays;
    }

    public int planDays() {
        return planDays;
    }

    /** Calendar days after the written notice (by analogy with 公务员法 Art. 95). */
    public int appealDays() {
        return appealDays;
    }
}
