package cn.cadreflow.trainingleave;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** The 1/7 absence rule and the hours credited, without Spring. */
class AbsenceRuleTest {

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void exactlyOneSeventhIsAllowedAndAnyMoreWithdraws() {
        // a 35-学时 week: 5 hours is exactly 1/7
        assertThat(AbsenceRule.withdraws(d("35"), d("5"))).isFalse();
        assertThat(AbsenceRule.withdraws(d("35"), d("5.0"))).isFalse();
        assertThat(AbsenceRule.withdraws(d("35"), d("4"))).as("one hour under").isFalse();
        assertThat(AbsenceRule.withdraws(d("35"), d("5.1"))).isTrue();
        assertThat(AbsenceRule.withdraws(d("35"), d("6"))).isTrue();
        assertThat(AbsenceRule.withdraws(d("35"), BigDecimal.ZERO)).isFalse();
    }

    @Test
    void oneSeventhOfHoursThatDoNotDivideIsComparedExactly() {
        // 40 学时: 1/7 is 5.714…; 5.7 stays, 5.8 withdraws
        assertThat(AbsenceRule.withdraws(d("40"), d("5.7"))).isFalse();
        assertThat(AbsenceRule.withdraws(d("40"), d("5.8"))).isTrue();
        assertThat(AbsenceRule.allowedAbsence(d("40"))).isEqualByComparingTo("5.7");
        assertThat(AbsenceRule.allowedAbsence(d("35"))).isEqualByComparingTo("5");
    }

    @Test
    void theCourseHoursLessTheAbsenceAreCredited() {
        assertThat(AbsenceRule.credited(d("35"), d("5"))).isEqualByComparingTo("30");
        assertThat(AbsenceRule.credited(d("35"), BigDecimal.ZERO)).isEqualByComparingTo("35");
        assertThat(AbsenceRule.credited(d("24.5"), d("1.5"))).isEqualByComparingTo("23");
        assertThat(AbsenceRule.credited(d("3"), d("4"))).isEqualByComparingTo("0");
    }
}
