package cn.cadreflow.tolerance;

import static cn.cadreflow.tolerance.ToleranceFixture.CADRE;
import static cn.cadreflow.tolerance.ToleranceFixture.DISCIPLINE;
import static cn.cadreflow.tolerance.ToleranceFixture.DISCIPLINE2;
import static cn.cadreflow.tolerance.ToleranceFixture.HR;
import static cn.cadreflow.tolerance.ToleranceFixture.HR2;
import static cn.cadreflow.tolerance.ToleranceStepsUiTest.choose;
import static cn.cadreflow.tolerance.ToleranceStepsUiTest.field;
import static cn.cadreflow.tolerance.ToleranceStepsUiTest.readOnly;
import static cn.cadreflow.tolerance.ToleranceStepsUiTest.submitForm;
import static cn.cadreflow.tolerance.ToleranceStepsUiTest.text;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.tolerance.internal.ToleranceOpenView;
import cn.cadreflow.ui.KaribuSupport;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.TaskCommands;
import cn.cadreflow.workflow.internal.ui.TaskView;

/**
 * The steps {@link ToleranceStepsUiTest} does not reach, each on screen by the person whose step it is (earlier
 * steps through the task centre's API): HR registers a 问责线索 from the start form; the cadre asks for a review of
 * a decline (不予受理通知) and another HR officer accepts it (不予受理复核); the cadre appeals an outcome and the other
 * discipline officer changes it (申诉复查); HR writes the correction plan (制定纠错方案) and another HR officer
 * verifies it (纠错跟踪验证).
 */
@CadreFlowTest
class ToleranceLaterStepsUiTest extends KaribuSupport {

    @Autowired
    TaskService tasks;
    @Autowired
    ProcessStarts starts;
    @Autowired
    TaskCommands commands;
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

    void submit(String pi, String step, String user, Map<String, ?> values) {
        commands.submitForm(taskOf(pi, step), user, values);
    }

    String status(String pi) {
        return jdbc.queryForObject("SELECT status FROM tolerance_case WHERE process_instance_id = ?", String.class, pi);
    }

    static Map<String, Object> decline() {
        return Map.of("acceptance", "DECLINE", "acceptanceReason", "所涉事项已由纪委立案审查。");
    }

    @Test
    void hrRegistersALeadFromTheStartForm() {
        login(HR);
        navigate("start/" + ToleranceStep.PROCESS_KEY);
        NavigatorKt.expectView(ToleranceOpenView.class);
        _setValue(ToleranceOpenUiTest.kind(), ToleranceCase.Kind.LEAD);
        ToleranceOpenUiTest.offered("周平");
        _setValue(ToleranceOpenUiTest.picker(), ComboBoxKt.getSuggestionItems(ToleranceOpenUiTest.picker()).get(0));
        _setValue(ToleranceOpenUiTest.category(), ToleranceCase.Category.RURAL);
        _setValue(_get(TextField.class, spec -> spec.withId("open-matter")), "界面：线索反映违规发放补贴");
        _setValue(_get(DatePicker.class, spec -> spec.withId("open-matter-date")), LocalDate.of(2025, 9, 1));
        _setValue(_get(TextArea.class, spec -> spec.withId("open-decision-taken")), "未经公示发放村级补贴。");
        _setValue(_get(TextArea.class, spec -> spec.withId("open-loss")), "群众有意见。");
        _setValue(_get(TextArea.class, spec -> spec.withId("open-mitigation")), "暂停发放。");
        ToleranceOpenUiTest.submit();
        Map<String, Object> row = jdbc.queryForMap("SELECT kind, cadre_id, opened_by, status FROM tolerance_case "
                + "WHERE matter = '界面：线索反映违规发放补贴'");
        assertThat(row).containsEntry("KIND", "LEAD").containsEntry("CADRE_ID", fx.cadreId)
                .containsEntry("OPENED_BY", HR).containsEntry("STATUS", "ACCEPTANCE");
    }

