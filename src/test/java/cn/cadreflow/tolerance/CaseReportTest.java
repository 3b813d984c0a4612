package cn.cadreflow.tolerance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.cadreflow.tolerance.internal.CaseReport;
import cn.cadreflow.tolerance.internal.CaseReport.Result;

/**
 * The report's figures, without Spring: results, kinds and days from opening to the committee's decision, per unit
 * and per category of matter.
 */
class CaseReportTest {

    static final LocalDate FROM = LocalDate.of(2026, 1, 1);

    static ToleranceCase c(long id, long unit, ToleranceCase.Kind kind, ToleranceCase.Status status, String outcome,
                           String appealOutcome, LocalDate opened, LocalDate decided) {
        // the fields in order: 9 of the opening, 25 of acceptance to the proposal, outcome, 认定文号, date, 4 more,
        // the appeal's outcome, 9 more
        return new ToleranceCase(id, 100 + id, unit, kind, status, "x", opened.atTime(9, 0), "m", opened,
                null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, outcome, null, decided,
                null, null, null, null, appealOutcome, null, null, null, null, null, null, null, null, null,
                id <= 2 ? ToleranceCase.Category.INVESTMENT : ToleranceCase.Category.REFORM);
    }

    @Test
    void casesAreCountedPerUnitByResultAndKindWithTheDaysToDecision() {
        List<ToleranceCase> cases = List.of(
                c(1, 2, ToleranceCase.Kind.APPLICATION, ToleranceCase.Status.CLOSED, "EXEMPT", null,
                        LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)),
                // the appeal changed the outcome: the report counts it as it finally stands
                c(2, 2, ToleranceCase.Kind.LEAD, ToleranceCase.Status.CORRECTION, "NOT_TOLERATED", "MITIGATED",
                        LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 11)),
                c(3, 1, ToleranceCase.Kind.LEAD, ToleranceCase.Status.DECLINED, null, null, LocalDate.of(2026, 5, 1),
                        null),
                c(4, 1, ToleranceCase.Kind.APPLICATION, ToleranceCase.Status.INVESTIGATION, null, null,
                        LocalDate.of(2026, 6, 1), null),
                c(5, 1, ToleranceCase.Kind.APPLICATION, ToleranceCase.Status.TERMINATED, null, null,
                        LocalDate.of(2026, 6, 2), null));
        CaseReport r = CaseReport.of(FROM, LocalDate.of(2026, 12, 31), cases, Map.of(1L, "白沙镇", 2L, "青山镇")::get,
                id -> "干部" + id);

        assertThat(r.units()).extracting(CaseReport.Line::unitName).containsExactly("白沙镇", "青山镇");
        CaseReport.Line qingshan = r.units().get(1);
        assertThat(qingshan.cases()).isEqualTo(2);
        assertThat(qingshan.count(Result.EXEMPT)).isEqualTo(1);
        assertThat(qingshan.count(Result.MITIGATED)).isEqualTo(1);
        assertThat(qingshan.count(Result.NOT_TOLERATED)).isZero();
        assertThat(qingshan.applications()).isEqualTo(1);
        assertThat(qingshan.leads()).isEqualTo(1);
        assertThat(qingshan.averageDays()).isEqualTo(20.0);
        assertThat(qingshan.longestDays()).isEqualTo(30);

        CaseReport.Line baisha = r.units().get(0);
        assertThat(baisha.count(Result.DECLINED)).isEqualTo(1);
        assertThat(baisha.count(Result.OPEN)).isEqualTo(1);
        assertThat(baisha.count(Result.TERMINATED)).isEqualTo(1);
        assertThat(baisha.decided()).isZero();
        assertThat(baisha.averageDays()).isNull();

        assertThat(r.total().cases()).isEqualTo(5);
        assertThat(r.total().decided()).isEqualTo(2);
        assertThat(r.total().averageDays()).isEqualTo(20.0);
        assertThat(r.rows()).extracting(CaseReport.Row::cadreName).startsWith("干部101");
        assertThat(r.rows().get(0).days()).isEqualTo(30);

        // by 事项类别: only the categories with cases, in the list's order, with the same figures
        assertThat(r.categories().keySet()).containsExactly(ToleranceCase.Category.REFORM,
                ToleranceCase.Category.INVESTMENT);
        CaseReport.Line investment = r.categories().get(ToleranceCase.Category.INVESTMENT);
        assertThat(investment.cases()).isEqualTo(2);
        assertThat(investment.count(Result.EXEMPT)).isEqualTo(1);
        assertThat(investment.count(Result.MITIGATED)).isEqualTo(1);
        assertThat(investment.averageDays()).isEqualTo(20.0);
        CaseReport.Line reform = r.categories().get(ToleranceCase.Category.REFORM);
        assertThat(reform.cases()).isEqualTo(3);
        assertThat(reform.count(Result.OPEN)).isEqualTo(1);
        assertThat(reform.decided()).isZero();
        assertThat(r.rows()).extracting(CaseReport.Row::category).startsWith(ToleranceCase.Category.INVESTMENT);
    }

    @Test
    void noCasesGiveAnEmptyReport() {
        CaseReport r = CaseReport.of(FROM, FROM, List.of(), id -> "", id -> "");
        assertThat(r.units()).isEmpty();
        assertThat(r.total().cases()).isZero();
        assertThat(r.total().averageDays()).isNull();
    }
}
