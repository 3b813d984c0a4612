package cn.cadreflow.tolerance;

import static cn.cadreflow.tolerance.ToleranceFixture.CADRE;
import static cn.cadreflow.tolerance.ToleranceFixture.DISCIPLINE;
import static cn.cadreflow.tolerance.ToleranceFixture.HR;
import static cn.cadreflow.tolerance.ToleranceFixture.HR2;
import static cn.cadreflow.tolerance.ToleranceFixture.LEADER;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.TrainingRequests;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.tolerance.internal.ToleranceOpenView;
import cn.cadreflow.ui.KaribuSupport;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.internal.ui.TaskView;

/**
 * One 容错申请 driven through the screens, each person at their own step: 周平 applies from the start form; 钱红
 * (HR) accepts it naming the investigator; 周平 gives his statement; 赵敏 investigates against 三个区分开来; 王芳
 * records the committee's decision, refused first when she differs from the proposal without a reason; 周平 reads
 * the outcome. Afterwards the matter is protected: the unit leader approving 周平's training leave is shown it, HR
 * finds it in his file marked as the process's, and the unit leader's view of the file keeps it confidential.
 */
@CadreFlowTest
class ToleranceStepsUiTest extends KaribuSupport {

    static final String MATTER = "界面：先行先试推行证照联办";

    @Autowired
    TaskService tasks;
    @Autowired
    ProcessStarts starts;
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

    static Component field(String key) {
        return _get(Component.class, spec -> spec.withId("field-" + key));
    }

    static Object readOnly(String key) {
        HasValue<?, ?> f = (HasValue<?, ?>) field(key);
        assertThat(f.isReadOnly()).as(key + " read-only").isTrue();
        return f.getValue();
    }

    @SuppressWarnings("unchecked")
    static void choose(String key, String value) {
        Component f = field(key);
        if (f instanceof RadioButtonGroup<?> r) {
            _setValue((RadioButtonGroup<String>) r, value);
        } else {
            _setValue((Select<String>) f, value);
        }
    }

    static void text(String key, String value) {
        Component f = field(key);
        if (f instanceof TextArea area) {
            _setValue(area, value);
        } else {
            _setValue((TextField) f, value);
        }
    }

    static void submitForm() {
        _click(_get(Button.class, spec -> spec.withId("submit-form")));
    }

    String taskOf(String pi, String step) {
        Task t = tasks.createTaskQuery().processInstanceId(pi).taskDefinitionKey(step).singleResult();
        assertThat(t).as("open " + step).isNotNull();
        return t.getId();
    }

    void openTask(String user, String pi, String step) {
        login(user);
        navigate("task/" + taskOf(pi, step));
        NavigatorKt.expectView(TaskView.class);
    }

