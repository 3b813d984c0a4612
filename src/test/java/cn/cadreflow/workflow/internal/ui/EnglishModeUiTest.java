package cn.cadreflow.workflow.internal.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.TrainingRequests;
import cn.cadreflow.trainingleave.TrainingLeaveService;
import cn.cadreflow.ui.KaribuSupport;
import cn.cadreflow.ui.Texts;
import cn.cadreflow.workflow.FormDefinition;
import cn.cadreflow.workflow.ProcessStarts;
import cn.cadreflow.workflow.TaskCommands;
import cn.cadreflow.workflow.WorkflowQueries;
import cn.cadreflow.workflow.WorkflowViews;
import cn.cadreflow.workflow.internal.form.FormRenderer;

/**
 * English mode translates what the system generates: the diagram's step names, the forms' hints and the values the
 * system fills in (grades, the grade rule's reasons, ranks); what people wrote stays as they wrote it.
 */
@CadreFlowTest
class EnglishModeUiTest extends KaribuSupport {

    @Autowired
    ProcessStarts starts;
    @Autowired
    TaskCommands commands;
    @Autowired
    WorkflowQueries queries;
    @Autowired
    Texts texts;

    static void english() {
        VaadinSession.getCurrent().setLocale(Locale.ENGLISH);
        UI.getCurrent().setLocale(Locale.ENGLISH);
    }

    String taskOf(String user, String processInstanceId) {
        return queries.inbox(user, 0, 200).stream().filter(t -> t.processInstanceId().equals(processInstanceId))
                .map(WorkflowViews.TaskSummary::taskId).findFirst().orElseThrow();
    }

    @Test
    void theDiagramTheRankAndTheHintReadInEnglishThePeoplesTextAsWritten() {
        String pi = starts.start(TrainingLeaveService.PROCESS_KEY, "zhangwei",
                TrainingRequests.request("数字乡村专题班", TrainingRequests.nextFreeStart(), 2, 16));
        login("lijun");
        english();
        navigate("task/" + taskOf("lijun", pi));
        String xml = _get(BpmnViewer.class, spec -> spec.withId("diagram")).getElement().getProperty("xml");
        assertThat(xml).contains("name=\"Unit leader approval\"", "name=\"Organisation department approval\"",
                "name=\"Hand over duties\"", "name=\"Disagreed\"", "name=\"Approval reminder\"")
                .doesNotContain("name=\"单位负责人审批\"", "name=\"工作交接\"", "name=\"不同意\"", "name=\"审批提醒\"");
        assertThat(_get(TextField.class, spec -> spec.withId("field-rankName")).getValue())
                .as("a rank the system filled in").isEqualTo("Staff member");
        assertThat(_get(TextField.class, spec -> spec.withId("field-cadreName")).getValue()).isEqualTo("张伟");
        assertThat(_get(TextField.class, spec -> spec.withId("field-courseName")).getValue())
                .as("the cadre's own words").isEqualTo("数字乡村专题班");

        commands.decide(taskOf("lijun", pi), "lijun", true, "同意。");
        commands.decide(taskOf("wangfang", pi), "wangfang", true, "同意。");
        login("zhangwei");
        english();
        navigate("task/" + taskOf("zhangwei", pi));
        assertThat(_find(Paragraph.class)).extracting(Paragraph::getText).contains(
                "You will be away for the training: on the \"Hand over duties\" page pick the colleague of your unit who"
                        + " takes over, and write what is handed over.");
    }

    @Test
    void gradesAndTheRulesReasonsReadInEnglish() throws Exception {
        login("wangfang");
        FormDefinition form;
        try (InputStream in = getClass().getResourceAsStream("/forms/annual-review-hr.form")) {
            form = FormDefinition.parse(in);
        }
        FormRenderer renderer = new FormRenderer(form, texts, Locale.ENGLISH, false);
        renderer.setValues(Map.of("suggestedGrade", "优秀", "suggestedReason", "综合得分90分及以上，且数字化能力得分达到60分",
                "toleratedMatters", "汛期先行调用储备物资"));
        assertThat(((TextField) renderer.field("suggestedGrade")).getValue()).isEqualTo("Excellent");
        assertThat(((TextField) renderer.field("suggestedReason")).getValue())
                .isEqualTo("Total score of 90 or more, with a digital-capability score of at least 60");
        assertThat(((TextArea) renderer.field("toleratedMatters")).getValue()).as("people's own text")
                .isEqualTo("汛期先行调用储备物资");
        assertThat(renderer.getChildren().filter(Paragraph.class::isInstance).map(c -> ((Paragraph) c).getText()))
                .anyMatch(t -> t.startsWith("Organisation department review: check the scores"));
    }
}