    @Test
    void aDeclinedApplicationIsAppealedAndAcceptedByAnotherOfficerOnScreen() {
        String pi = starts.start(ToleranceStep.PROCESS_KEY, CADRE, ToleranceFixture.application("界面：申请复核"));
        submit(pi, ToleranceStep.ACCEPTANCE, HR, decline());

        openTask(CADRE, pi, ToleranceStep.DECLINE_NOTICE);
        assertThat(readOnly("acceptanceReason")).isEqualTo("所涉事项已由纪委立案审查。");
        _setValue((Checkbox) field("appealDecline"), true);
        text("declineAppealReason", "该事项并未立案，属先行先试。");
        submitForm();
        assertThat(status(pi)).isEqualTo("DECLINE_APPEAL");

        openTask(HR2, pi, ToleranceStep.DECLINE_APPEAL_REVIEW);
        assertThat(readOnly("declineAppeal")).isEqualTo("该事项并未立案，属先行先试。");
        choose("acceptance", "ACCEPT");
        text("acceptanceReason", "经复核，属于受理范围。");
        _setValue((com.vaadin.flow.component.combobox.ComboBox<String>) field("investigator"), DISCIPLINE);
        submitForm();
        assertThat(status(pi)).isEqualTo("STATEMENT");
    }

    @Test
    void anAppealedOutcomeIsChangedThenThePlanIsWrittenAndVerifiedOnScreen() {
        String pi = starts.start(ToleranceStep.PROCESS_KEY, CADRE, ToleranceFixture.application("界面：验收把关不严"));
        submit(pi, ToleranceStep.ACCEPTANCE, HR, Map.of("acceptance", "ACCEPT", "acceptanceReason", "予以受理。",
                "investigator", DISCIPLINE));
        submit(pi, ToleranceStep.STATEMENT, CADRE, Map.of("statement", "验收按上级文件执行。"));
        submit(pi, ToleranceStep.INVESTIGATION, DISCIPLINE, ToleranceFixture.findings("pioneering=NO"));
        Map<String, Object> decision = new HashMap<>(Map.of("outcome", "NOT_TOLERATED", "decisionNo",
                "清组容〔2026〕61号", "decisionDate", LocalDate.now().toString()));
        submit(pi, ToleranceStep.COMMITTEE_DECISION, HR, decision);

        // the cadre appeals on the written notice
        openTask(CADRE, pi, ToleranceStep.OUTCOME_NOTICE);
        assertThat(readOnly("outcomeLabel")).isEqualTo("不予容错");
        _setValue((Checkbox) field("appeal"), true);
        text("appealReason", "验收系按上级文件执行。");
        submitForm();

        // 申诉复查 by the other discipline officer (回避: not the investigator)
        openTask(DISCIPLINE2, pi, ToleranceStep.APPEAL_REVIEW);
        assertThat(readOnly("outcomeLabel")).isEqualTo("不予容错");
        assertThat(readOnly("appealReason")).isEqualTo("验收系按上级文件执行。");
        choose("appealResult", "REVISE");
        choose("revisedOutcome", "MITIGATED");
        text("appealOpinion", "经复查，系执行上级文件中的失误，从轻处理。");
        submitForm();
        assertThat(status(pi)).isEqualTo("CORRECTION");

        // 制定纠错方案
        openTask(HR, pi, ToleranceStep.CORRECTION_PLAN);
        assertThat(readOnly("cadreName")).isEqualTo("周平");
        assertThat(readOnly("matter")).isEqualTo("界面：验收把关不严");
        text("planOwner", "周平");
        text("planMeasures", "完善项目验收制度，组织专题学习。");
        _setValue((DatePicker) field("planDeadline"), LocalDate.now().plusDays(30));
        submitForm();
        assertThat(status(pi)).isEqualTo("VERIFICATION");

        // 纠错跟踪验证: not yet, then verified
        openTask(HR2, pi, ToleranceStep.PLAN_VERIFICATION);
        assertThat(readOnly("planMeasures")).isEqualTo("完善项目验收制度，组织专题学习。");
        assertThat(readOnly("planOwner")).isEqualTo("周平");
        _setValue((Checkbox) field("verified"), true);
        text("verificationNote", "制度已印发，经核验整改到位。");
        submitForm();
        assertThat(status(pi)).isEqualTo("CLOSED");
    }
}
