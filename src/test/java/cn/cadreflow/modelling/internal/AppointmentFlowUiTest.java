package cn.cadreflow.modelling.internal;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.github.mvysny.kaributesting.v10.ElementUtilsKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.ui.KaribuSupport;
import cn.cadreflow.workflow.WorkflowQueries;
import cn.cadreflow.workflow.WorkflowViews;
import elemental.json.Json;
import elemental.json.JsonObject;

/**
 * 选拔任用 end to end, as the issue asks: the administrator puts a nomination form into the library, models an
 * appointment flow in 流程建模 (the diagram's second step drawn in the page, everything else through the side
 * panel's pickers: assignee rules, the form from the library, the roles that may start it), deploys it through the
 * guarded path; a cadre starts it in 发起申请, the unit leader recommends and HR approves in the task centre, and the
 * instance ends.
 */
@CadreFlowTest
class AppointmentFlowUiTest extends KaribuSupport {

    static final String FORM = """
            {"id": "appointmentNomination", "type": "default", "schemaVersion": 16, "components": [
              {"id": "cadreName", "type": "textfield", "key": "cadreName", "label": "姓名", "readonly": true},
              {"id": "unitName", "type": "textfield", "key": "unitName", "label": "单位", "readonly": true},
              {"id": "proposedPost", "type": "textfield", "key": "proposedPost", "label": "拟任职务",
               "validate": {"required": true, "maxLength": 100}},
              {"id": "reason", "type": "textarea", "key": "reason", "label": "推荐理由",
               "validate": {"required": true, "maxLength": 500}}]}
            """;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtime;
    @Autowired
    HistoryService history;
    @Autowired
    WorkflowQueries queries;

    /** What the page sends when the user changes the diagram in bpmn-js. */
    static void drawn(String xml) {
        BpmnModeller modeller = ModellerUiTest.modeller();
        JsonObject data = Json.createObject();
        data.put("event.detail.xml", xml);
        ElementUtilsKt._fireDomEvent(modeller.getElement(),
                new com.vaadin.flow.dom.DomEvent(modeller.getElement(), "cf-change", data));
    }

    /** A user task's start tag with this id, name and candidate groups, in any order of attributes. */
    static String task(String id, String name, String groupsPattern) {
        return "<bpmn:userTask (?=[^>]*id=\"" + id + "\")(?=[^>]*name=\"" + name + "\")"
                + "(?=[^>]*camunda:candidateGroups=\"" + groupsPattern + "\")";
    }

    String taskOf(String user, String pi) {
        return queries.inbox(user, 0, 200).stream().filter(t -> t.processInstanceId().equals(pi))
                .map(WorkflowViews.TaskSummary::taskId).findFirst()
                .orElseThrow(() -> new AssertionError("no task of " + user + " in " + pi));
    }

    void approve(String user, String pi, String opinion) {
        login(user);
        navigate("task/" + taskOf(user, pi));
        _setValue(_get(TextArea.class, spec -> spec.withId("opinion")), opinion);
        _click(_get(Button.class, spec -> spec.withId("approve")));
        assertThat(notificationTexts()).contains("已同意");
    }

