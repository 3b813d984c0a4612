package cn.cadreflow.tolerance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;
import cn.cadreflow.tolerance.ToleranceOutcome.Outcome;

/**
 * 容错认定结果 as the organisation department records them: only an HR officer over the cadre's unit may, bad input
 * is refused with the reason and nothing is written, and the annual review of a year finds the matters tolerated
 * in it. Matters here lie in 2011–2016, years no review in the tests uses.
 */
@CadreFlowTest
class ToleranceServiceTest {

    @Autowired
    ToleranceService tolerance;
    @Autowired
    UserService users;
    @Autowired
    MessageSource messages;
    @Autowired
    JdbcTemplate jdbc;

    long zhangwei() {
        return users.find("zhangwei").orElseThrow().cadreId();
    }

    UserContext as(String username) {
        return users.context(username).orElseThrow();
    }

    int stored() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM tolerance_outcome", Integer.class);
    }

    ToleranceService.NewOutcome outcome(String matter, String matterDate, Outcome outcome, String decisionDate,
                                        String decisionNo) {
        return new ToleranceService.NewOutcome(zhangwei(), matter, matterDate == null ? null : LocalDate.parse(matterDate),
                outcome, decisionDate == null ? null : LocalDate.parse(decisionDate), decisionNo);
    }

    ToleranceException refused(String username, ToleranceService.NewOutcome input) {
        int before = stored();
        ToleranceException e = catchThrowableOfType(ToleranceException.class, () -> tolerance.record(as(username), input));
        assertThat(e).as("refused").isNotNull();
        assertThat(stored()).as("nothing written").isEqualTo(before);
        return e;
    }

    String zh(ToleranceException.Problem p) {
        return messages.getMessage(p.key(), p.args().toArray(), Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void hrOverTheUnitRecordsAnOutcomeTheCadreFileShows() {
        ToleranceOutcome saved = tolerance.record(as("wangfang"), outcome("  防汛抢险中先行调用乡镇储备物资，事后补办手续  ",
                "2011-07-12", Outcome.EXEMPT, "2011-09-03", " 清组容〔2011〕2号 "));
        assertThat(saved.cadreName()).isEqualTo("张伟");
        assertThat(saved.unitName()).isEqualTo("青山镇");
        assertThat(saved.matter()).isEqualTo("防汛抢险中先行调用乡镇储备物资，事后补办手续");
        assertThat(saved.decisionNo()).isEqualTo("清组容〔2011〕2号");
        assertThat(saved.outcome()).isEqualTo(Outcome.EXEMPT);
        assertThat(saved.recordedBy()).isEqualTo("wangfang");
        assertThat(saved.recordedAt()).isNotNull();
        assertThat(tolerance.ofCadre(zhangwei())).extracting(ToleranceOutcome::id).contains(saved.id());
        assertThat(tolerance.inScope(as("wangfang"))).extracting(ToleranceOutcome::id).contains(saved.id());
        // HR of another county does not see it
        assertThat(tolerance.inScope(as("sunli"))).extracting(ToleranceOutcome::id).doesNotContain(saved.id());
    }

    @Test
    void onlyHrOverTheCadresUnitMayRecord() {
        ToleranceService.NewOutcome good = outcome("先行先试推行村级事务线上审批，流程未完全备案", "2011-03-01",
                Outcome.MITIGATED, "2011-05-01", "清组容〔2011〕5号");
        // the cadre himself, his unit leader, the discipline officer, the administrator: no HR scope at all
        for (String username : List.of("zhangwei", "lijun", "zhaomin", "admin")) {
            assertThat(refused(username, good).problems()).as(username).extracting(ToleranceException.Problem::key)
                    .containsExactly("tolerance.error.notHrOfficer");
        }
        // HR of 云溪县: not over 青山镇
        ToleranceException sunli = refused("sunli", good);
        assertThat(sunli.problems()).extracting(ToleranceException.Problem::key).containsExactly("tolerance.error.notHrOfUnit");
        // refused without naming the cadre, in the words used for a cadre that does not exist
        assertThat(zh(sunli.problems().get(0))).isEqualTo("该干部不存在或不在您的管理范围内，不能为其登记容错认定结果。");
        ToleranceException unknown = refused("wangfang", new ToleranceService.NewOutcome(99999999L, good.matter(),
                good.matterDate(), good.outcome(), good.decisionDate(), good.decisionNo()));
        assertThat(unknown.problems()).extracting(ToleranceException.Problem::key)
                .containsExactly("tolerance.error.notHrOfUnit");
    }

    @Test
    void badInputIsRefusedWithEveryReasonAndNothingIsWritten() {
        String tomorrow = LocalDate.now().plusDays(1).toString();
        ToleranceException empty = refused("wangfang", new ToleranceService.NewOutcome(null, " ", null, null, null, ""));
        assertThat(empty.problems()).extracting(ToleranceException.Problem::field)
                .containsExactly("cadre", "matter", "matterDate", "outcome", "decisionDate", "decisionNo");
        assertThat(empty.problems()).extracting(this::zh).containsExactly("请选择干部", "请填写事项", "请填写事项发生日期",
                "请选择认定结果", "请填写认定日期", "请填写认定文号");

        ToleranceException tooLong = refused("wangfang", outcome("事".repeat(501), "2011-01-05", Outcome.EXEMPT,
                "2011-02-01", "号".repeat(101)));
        assertThat(tooLong.problems()).extracting(this::zh)
                .containsExactly("事项不能超过 500 个字", "认定文号不能超过 100 个字");

        ToleranceException future = refused("wangfang", outcome("事项", tomorrow, Outcome.EXEMPT, tomorrow, "文号"));
        assertThat(future.problems()).extracting(this::zh)
                .containsExactly("事项发生日期不能晚于今天", "认定日期不能晚于今天");

        ToleranceException before = refused("wangfang", outcome("事项", "2011-06-01", Outcome.EXEMPT, "2011-05-31",
                "文号"));
        assertThat(before.problems()).extracting(ToleranceException.Problem::field).containsExactly("decisionDate");
        assertThat(zh(before.problems().get(0))).isEqualTo("认定日期不能早于事项发生日期");
        assertThat(messages.getMessage(before.problems().get(0).key(), null, Locale.ENGLISH))
                .isEqualTo("The decision date cannot be before the date of the matter");

        // exactly 500 characters, decided the day it happened: fine
        ToleranceOutcome edge = tolerance.record(as("wangfang"), outcome("事".repeat(500), "2011-01-05",
                Outcome.NOT_TOLERATED, "2011-01-05", "清组容〔2011〕1号"));
        assertThat(edge.matter()).hasSize(500);
    }

    @Test
    void aYearsToleratedMattersAreThoseThatHappenedOrWereDecidedInIt() {
        UserContext hr = as("wangfang");
        long exempt = tolerance.record(hr, outcome("招商项目先行开工，用地手续随后补齐", "2013-11-20", Outcome.EXEMPT,
                "2014-02-10", "清组容〔2014〕1号")).id();
        long mitigated = tolerance.record(hr, outcome("疫情期间简化采购程序", "2015-06-01", Outcome.MITIGATED,
                "2015-07-01", "清组容〔2015〕3号")).id();
        tolerance.record(hr, outcome("明令禁止后仍违规发放补贴", "2013-05-01", Outcome.NOT_TOLERATED, "2013-06-01",
                "清组容〔2013〕4号"));

        assertThat(tolerance.tolerated(zhangwei(), 2012)).isEmpty();
        assertThat(tolerance.tolerated(zhangwei(), 2013)).extracting(ToleranceOutcome::id).containsExactly(exempt);
        assertThat(tolerance.tolerated(zhangwei(), 2014)).extracting(ToleranceOutcome::id).containsExactly(exempt);
        assertThat(tolerance.tolerated(zhangwei(), 2015)).extracting(ToleranceOutcome::id).containsExactly(mitigated);
        assertThat(tolerance.tolerated(zhangwei(), 2016)).isEmpty();

        // what a rater reads: the matter, its outcome and decision, and the rule; or that there is none
        assertThat(tolerance.summary(zhangwei(), 2013, Locale.SIMPLIFIED_CHINESE)).isEqualTo(
                "1. 招商项目先行开工，用地手续随后补齐（发生于 2013-11-20）：免责，认定文号 清组容〔2014〕1号（2014-02-10）\n"
                        + "以上事项已经容错认定，不作负面评价，不得因此降低考核等次。");
        assertThat(tolerance.summary(zhangwei(), 2015, Locale.ENGLISH)).startsWith(
                "1. 疫情期间简化采购程序 (happened 2015-06-01): Mitigated, decision 清组容〔2015〕3号 of 2015-07-01\n");
        assertThat(tolerance.summary(zhangwei(), 2012, Locale.SIMPLIFIED_CHINESE)).isEqualTo("2012年度无已认定容错的事项。");
    }
}
