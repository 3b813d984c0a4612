package cn.cadreflow.modelling;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.security.UserService;
import cn.cadreflow.ui.KaribuSupport;

/**
 * 流程库 and 流程故障 as the administrator uses them: the versions listed; a malicious upload answered with its
 * problems in Chinese and nothing deployed; a good one deployed, opened, downloaded, suspended and resumed; a
 * failed step shown in plain words, retried and its instance cancelled with a reason. Nobody else gets in.
 */
@CadreFlowTest
class LibraryUiTest extends KaribuSupport {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LibraryService library;
    @Autowired
    UserService users;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;

    int deployments() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RE_DEPLOYMENT", Integer.class);
    }

    @SuppressWarnings("unchecked")
    static List<String> rows(String gridId) {
        Grid<Object> grid = _get(Grid.class, spec -> spec.withId(gridId));
        return IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._getFormattedRow(grid, i).toString())
                .toList();
    }

    /** A button of a grid row's actions (the grid draws them only for rows on screen). */
    @SuppressWarnings("unchecked")
    static Button action(String gridId, String buttonId) {
        Grid<Object> grid = _get(Grid.class, spec -> spec.withId(gridId));
        for (int i = 0; i < GridKt._size(grid); i++) {
            Component cell = GridKt._getCellComponent(grid, i, "actions");
            java.util.Optional<Button> button = cell.getChildren().filter(c -> buttonId.equals(c.getId().orElse(null)))
                    .map(Button.class::cast).findFirst();
            if (button.isPresent()) {
                return button.get();
            }
        }
        throw new AssertionError("no button " + buttonId + " in " + gridId);
    }

    static void upload(String fileName, String content) {
        UploadKt._upload(_get(Upload.class, spec -> spec.withId("library-upload")), fileName,
                "application/octet-stream", content.getBytes(StandardCharsets.UTF_8));
    }

    static String ledgerCopy(String key, String expression) throws Exception {
        return new String(LibraryServiceTest.copy("camunda:expression=\"${trainingLeaveSteps.creditAttended(requestId)}\"",
                "camunda:expression=\"" + expression + "\""), StandardCharsets.UTF_8)
                .replace("libraryLeaveCopy", key);
    }

    @Test
    void theAdministratorUploadsAMaliciousModelThenAGoodOneAndManagesItsVersion() throws Exception {
        login("admin");
        List<String> menu = _get(SideNav.class, spec -> spec.withId("main-nav")).getItems().stream()
                .map(SideNavItem::getLabel).toList();
        assertThat(menu).contains("流程库", "流程故障");
        navigate("admin/library");
        assertThat(rows("library-grid")).anySatisfy(r -> assertThat(r).contains("流程", "培训请假", "trainingLeave",
                "随系统部署"));

        int before = deployments();
        upload("ui-evil.bpmn", ledgerCopy("uiEvil", "${Runtime.getRuntime().exec(&apos;calc&apos;)}"));
        List<String> problems = _get(UnorderedList.class, spec -> spec.withId("library-problems"))
                .getChildren().map(c -> ((ListItem) c).getText()).toList();
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("creditAttended", "Runtime", "流程门面"));
        assertThat(notificationTexts()).contains("文件未通过部署检查，没有部署任何内容");
        assertThat(deployments()).isEqualTo(before);

        upload("ui-copy.bpmn", ledgerCopy("uiLeaveCopy", "${trainingLeaveSteps.creditAttended(requestId)}"));
        assertThat(notificationTexts()).contains("已部署 ui-copy.bpmn");
        assertThat(_get(UnorderedList.class, spec -> spec.withId("library-problems")).getChildren()).isEmpty();
        String id = library.entries(users.context("admin").orElseThrow()).stream()
                .filter(e -> e.version().key().equals("uiLeaveCopy")).findFirst().orElseThrow().version().id();
        assertThat(rows("library-grid")).anySatisfy(r -> assertThat(r).contains("培训请假副本", "uiLeaveCopy", "admin",
                "启用"));

        action("library-grid", "suspend-" + id).click();
        assertThat(rows("library-grid")).anySatisfy(r -> assertThat(r).contains("uiLeaveCopy", "已挂起"));
        action("library-grid", "resume-" + id).click();
        assertThat(rows("library-grid")).anySatisfy(r -> assertThat(r).contains("uiLeaveCopy", "启用"));

        action("library-grid", "open-" + id).click();
        assertThat(_get(H2.class, spec -> spec.withId("version-title")).getText()).isEqualTo("培训请假副本（第 1 版）");
        assertThat(_get(TextArea.class, spec -> spec.withId("version-content")).getValue())
                .contains("<bpmn:process id=\"uiLeaveCopy\"");
        assertThat(_get(TextArea.class, spec -> spec.withId("version-content")).isReadOnly()).isTrue();
        assertThat(_get(Anchor.class, spec -> spec.withId("version-download")).getText())
                .isEqualTo("下载 ui-copy.bpmn");
        com.vaadin.flow.component.UI.getCurrent().navigate("admin/library/version",
                com.vaadin.flow.router.QueryParameters.of("id", "noSuch"));
        assertThat(_get(H2.class, spec -> spec.withId("not-found-title")).getText()).isEqualTo("页面不存在或您无权访问");
    }

    @Test
    void aFailedStepIsShownInPlainWordsRetriedAndItsInstanceCancelledWithAReason() throws Exception {
        // a service task that runs after a commit and cannot resolve its variable: the job fails
        String model = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://cadreflow.cn/bpmn">
                  <bpmn:process id="uiIncident" name="故障演示" isExecutable="true" camunda:historyTimeToLive="30"
                      camunda:candidateStarterGroups="NO_SUCH_GROUP">
                    <bpmn:startEvent id="start"><bpmn:outgoing>a</bpmn:outgoing></bpmn:startEvent>
                    <bpmn:serviceTask id="recordLedger" name="记入培训台账" camunda:asyncBefore="true"
                        camunda:expression="${trainingLeaveSteps.recordLedger(requestId)}">
                      <bpmn:incoming>a</bpmn:incoming><bpmn:outgoing>b</bpmn:outgoing>
                    </bpmn:serviceTask>
                    <bpmn:endEvent id="end"><bpmn:incoming>b</bpmn:incoming></bpmn:endEvent>
                    <bpmn:sequenceFlow id="a" sourceRef="start" targetRef="recordLedger"/>
                    <bpmn:sequenceFlow id="b" sourceRef="recordLedger" targetRef="end"/>
                  </bpmn:process>
                </bpmn:definitions>
                """;
        library.deploy(users.context("admin").orElseThrow(), "ui-incident.bpmn", model.getBytes(StandardCharsets.UTF_8));
        String pi = runtime.startProcessInstanceByKey("uiIncident").getId();
        Job job = management.createJobQuery().processInstanceId(pi).singleResult();
        management.setJobRetries(job.getId(), 1);
        try {
            management.executeJob(job.getId());
        } catch (RuntimeException expected) {
            // the failure becomes the incident
        }

        login("admin");
        navigate("admin/incidents");
        assertThat(rows("incident-grid")).anySatisfy(r -> assertThat(r).contains("故障演示", "记入培训台账",
                "步骤“记入培训台账”执行失败，流程停在这里", "requestId"));
        String incident = runtime.createIncidentQuery().processInstanceId(pi).singleResult().getId();

        action("incident-grid", "retry-" + incident).click();
        assertThat(notificationTexts()).contains("已安排重试");
        assertThat(management.createJobQuery().processInstanceId(pi).singleResult().getRetries()).isEqualTo(1);
        assertThat(rows("incident-grid")).as("a retried step is no incident until it fails again")
                .noneSatisfy(r -> assertThat(r).contains("故障演示"));

        // it fails again
        try {
            management.executeJob(job.getId());
        } catch (RuntimeException expected) {
            // the failure becomes the incident
        }
        login("admin");
        navigate("admin/incidents");
        String again = runtime.createIncidentQuery().processInstanceId(pi).singleResult().getId();
        action("incident-grid", "cancel-" + again).click();
        assertThat(notificationTexts()).contains("请填写取消原因（不超过 500 字）");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).isEqualTo(1);
        _setValue(_get(TextField.class, spec -> spec.withId("incident-reason")), "测试：变量缺失，无法继续");
        action("incident-grid", "cancel-" + again).click();
        assertThat(notificationTexts()).contains("已取消该流程实例");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();
        assertThat(library.record(users.context("admin").orElseThrow(), 5)).extracting(AuditEntry::action)
                .startsWith("CANCEL", "RETRY");
    }

    @Test
    void nobodyButTheAdministratorGetsIn() {
        login("wangfang");
        expectMissingPage("admin/library");
        expectMissingPage("admin/incidents");
    }
}
