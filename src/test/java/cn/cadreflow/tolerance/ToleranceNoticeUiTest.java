package cn.cadreflow.tolerance;

import static cn.cadreflow.tolerance.ToleranceFixture.CADRE;
import static cn.cadreflow.tolerance.ToleranceFixture.COLLEAGUE;
import static cn.cadreflow.tolerance.ToleranceFixture.DISCIPLINE;
import static cn.cadreflow.tolerance.ToleranceFixture.DISCIPLINE2;
import static cn.cadreflow.tolerance.ToleranceFixture.HR;
import static cn.cadreflow.tolerance.ToleranceFixture.LEADER;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.ui.KaribuSupport;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.TaskCommands;
import cn.cadreflow.workflow.WorkflowQueries;

/**
 * The printable 澄清正名 notice of a false accusation: the cadre, HR over the unit and the case's officers read it
 * and may print it; anyone else, and a case number that does not exist, read the same refusal.
 */
@CadreFlowTest
class ToleranceNoticeUiTest extends KaribuSupport {

    @Autowired
    ProcessStarts starts;
    @Autowired
    TaskCommands commands;
    @Autowired
    WorkflowQueries queries;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OrgService org;
    @Autowired
    CadreService cadres;

    ToleranceFixture fx;

    @BeforeEach
    void setUp() {
        fx = ToleranceFixture.ensure(jdbc, org, cadres, users);
    }

    String task(String pi, String user) {
        return queries.inbox(user, 0, 500).stream().filter(t -> t.processInstanceId().equals(pi)).findFirst()
                .orElseThrow().taskId();
    }

    /** A lead registered by zhaomin, investigated by fenglei, found untrue and cleared by the committee. */
    long clearedCase() {
        String pi = starts.start(ToleranceStep.PROCESS_KEY, DISCIPLINE,
                ToleranceFixture.lead(fx.cadreId, "通知：被举报收受礼金"));
        commands.submitForm(task(pi, HR), HR, Map.of("acceptance", "ACCEPT", "acceptanceReason", "予以受理。",
                "investigator", DISCIPLINE2));
        commands.submitForm(task(pi, CADRE), CADRE, Map.of("statement", "从未收受任何礼金。"));
        commands.submitForm(task(pi, DISCIPLINE2), DISCIPLINE2, ToleranceFixture.findings("founded=NO"));
        commands.submitForm(task(pi, HR), HR, Map.of("outcome", "CLEARED", "decisionNo", "清组容〔2026〕31号",
                "decisionDate", LocalDate.now().toString()));
        commands.submitForm(task(pi, CADRE), CADRE, Map.of("appeal", false));
        return jdbc.queryForObject("SELECT id FROM tolerance_case WHERE process_instance_id = ?", Long.class, pi);
    }

    @Test
    void theClearingNoticeIsPrintableForThoseWhoMayReadTheCaseOnly() {
        long id = clearedCase();
        for (String reader : List.of(CADRE, HR, DISCIPLINE, DISCIPLINE2, "admin")) {
            login(reader);
            navigate("tolerance/notice/" + id);
            assertThat(_get(H2.class).getText()).as(reader).isEqualTo("澄清正名通知书");
            assertThat(_get(Paragraph.class, spec -> spec.withId("notice-body")).getText())
                    .contains("周平", "通知：被举报收受礼金", "不属实", "澄清正名");
            assertThat(_get(Paragraph.class, spec -> spec.withId("notice-decision")).getText())
                    .contains("清组容〔2026〕31号");
            assertThat(_find(Button.class, spec -> spec.withId("notice-print"))).hasSize(1);
        }
        String refusal = null;
        for (String other : List.of(LEADER, COLLEAGUE, "sunli", "lijun")) {
            login(other);
            navigate("tolerance/notice/" + id);
            refusal = _get(Paragraph.class, spec -> spec.withId("notice-error")).getText();
            assertThat(_find(Paragraph.class, spec -> spec.withId("notice-body"))).as(other).isEmpty();
        }
        login(HR);
        navigate("tolerance/notice/999999999");
        assertThat(_get(Paragraph.class, spec -> spec.withId("notice-error")).getText()).isEqualTo(refusal);
    }
}
