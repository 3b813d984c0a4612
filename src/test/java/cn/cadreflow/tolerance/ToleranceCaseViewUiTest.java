package cn.cadreflow.tolerance;

import static cn.cadreflow.tolerance.ToleranceFixture.CADRE;
import static cn.cadreflow.tolerance.ToleranceFixture.DISCIPLINE;
import static cn.cadreflow.tolerance.ToleranceFixture.DISCIPLINE2;
import static cn.cadreflow.tolerance.ToleranceFixture.HR;
import static cn.cadreflow.tolerance.ToleranceFixture.LEADER;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.popover.Popover;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.tolerance.internal.ToleranceCaseView;
import cn.cadreflow.ui.KaribuSupport;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.TaskCommands;
import cn.cadreflow.workflow.UserDirectory.DirectoryUser;
import cn.cadreflow.workflow.WorkflowQueries;
import cn.cadreflow.workflow.internal.ui.TaskView;

/**
 * The case view on screen: HR over the unit picks another discipline officer over the unit (赵敏 now investigating is
 * not offered) and gives a reason; the case then names 冯磊 and its timeline says 改派调查人员 with the reason, and
 * 赵敏 no longer opens the case. Without a reason nothing changes. The 组织部长 over the county opens the case
 * read-only from 容错纠错案件; a unit leader and HR of another county read the same refusal as for a missing case. His
 * 督办 of an overdue 受理 opens the case, not the task he may not open; his list filters by 事项类别.
 */
@CadreFlowTest
class ToleranceCaseViewUiTest extends KaribuSupport {

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
    @Autowired
    ToleranceSteps steps;

    ToleranceFixture fx;

    @BeforeEach
    void setUp() {
        fx = ToleranceFixture.ensure(jdbc, org, cadres, users);
    }

    String task(String pi, String user) {
        return queries.inbox(user, 0, 500).stream().filter(t -> t.processInstanceId().equals(pi)).findFirst()
                .orElseThrow().taskId();
    }

    /** A cadre's application accepted with 赵敏 to investigate, the statement given: at 调查核实. */
    long investigating(String matter) {
        String pi = starts.start(ToleranceStep.PROCESS_KEY, CADRE, ToleranceFixture.application(matter));
        commands.submitForm(task(pi, HR), HR, Map.of("acceptance", "ACCEPT", "acceptanceReason", "予以受理。",
                "investigator", DISCIPLINE));
        commands.submitForm(task(pi, CADRE), CADRE, Map.of("statement", "经集体研究决定。"));
        return jdbc.queryForObject("SELECT id FROM tolerance_case WHERE process_instance_id = ?", Long.class, pi);
    }

    @SuppressWarnings("unchecked")
    ComboBox<DirectoryUser> picker() {
        return _get(ComboBox.class, spec -> spec.withId("reassign-target"));
    }

    String investigatorLine() {
        return _get(Paragraph.class, spec -> spec.withId("case-investigator")).getText();
    }

