package cn.cadreflow.trainingplan.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HoursRuleTest {

    @Test
    void juniorRanksNeedNinetyHoursOrTwelveDaysAYear() {
        Requirement left = HoursRule.DEFAULT.outstanding("FUKE", 30, 4, 999);
        assertThat(left).isEqualTo(new Requirement(60, 8));
        assertThat(left.metBy(59, 7)).isFalse();
        assertThat(left.metBy(60, 0)).isTrue();
        assertThat(left.metBy(0, 8)).isTrue();
        assertThat(left.shortfall(50, 2)).isEqualTo(10);
        assertThat(HoursRule.DEFAULT.outstanding("KEYUAN", 95, 0, 0).metBy(0, 0)).isTrue();
    }

    @Test
    void seniorRanksNeedWhatTheFiveYearWindowStillLacks() {
        Requirement left = HoursRule.DEFAULT.outstanding("ZHENGCHU", 50, 6, 400);
        assertThat(left).isEqualTo(new Requirement(100, 0));
        assertThat(left.metBy(99, 60)).isFalse();
        assertThat(HoursRule.DEFAULT.outstanding("FUCHU", 0, 0, 600)).isEqualTo(Requirement.NONE);
    }

    @Test
    void theNumbersAreSettings() {
        assertThat(new HoursRule(80, 10, 500, 5).outstanding("ZHENGKE", 0, 0, 0)).isEqualTo(new Requirement(80, 10));
        assertThat(new HoursRule(80, 10, 500, 5).outstanding("FUTING", 0, 0, 0)).isEqualTo(new Requirement(500, 0));
    }

    @Test
    void metIsHoursOrDaysForJuniorsAndTheWindowForSeniors() {
        assertThat(HoursRule.DEFAULT.met("FUKE", 90, 0, 0)).isTrue();
        assertThat(HoursRule.DEFAULT.met("FUKE", 20, 12, 0)).isTrue();
        assertThat(HoursRule.DEFAULT.met("FUKE", 89, 11, 999)).isFalse();
        assertThat(HoursRule.DEFAULT.met("ZHENGCHU", 100, 60, 450)).isTrue();
        assertThat(HoursRule.DEFAULT.met("ZHENGCHU", 100, 60, 449)).isFalse();
    }
}