    @Test
    void anAdministratorModelsAnAppointmentFlowAndACadreTheLeaderAndHrRunItToTheEnd() {
        login("admin");
        navigate("admin/library");
        UploadKt._upload(_get(Upload.class, spec -> spec.withId("library-upload")), "appointment-nomination.form",
                "application/octet-stream", FORM.getBytes(StandardCharsets.UTF_8));
        assertThat(notificationTexts()).contains("已部署 appointment-nomination.form");

        navigate("admin/library/model");
        String blank = ModellerUiTest.modeller().xml();
        String drawn = blank.replace("<bpmn:userTask id=\"task_1\" name=\"审批\">",
                        "<bpmn:userTask id=\"task_1\" name=\"单位党委推荐\">")
                .replace("<bpmn:sequenceFlow id=\"flow_2\" sourceRef=\"task_1\" targetRef=\"end\"/>",
                        "<bpmn:sequenceFlow id=\"flow_2\" sourceRef=\"task_1\" targetRef=\"hrReview\"/>"
                                + "<bpmn:userTask id=\"hrReview\" name=\"组织人事部门审核\"><bpmn:incoming>flow_2"
                                + "</bpmn:incoming><bpmn:outgoing>flow_3</bpmn:outgoing></bpmn:userTask>"
                                + "<bpmn:sequenceFlow id=\"flow_3\" sourceRef=\"hrReview\" targetRef=\"end\"/>")
                .replaceFirst("(<bpmn:endEvent id=\"end\">\\s*<bpmn:incoming>)flow_2", "$1flow_3")
                .replace("</bpmndi:BPMNPlane>", "<bpmndi:BPMNShape id=\"hrReview_di\" bpmnElement=\"hrReview\">"
                        + "<dc:Bounds x=\"392\" y=\"200\" width=\"100\" height=\"80\"/></bpmndi:BPMNShape>"
                        + "</bpmndi:BPMNPlane>");
        assertThat(drawn).contains("targetRef=\"hrReview\"", "<bpmn:incoming>flow_3</bpmn:incoming>", "单位党委推荐");
        drawn(drawn);

        ModellerUiTest.select("task_1", "bpmn:UserTask");
        ModellerUiTest.select("modeller-assignee").setValue(AssigneeRule.Kind.STARTER_LEADER);
        ModellerUiTest.select("modeller-kind").setValue("approval");
        ModellerUiTest.select("modeller-reject").setValue("end");
        ModellerUiTest.select("hrReview", "bpmn:UserTask");
        ModellerUiTest.select("modeller-assignee").setValue(AssigneeRule.Kind.STARTER_HR);
        ModellerUiTest.select("modeller-kind").setValue("approval");
        ModellerUiTest.select("modeller-reject").setValue("end");
        ModellerUiTest.select("start", "bpmn:StartEvent");
        assertThat(ModellerUiTest.select("modeller-form").getListDataView().getItems())
                .contains("appointmentNomination");
        ModellerUiTest.select("modeller-form").setValue("appointmentNomination");
        ModellerUiTest.select("", "");
        _setValue(_get(TextField.class, spec -> spec.withId("modeller-key")), "cadreAppointment");
        _setValue(_get(TextField.class, spec -> spec.withId("modeller-name")), "干部选拔任用");
        @SuppressWarnings("unchecked")
        CheckboxGroup<String> starters = _get(CheckboxGroup.class, spec -> spec.withId("modeller-starters"));
        starters.setValue(Set.of("CADRE"));
        assertThat(ModellerUiTest.modeller().xml())
                .containsPattern(task("task_1", "单位党委推荐", "\\$\\{unitLeaderGroup}"))
                .containsPattern(task("hrReview", "组织人事部门审核", "\\$\\{hrGroup}"))
                .contains("camunda:formRef=\"appointmentNomination\"", "camunda:candidateStarterGroups=\"CADRE\"");

        _click(_get(Button.class, spec -> spec.withId("modeller-validate")));
        assertThat(ModellerUiTest.problems()).isEmpty();
        _click(_get(Button.class, spec -> spec.withId("modeller-deploy")));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM model_audit WHERE action = 'DEPLOY' AND target = "
                + "'cadreAppointment.bpmn' AND actor = 'admin'", Integer.class)).isEqualTo(1);

        login("zhangwei");
        navigate("start");
        _click(_get(Button.class, spec -> spec.withId("start-cadreAppointment")));
        assertThat(_get(TextField.class, spec -> spec.withId("field-cadreName")).getValue()).isEqualTo("张伟");
        _setValue(_get(TextField.class, spec -> spec.withId("field-proposedPost")), "青山镇党政综合办公室副主任");
        _setValue(_get(TextArea.class, spec -> spec.withId("field-reason")), "政治素质好，熟悉基层工作，群众认可度高。");
        _click(_get(Button.class, spec -> spec.withId("submit")));
        assertThat(notificationTexts()).contains("申请已提交");
        String pi = runtime.createProcessInstanceQuery().processDefinitionKey("cadreAppointment").singleResult()
                .getId();

        approve("lijun", pi, "同意推荐。");
        assertThat(queries.inbox("wangfang", 0, 200)).anyMatch(t -> t.processInstanceId().equals(pi)
                && t.stepKey().equals("hrReview"));
        approve("wangfang", pi, "经审核，同意任用。");

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(pi).singleResult().getEndTime())
                .isNotNull();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(pi).activityId("end").count())
                .as("ended at the end event, not cancelled").isEqualTo(1);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(pi).variableName("proposedPost")
                .singleResult().getValue()).isEqualTo("青山镇党政综合办公室副主任");
    }
}