    @Test
    void aCaseGoesThroughEveryRolesStepOnScreenAndThenProtectsTheCadre() {
        // 容错申请: 发起申请 opens the module's start page; the cadre applies about himself
        login(CADRE);
        navigate("start/" + ToleranceStep.PROCESS_KEY);
        NavigatorKt.expectView(ToleranceOpenView.class);
        _setValue(ToleranceOpenUiTest.category(), ToleranceCase.Category.REFORM);
        _setValue(_get(TextField.class, spec -> spec.withId("open-matter")), MATTER);
        _setValue(_get(DatePicker.class, spec -> spec.withId("open-matter-date")), LocalDate.of(2025, 4, 1));
        _setValue(_get(TextArea.class, spec -> spec.withId("open-decision-taken")),
                "在无上级明确规定的情况下，经党委会研究推行证照联办试点。");
        _setValue(_get(TextArea.class, spec -> spec.withId("open-loss")), "系统对接失败，造成群众重复跑腿约两周。");
        _setValue(_get(TextArea.class, spec -> spec.withId("open-mitigation")), "及时恢复原办理渠道并上门补办。");
        ToleranceOpenUiTest.submit();
        String pi = jdbc.queryForObject("SELECT process_instance_id FROM tolerance_case WHERE matter = ?",
                String.class, MATTER);

        // 受理: HR over the unit reads the application and names the investigator
        openTask(HR2, pi, ToleranceStep.ACCEPTANCE);
        assertThat(readOnly("cadreName")).isEqualTo("周平");
        assertThat(readOnly("caseKindLabel")).isEqualTo("本人容错申请");
        assertThat(readOnly("categoryLabel")).isEqualTo("改革创新");
        assertThat(readOnly("loss")).isEqualTo("系统对接失败，造成群众重复跑腿约两周。");
        // a confidential case is never copied: 抄送 is not even offered
        assertThat(_find(Button.class, spec -> spec.withId("copy"))).isEmpty();
        choose("acceptance", "ACCEPT");
        text("acceptanceReason", "属于容错申请受理范围。");
        _setValue((com.vaadin.flow.component.combobox.ComboBox<String>) field("investigator"), DISCIPLINE);
        submitForm();

        // 听取本人陈述
        openTask(CADRE, pi, ToleranceStep.STATEMENT);
        assertThat(readOnly("matter")).isEqualTo(MATTER);
        text("statement", "试点出于方便群众，未谋取任何私利。");
        submitForm();

        // 调查核实: the statement is before the officer; the findings per criterion
        openTask(DISCIPLINE, pi, ToleranceStep.INVESTIGATION);
        assertThat(readOnly("statementText")).isEqualTo("试点出于方便群众，未谋取任何私利。");
        text("findings", "经调阅党委会记录，试点经集体研究并经司法所合法性审查。");
        for (String yes : List.of("founded", "pioneering", "notForbidden", "forDevelopment", "collectiveDecision",
                "legalReview", "lossLimited")) {
            choose(yes, "YES");
        }
        choose("privateGain", "NO");
        choose("collusion", "NO");
        submitForm();

        // 党委（党组）认定: the proposal and its reason; differing needs a reason
        openTask(HR, pi, ToleranceStep.COMMITTEE_DECISION);
        assertThat(readOnly("proposedOutcomeLabel")).isEqualTo("免责");
        assertThat((String) readOnly("proposedReason")).contains("三个区分开来");
        choose("outcome", "MITIGATED");
        text("decisionNo", "清组容〔2026〕21号");
        _setValue((DatePicker) field("decisionDate"), LocalDate.now());
        submitForm();
        assertThat(notificationTexts()).anyMatch(t -> t.contains("认定结果与建议不一致，须写明理由"));
        NavigatorKt.expectView(TaskView.class);
        choose("outcome", "EXEMPT");
        submitForm();

        // the written outcome, no appeal
        openTask(CADRE, pi, ToleranceStep.OUTCOME_NOTICE);
        assertThat(readOnly("outcomeLabel")).isEqualTo("免责");
        assertThat(readOnly("decisionNo")).isEqualTo("清组容〔2026〕21号");
        _setValue((Checkbox) field("appeal"), false);
        submitForm();
        assertThat(jdbc.queryForObject("SELECT status FROM tolerance_case WHERE process_instance_id = ?",
                String.class, pi)).isEqualTo("CLOSED");

        // any later task about him shows the approver the protected matter
        String leave = starts.start("trainingLeave", CADRE,
                TrainingRequests.request("基层治理专题班", TrainingRequests.nextFreeStart(), 2, 12));
        openTask(LEADER, leave, "leaderApproval");
        assertThat(_find(Button.class, spec -> spec.withId("copy"))).as("抄送 on an ordinary request").isNotEmpty();
        assertThat(_get(Div.class, spec -> spec.withId("task-subject-notes")).getElement().getTextRecursively())
                .contains(MATTER, "免责", "清组容〔2026〕21号", "不作负面评价");

        // the file: HR sees it, from the process; the unit leader reads that it is confidential
        login(HR);
        navigate("file/" + fx.cadreId);
        assertThat(rows("tolerance-file")).anyMatch(r -> r.contains(MATTER) && r.contains("免责")
                && r.contains("容错纠错流程"));
        login(LEADER);
        navigate("file/" + fx.cadreId);
        assertThat(_find(Grid.class, spec -> spec.withId("tolerance-file"))).isEmpty();
        assertThat(_get(Span.class, spec -> spec.withId("tolerance-file-restricted")).getText()).contains("保密");
    }

    static List<String> rows(String gridId) {
        Grid<?> grid = _get(Grid.class, spec -> spec.withId(gridId));
        return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._getFormattedRow(grid, i).toString())
                .toList();
    }
}
