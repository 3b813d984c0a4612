package cn.cadreflow.secondment.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.cadreflow.secondment.SecondmentSettings.TermLimits;
import cn.cadreflow.secondment.internal.StaffingRule.Absence;
import cn.cadreflow.workflow.FormError;

/** The staffing and term rules, without Spring. */
class SecondmentRulesTest {

    static final LocalDate D = LocalDate.of(2030, 3, 1);
    static final TermLimits GUAZHI = new TermLimits(12, 24, 12);

    @Test
    void aUnitAtItsMinimumKeepsItWhenTheAbsencesDoNotOverlap() {
        // 5 cadres, at least 4 on duty: one away at a time is fine
        List<Absence> approved = List.of(new Absence(1, D, D.plusDays(9)), new Absence(2, D.plusDays(20), D.plusDays(30)));
        assertThat(StaffingRule.firstShortfall(5, 4, approved, new Absence(3, D.plusDays(10), D.plusDays(19))))
                .isEmpty();
    }

    @Test
    void theFirstDayTwoAbsencesOverlapIsTheShortfallWithTheNumbers() {
        List<Absence> approved = List.of(new Absence(1, D.plusDays(5), D.plusDays(9)));
        assertThat(StaffingRule.firstShortfall(5, 4, approved, new Absence(3, D, D.plusDays(30))))
                .contains(new StaffingRule.Shortfall(D.plusDays(5), 3, 4));
    }

    @Test
    void aCadreAwayTwiceOnOneDayCountsOnceAndTheRequestersOwnLeaveIsNotCountedTwice() {
        List<Absence> approved = List.of(new Absence(1, D, D.plusDays(9)), new Absence(1, D.plusDays(5), D.plusDays(12)),
                new Absence(3, D.plusDays(2), D.plusDays(3)));
        assertThat(StaffingRule.firstShortfall(5, 3, approved, new Absence(3, D, D.plusDays(30)))).isEmpty();
        assertThat(StaffingRule.firstShortfall(5, 4, approved, new Absence(3, D, D.plusDays(30))))
                .map(StaffingRule.Shortfall::day).contains(D);
    }

    @Test
    void absencesOutsideTheTermAndUnitsWithoutAMinimumAreIgnored() {
        List<Absence> approved = List.of(new Absence(1, D.minusDays(30), D.minusDays(1)),
                new Absence(2, D.plusDays(31), D.plusDays(60)));
        assertThat(StaffingRule.firstShortfall(2, 1, approved, new Absence(3, D, D.plusDays(30)))).isEmpty();
        assertThat(StaffingRule.firstShortfall(1, 0, List.of(), new Absence(3, D, D.plusDays(30)))).isEmpty();
    }

    @Test
    void fiveThousandAbsencesInAYearAreCheckedQuickly() {
        List<Absence> approved = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            LocalDate from = D.plusDays(i % 360);
            approved.add(new Absence(i % 400, from, from.plusDays(2)));
        }
        long t = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            StaffingRule.firstShortfall(1000, 100, approved, new Absence(5000, D, D.plusYears(1)));
        }
        assertThat((System.nanoTime() - t) / 20 / 1_000_000).as("ms per check").isLessThan(200);
    }

    @Test
    void aGuazhiTermIsOneToTwoYears() {
        assertThat(TermRule.check(D, D.plusYears(1).minusDays(1), GUAZHI)).isEmpty();
        assertThat(TermRule.check(D, D.plusYears(2).minusDays(1), GUAZHI)).isEmpty();
        assertThat(TermRule.check(D, D.plusYears(1).minusDays(2), GUAZHI)).map(FormError::messageKey)
                .contains("secondment.error.term");
        assertThat(TermRule.check(D, D.plusYears(2), GUAZHI)).map(FormError::args).contains(List.of(12, 24));
        assertThat(TermRule.check(D, D.minusDays(1), GUAZHI)).map(FormError::messageKey)
                .contains("secondment.error.endBeforeStart");
    }

    @Test
    void oneExtensionWithinItsLimit() {
        LocalDate end = D.plusYears(1).minusDays(1);
        assertThat(TermRule.checkExtension(end, false, end.plusMonths(12), GUAZHI)).isEmpty();
        assertThat(TermRule.checkExtension(end, false, end.plusMonths(12).plusDays(1), GUAZHI))
                .map(FormError::messageKey).contains("secondment.error.extension");
        assertThat(TermRule.checkExtension(end, false, end, GUAZHI)).map(FormError::messageKey)
                .contains("secondment.error.extension");
        assertThat(TermRule.checkExtension(end, true, end.plusMonths(1), GUAZHI)).map(FormError::messageKey)
                .contains("secondment.error.extendedOnce");
        assertThat(TermRule.checkExtension(end, false, null, GUAZHI)).map(FormError::messageKey)
                .contains("secondment.error.newEndRequired");
        assertThat(TermRule.checkExtension(end, false, end.plusMonths(1), new TermLimits(1, 12, 0)))
                .map(FormError::messageKey).contains("secondment.error.noExtension");
    }
}
