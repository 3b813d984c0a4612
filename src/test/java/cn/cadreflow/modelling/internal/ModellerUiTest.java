package cn.cadreflow.modelling.internal;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.github.mvysny.kaributesting.v10.ElementUtilsKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.org.OrgUnit;
import cn.cadreflow.ui.KaribuSupport;
import elemental.json.Json;
import elemental.json.JsonObject;

/**
 * 流程建模 as the administrator uses it, the page's diagram stood in for by its XML: the new process is refused
 * with its problems located on their elements; the pickers write exactly the attributes the task centre and the
 * guard know; a process with problems is not deployed; without problems it is saved as a draft, deployed, recorded
 * and offered to cadres in 发起申请.
 */
@CadreFlowTest
class ModellerUiTest extends KaribuSupport {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OrgService org;

    int deployments() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RE_DEPLOYMENT", Integer.class);
    }

    static BpmnModeller modeller() {
        return _get(BpmnModeller.class, spec -> spec.withId("modeller"));
    }

    /** What a click on an element of the diagram sends. */
    static void select(String id, String type) {
        JsonObject data = Json.createObject();
        data.put("event.detail.id", id);
        data.put("event.detail.type", type);
        data.put("event.detail.name", "");
        ElementUtilsKt._fireDomEvent(modeller().getElement(),
                new com.vaadin.flow.dom.DomEvent(modeller().getElement(), "cf-select", data));
    }

    static List<Button> problems() {
        return _find(_get(VerticalLayout.class, spec -> spec.withId("modeller-problems")), Button.class);
    }

    @SuppressWarnings("unchecked")
    static <T> Select<T> select(String id) {
        return _get(Select.class, spec -> spec.withId(id));
    }

    @Test
    void theAdministratorModelsValidatesFixesAndDeploysAnApprovalProcess() {
        login("admin");
        navigate("admin/library/model");
        assertThat(modeller().xml()).contains("<bpmn:userTask id=\"task_1\" name=\"审批\"");

        _click(_get(Button.class, spec -> spec.withId("modeller-validate")));
        assertThat(problems()).extracting(b -> b.getElement().getAttribute("data-element"))
                .containsExactlyInAnyOrder("task_1", "task_1");
        assertThat(problems()).extracting(Button::getText).anySatisfy(t -> assertThat(t).contains("task_1", "办理人规则"))
                .anySatisfy(t -> assertThat(t).contains("task_1", "cf.kind"));

        int before = deployments();
        _click(_get(Button.class, spec -> spec.withId("modeller-deploy")));
        assertThat(deployments()).isEqualTo(before);
        assertThat(notificationTexts()).contains("未部署：请先解决下列问题");

        select("task_1", "bpmn:UserTask");
        select("modeller-assignee").setValue(AssigneeRule.Kind.STARTER_LEADER);
        assertThat(modeller().xml()).contains("camunda:candidateGroups=\"${unitLeaderGroup}\"")
                .doesNotContain("camunda:assignee");
        select("modeller-assignee").setValue(AssigneeRule.Kind.STARTER_HR);
        assertThat(modeller().xml()).contains("camunda:candidateGroups=\"${hrGroup}\"");
        select("modeller-assignee").setValue(AssigneeRule.Kind.ROLE);
        select("modeller-role").setValue("HR_OFFICER");
        assertThat(modeller().xml()).contains("camunda:candidateGroups=\"HR_OFFICER\"");
        OrgUnit unit = org.tree().units().stream().filter(u -> u.name().equals("青山镇")).findFirst().orElseThrow();
        select("modeller-assignee").setValue(AssigneeRule.Kind.UNIT_GROUP);
        select("modeller-unit-group").setValue("leader");
        @SuppressWarnings("unchecked")
        ComboBox<OrgUnit> units = _get(ComboBox.class, spec -> spec.withId("modeller-unit"));
        units.setValue(unit);
        assertThat(modeller().xml()).contains("camunda:candidateGroups=\"leader-" + unit.id() + "\"");
        select("modeller-assignee").setValue(AssigneeRule.Kind.STARTER);
        assertThat(modeller().xml()).contains("camunda:assignee=\"${initiator}\"")
                .doesNotContain("camunda:candidateGroups");
        select("modeller-assignee").setValue(AssigneeRule.Kind.STARTER_LEADER);
        select("modeller-kind").setValue("approval");
        select("modeller-reject").setValue("end");
        assertThat(modeller().xml()).contains("camunda:candidateGroups=\"${unitLeaderGroup}\"")
                .doesNotContain("camunda:assignee")
                .contains("<camunda:property name=\"cf.kind\" value=\"approval\"/>")
                .contains("<camunda:property name=\"cf.reject\" value=\"end\"/>");

        _click(_get(Button.class, spec -> spec.withId("modeller-validate")));
        assertThat(problems()).extracting(Button::getText).anySatisfy(t -> assertThat(t).contains("可发起的角色"))
                .anySatisfy(t -> assertThat(t).contains("start", "开始事件没有表单"));

        select("start", "bpmn:StartEvent");
        select("modeller-form").setValue("trainingLeave");
        assertThat(modeller().xml()).contains("camunda:formRef=\"trainingLeave\"")
                .contains("camunda:formRefBinding=\"deployment\"");
        select("", "");
        _setValue(_get(TextField.class, spec -> spec.withId("modeller-key")), "modelledLeave");
        _setValue(_get(TextField.class, spec -> spec.withId("modeller-name")), "外出学习审批");
        @SuppressWarnings("unchecked")
        CheckboxGroup<String> starters = _get(CheckboxGroup.class, spec -> spec.withId("modeller-starters"));
        starters.setValue(Set.of("CADRE"));
        assertThat(modeller().xml()).containsPattern("<bpmn:process [^>]*id=\"modelledLeave\"")
                .contains("bpmnElement=\"modelledLeave\"").contains("name=\"外出学习审批\"")
                .contains("camunda:candidateStarterGroups=\"CADRE\"");

        _click(_get(Button.class, spec -> spec.withId("modeller-validate")));
        assertThat(problems()).isEmpty();
        assertThat(notificationTexts()).contains("校验通过，可以部署");

        int drafts = jdbc.queryForObject("SELECT COUNT(*) FROM model_draft WHERE process_key = 'modelledLeave'",
                Integer.class);
        _click(_get(Button.class, spec -> spec.withId("modeller-save")));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM model_draft WHERE process_key = 'modelledLeave'",
                Integer.class)).isEqualTo(drafts + 1);

        _click(_get(Button.class, spec -> spec.withId("modeller-deploy")));
        assertThat(deployments()).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM model_audit WHERE action = 'DEPLOY' AND target = "
                + "'modelledLeave.bpmn' AND actor = 'admin'", Integer.class)).isEqualTo(1);

        login("zhangwei");
        navigate("start");
        assertThat(_get(Button.class, spec -> spec.withId("start-modelledLeave")).getText()).isEqualTo("外出学习审批");
    }

    @Test
    void aLibraryVersionOpensAsACopyAndNobodyButTheAdministratorGetsIn() {
        login("admin");
        String id = jdbc.queryForObject("SELECT ID_ FROM ACT_RE_PROCDEF WHERE KEY_ = 'trainingLeave' ORDER BY "
                + "VERSION_ DESC LIMIT 1", String.class);
        com.vaadin.flow.component.UI.getCurrent().navigate("admin/library/model",
                com.vaadin.flow.router.QueryParameters.of("from", id));
        assertThat(modeller().xml()).containsPattern("<bpmn:process [^>]*id=\"trainingLeave\"");
        select("leaderApproval", "bpmn:UserTask");
        assertThat(select("modeller-assignee").getValue()).isEqualTo(AssigneeRule.Kind.STARTER_LEADER);
        assertThat(select("modeller-kind").getValue()).isEqualTo("approval");
        login("wangfang");
        expectMissingPage("admin/library/model");
    }
}