    @Test
    void hrReassignsTheInvestigatorOnTheCaseWithAReasonKeptInTheTimeline() {
        long id = investigating("界面改派：调查核实");
        login(HR);
        navigate("tolerance/case/" + id);
        assertThat(investigatorLine()).contains("赵敏");
        List<DirectoryUser> offered = ComboBoxKt.getSuggestionItems(picker());
        assertThat(offered).extracting(DirectoryUser::name).contains("冯磊").doesNotContain("赵敏", "周平", "王芳");

        // no reason: refused on the field, nothing changes
        _setValue(picker(), offered.stream().filter(u -> u.id().equals(DISCIPLINE2)).findFirst().orElseThrow());
        _click(_get(Button.class, spec -> spec.withId("reassign-submit")));
        TextArea reason = _get(TextArea.class, spec -> spec.withId("reassign-reason"));
        assertThat(reason.isInvalid()).isTrue();
        assertThat(reason.getErrorMessage()).isEqualTo("请填写改派理由");
        assertThat(investigatorLine()).contains("赵敏");

        _setValue(reason, "赵敏同志另有专案任务。");
        _click(_get(Button.class, spec -> spec.withId("reassign-submit")));
        assertThat(investigatorLine()).contains("冯磊").doesNotContain("赵敏");
        String timeline = _get(UnorderedList.class, spec -> spec.withId("case-timeline")).getElement().getTextRecursively();
        assertThat(timeline).contains("王芳 改派调查人员：冯磊", "赵敏同志另有专案任务。");
        assertThat(jdbc.queryForObject("SELECT investigator FROM tolerance_case WHERE id = ?", String.class, id))
                .isEqualTo(DISCIPLINE2);

        // 冯磊 now reads the case, without the HR officer's form; 赵敏 reads the refusal
        login(DISCIPLINE2);
        navigate("tolerance/case/" + id);
        assertThat(investigatorLine()).contains("冯磊");
        assertThat(_find(Div.class, spec -> spec.withId("reassign"))).isEmpty();
        login(DISCIPLINE);
        navigate("tolerance/case/" + id);
        assertThat(_find(Paragraph.class, spec -> spec.withId("case-error"))).hasSize(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void atAcceptanceHrPicksTheInvestigatorAmongTheDisciplineOfficersOverTheUnit() {
        String pi = starts.start(ToleranceStep.PROCESS_KEY, CADRE, ToleranceFixture.application("界面：受理选人"));
        long id = jdbc.queryForObject("SELECT id FROM tolerance_case WHERE process_instance_id = ?", Long.class, pi);
        login(HR);
        navigate("task/" + task(pi, HR));
        ComboBox<String> picker = _get(ComboBox.class, spec -> spec.withId("field-investigator"));
        List<String> offered = ComboBoxKt.getSuggestions(picker);
        assertThat(offered).contains("赵敏", "冯磊").doesNotContain("周平", "王芳", "zhaomin");
        _setValue(_get(com.vaadin.flow.component.radiobutton.RadioButtonGroup.class,
                spec -> spec.withId("field-acceptance")), "ACCEPT");
        _setValue(_get(TextArea.class, spec -> spec.withId("field-acceptanceReason")), "予以受理。");
        ComboBoxKt.selectByLabel(picker, "冯磊");
        _click(_get(Button.class, spec -> spec.withId("submit-form")));
        assertThat(jdbc.queryForObject("SELECT investigator FROM tolerance_case WHERE id = ?", String.class, id))
                .isEqualTo(DISCIPLINE2);
    }

    @Test
    void atAcceptanceTheServerRefusesAnInvestigatorNotOffered() {
        String pi = starts.start(ToleranceStep.PROCESS_KEY, CADRE, ToleranceFixture.application("受理选人：越权"));
        String taskId = task(pi, HR);
        for (String bad : List.of(HR, CADRE, "nobody", "ZHAOMIN")) {
            assertThatThrownBy(() -> commands.submitForm(taskId, HR, Map.of(
                    "acceptance", "ACCEPT", "acceptanceReason", "予以受理。", "investigator", bad)))
                    .isInstanceOfSatisfying(cn.cadreflow.workflow.WorkflowException.class, e ->
                            assertThat(e.errors()).anySatisfy(err -> assertThat(err.field()).isEqualTo("investigator")));
        }
        // nothing changed: still at 受理, nobody named
        assertThat(task(pi, HR)).isEqualTo(taskId);
        assertThat(jdbc.queryForObject("SELECT investigator FROM tolerance_case WHERE process_instance_id = ?",
                String.class, pi)).isNull();
    }

    @Test
    void theCadreALeadIsAboutWritesAnEarlyStatementOnTheCaseView() {
        String pi = starts.start(ToleranceStep.PROCESS_KEY, HR, ToleranceFixture.lead(fx.cadreId, "界面：提前陈述"));
        long id = jdbc.queryForObject("SELECT id FROM tolerance_case WHERE process_instance_id = ?", Long.class, pi);
        // the cadre is told, in the bell, and it leads to the case; nobody else is told of it
        assertThat(jdbc.queryForList("SELECT recipient FROM notification WHERE process_instance_id = ? AND kind = 'NOTICE'",
                String.class, pi)).containsExactly(CADRE);
        login(CADRE);
        navigate("inbox");
        _get(Popover.class).open();
        Div notice = _find(Div.class, spec -> spec.withClasses("bell-item")).stream()
                .filter(d -> d.getElement().getTextRecursively().contains("RC-" + id)).findFirst().orElseThrow();
        assertThat(notice.getElement().getTextRecursively()).contains("【容错纠错】有一件涉及您的问责线索已登记");
        _click(notice);
        NavigatorKt.expectView(ToleranceCaseView.class);
        TextArea statement = _get(TextArea.class, spec -> spec.withId("early-statement"));
        // nothing written: refused on the field, nothing kept
        _click(_get(Button.class, spec -> spec.withId("early-statement-submit")));
        assertThat(statement.isInvalid()).isTrue();
        assertThat(statement.getErrorMessage()).isEqualTo("请填写本人陈述");
        assertThat(jdbc.queryForObject("SELECT statement FROM tolerance_case WHERE id = ?", String.class, id)).isNull();

        _setValue(statement, "该笔支出经班子会研究，有会议纪要。");
        _click(_get(Button.class, spec -> spec.withId("early-statement-submit")));
        assertThat(jdbc.queryForObject("SELECT statement FROM tolerance_case WHERE id = ?", String.class, id))
                .isEqualTo("该笔支出经班子会研究，有会议纪要。");
        assertThat(_get(TextArea.class, spec -> spec.withId("early-statement")).getValue())
                .isEqualTo("该笔支出经班子会研究，有会议纪要。");

        // HR over the unit reads the case but writes no statement for the cadre; another cadre reads nothing
        login(HR);
        navigate("tolerance/case/" + id);
        assertThat(_find(Div.class, spec -> spec.withId("early"))).isEmpty();
        login(ToleranceFixture.COLLEAGUE);
        navigate("tolerance/case/" + id);
        assertThat(_find(Paragraph.class, spec -> spec.withId("case-error"))).hasSize(1);
        assertThat(_find(Div.class, spec -> spec.withId("early"))).isEmpty();

        // past 受理 the statement is given at 听取本人陈述, where it comes filled in
        commands.submitForm(task(pi, HR), HR, Map.of("acceptance", "ACCEPT", "acceptanceReason", "予以受理。",
                "investigator", DISCIPLINE));
        login(CADRE);
        navigate("tolerance/case/" + id);
        assertThat(_find(Div.class, spec -> spec.withId("early"))).isEmpty();
        navigate("task/" + task(pi, CADRE));
        assertThat(_get(TextArea.class, spec -> spec.withId("field-statement")).getValue())
                .isEqualTo("该笔支出经班子会研究，有会议纪要。");
    }

    @Test
    void theHeadOfTheOrganisationDepartmentOpensTheCaseReadOnlyAndOthersReadARefusal() {
        long id = investigating("界面：组织部长查阅");
        login("huangzhigang");
        navigate("tolerance/cases");
        @SuppressWarnings("unchecked")
        Grid<ToleranceCase> grid = _get(Grid.class, spec -> spec.withId("cases"));
        assertThat(GridKt._findAll(grid)).extracting(ToleranceCase::id).contains(id);
        navigate("tolerance/case/" + id);
        assertThat(_get(Paragraph.class, spec -> spec.withId("case-about")).getText())
                .contains("RC-" + id, "周平", "容错镇", "调查核实");
        assertThat(_get(UnorderedList.class, spec -> spec.withId("case-timeline")).getElement().getTextRecursively())
                .contains("王芳");
        assertThat(_find(Div.class, spec -> spec.withId("reassign"))).isEmpty();

        String refusal = null;
        for (String other : List.of(LEADER, "sunli", "lijun")) {
            login(other);
            navigate("tolerance/case/" + id);
            refusal = _get(Paragraph.class, spec -> spec.withId("case-error")).getText();
            assertThat(_find(Paragraph.class, spec -> spec.withId("case-about"))).as(other).isEmpty();
        }
        login(HR);
        navigate("tolerance/case/999999999");
        assertThat(_get(Paragraph.class, spec -> spec.withId("case-error")).getText()).isEqualTo(refusal);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theHeadsOverdueAcceptanceNoticeOpensTheCaseAndHisListFiltersByCategory() {
        String pi = starts.start(ToleranceStep.PROCESS_KEY, CADRE, ToleranceFixture.application("界面：受理超期督办"));
        long id = jdbc.queryForObject("SELECT id FROM tolerance_case WHERE process_instance_id = ?", Long.class, pi);
        // the overdue timer's service task: 督办 to the 组织部长 over the unit
        steps.escalateAcceptance(id, pi);

        login("huangzhigang");
        navigate("tolerance/cases");
        Grid<ToleranceCase> grid = _get(Grid.class, spec -> spec.withId("cases"));
        Select<ToleranceCase.Category> category = _get(Select.class, spec -> spec.withId("cases-category"));
        _setValue(category, ToleranceCase.Category.SAFETY);
        assertThat(GridKt._findAll(grid)).extracting(ToleranceCase::id).doesNotContain(id);
        assertThat(GridKt._findAll(grid)).allMatch(c -> c.category() == ToleranceCase.Category.SAFETY);
        _setValue(category, ToleranceCase.Category.INVESTMENT);
        assertThat(GridKt._findAll(grid)).extracting(ToleranceCase::id).contains(id);
        _setValue(category, null);
        assertThat(GridKt._findAll(grid)).extracting(ToleranceCase::id).contains(id);

        // his bell's 督办 leads to the case, read-only, not to the 受理 task he may not open
        _get(Popover.class).open();
        Div item = _find(Div.class, spec -> spec.withClasses("bell-item")).stream()
                .filter(d -> d.getElement().getTextRecursively().contains("RC-" + id)).findFirst().orElseThrow();
        _click(item);
        NavigatorKt.expectView(ToleranceCaseView.class);
        assertThat(_get(Paragraph.class, spec -> spec.withId("case-about")).getText()).contains("RC-" + id, "待受理");
        assertThat(_get(Paragraph.class, spec -> spec.withId("case-category")).getText()).contains("招商引资");
        assertThat(_find(Div.class, spec -> spec.withId("reassign"))).isEmpty();

        // HR over the unit, whom the 受理 waits for, is still taken to the task
        login(HR);
        navigate("inbox");
        _get(Popover.class).open();
        _click(_find(Div.class, spec -> spec.withClasses("bell-item")).stream()
                .filter(d -> d.getElement().getTextRecursively().contains("RC-" + id)).findFirst().orElseThrow());
        NavigatorKt.expectView(TaskView.class);
    }
}
