package cn.cadreflow.modelling.internal;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.github.mvysny.kaributesting.v10.ElementUtilsKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.router.QueryParameters;

import cn.cadreflow.CadreFlowTest;
import cn.cadreflow.modelling.LibraryEntry;
import cn.cadreflow.ui.KaribuSupport;
import cn.cadreflow.workflow.ModelVersion;
import elemental.json.Json;
import elemental.json.JsonObject;

/**
 * 表单设计 and 决策表设计 as the administrator uses them, the page's editor stood in for by the content it sends:
 * opened from 流程库; a form with what the task view does not draw is refused on deploy with its problems and
 * nothing deployed; saved as a draft (of its kind, reopened in the same editor); deployed clean, recorded and
 * listed in 流程库 as a new version; a library version opens as a copy; a decision table likewise; nobody but the
 * administrator gets in.
 */
@CadreFlowTest
class FileEditorsUiTest extends KaribuSupport {

    static final String FORM = """
            {"id": "editorForm", "type": "default", "schemaVersion": 19, "components": [
              {"label": "姓名", "type": "textfield", "layout": {"row": "Row_1", "columns": null}, "id": "Field_1",
               "key": "name", "validate": {"required": true}}%s]}
            """;
    static final String HIDDEN = """
            , {"label": "类别", "type": "select", "layout": {"row": "Row_2", "columns": null}, "id": "Field_2",
               "key": "kind", "valuesExpression": "=[1]", "searchable": true}""";

    @Autowired
    JdbcTemplate jdbc;

    int deployments() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RE_DEPLOYMENT", Integer.class);
    }

    static void typed(ModelText editor, String content) {
        JsonObject data = Json.createObject();
        data.put("event.detail.content", content);
        ElementUtilsKt._fireDomEvent(editor.getElement(), new DomEvent(editor.getElement(), "cf-change", data));
    }

    static List<String> problems(String prefix) {
        return _find(_get(UnorderedList.class, spec -> spec.withId(prefix + "-problems")), ListItem.class).stream()
                .map(i -> i.getElement().getTextRecursively()).toList();
    }

    @SuppressWarnings("unchecked")
    static List<LibraryEntry> listed() {
        Grid<LibraryEntry> grid = _get(Grid.class, spec -> spec.withId("library-grid"));
        return grid.getListDataView().getItems().toList();
    }

    /** A button of the library grid's actions (the grid draws them only for rows on screen). */
    @SuppressWarnings("unchecked")
    static Button action(String buttonId) {
        Grid<Object> grid = _get(Grid.class, spec -> spec.withId("library-grid"));
        for (int i = 0; i < GridKt._size(grid); i++) {
            Optional<Button> button = GridKt._getCellComponent(grid, i, "actions").getChildren()
                    .filter(c -> buttonId.equals(c.getId().orElse(null))).map(Button.class::cast).findFirst();
            if (button.isPresent()) {
                return button.get();
            }
        }
        throw new AssertionError("no button " + buttonId);
    }

    @Test
    void theAdministratorMakesAFormThatIsRefusedUntilTheTaskViewCanDrawItThenDeploysIt() {
        login("admin");
        navigate("admin/library");
        _click(_get(Button.class, spec -> spec.withId("library-new-form")));
        FormEditor editor = _get(FormEditor.class, spec -> spec.withId("formEditor"));
        assertThat(editor.content()).contains("\"id\" : \"form_").contains("\"components\" : [ ]");

        typed(editor, FORM.formatted(HIDDEN));
        int before = deployments();
        _click(_get(Button.class, spec -> spec.withId("formEditor-deploy")));
        assertThat(deployments()).isEqualTo(before);
        assertThat(notificationTexts()).contains("未部署：请先解决下列问题");
        assertThat(problems("formEditor")).anySatisfy(p -> assertThat(p).contains("Field_2", "valuesExpression"))
                .anySatisfy(p -> assertThat(p).contains("Field_2", "searchable"));
        // each problem is a button that locates its field in the editor
        assertThat(_get(Button.class, spec -> spec.withId("formEditor-problem-0")).getElement()
                .getAttribute("data-element")).isEqualTo("Field_2");

        _click(_get(Button.class, spec -> spec.withId("formEditor-save")));
        Long draft = jdbc.queryForObject("SELECT MAX(id) FROM model_draft WHERE process_key = 'editorForm' AND kind = "
                + "'FORM'", Long.class);
        assertThat(draft).isNotNull();

        typed(editor, FORM.formatted(""));
        _click(_get(Button.class, spec -> spec.withId("formEditor-validate")));
        assertThat(problems("formEditor")).isEmpty();
        _click(_get(Button.class, spec -> spec.withId("formEditor-deploy")));
        assertThat(deployments()).isEqualTo(before + 1);
        assertThat(notificationTexts()).contains("editorForm 已部署为新版本");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM model_audit WHERE action = 'DEPLOY' AND target = "
                + "'editorForm.form' AND actor = 'admin'", Integer.class)).isEqualTo(1);

        navigate("admin/library");
        LibraryEntry deployed = listed().stream().filter(e -> e.version().kind() == ModelVersion.Kind.FORM
                && e.version().key().equals("editorForm")).findFirst().orElseThrow();
        assertThat(deployed.version().version()).isEqualTo(1);
        assertThat(deployed.deployedBy()).isEqualTo("admin");

        // the draft reopens in the form editor, the version as a copy
        UI.getCurrent().navigate(FormEditorView.class, QueryParameters.of("draft", String.valueOf(draft)));
        assertThat(_get(FormEditor.class, spec -> spec.withId("formEditor")).content()).contains("valuesExpression");
        navigate("admin/library");
        _click(action("copy-" + deployed.version().id()));
        assertThat(_get(FormEditor.class, spec -> spec.withId("formEditor")).content()).contains("\"editorForm\"")
                .doesNotContain("valuesExpression");
    }

    @Test
    void theAdministratorMakesADecisionTableAndOnlyADecisionTable() {
        login("admin");
        navigate("admin/library");
        _click(_get(Button.class, spec -> spec.withId("library-new-decision")));
        DmnEditor editor = _get(DmnEditor.class, spec -> spec.withId("decisionEditor"));
        String table = editor.content();
        assertThat(table).contains("<decision id=\"decision_").contains("camunda:historyTimeToLive=\"3650\"")
                .contains("name=\"新决策表\"");
        String key = table.replaceAll("(?s).*<decision id=\"([^\"]+)\".*", "$1");

        String literal = table.replaceAll("(?s)<decisionTable .*</decisionTable>",
                "<literalExpression id=\"le\"><text>java.lang.Runtime.getRuntime()</text></literalExpression>");
        typed(editor, literal);
        int before = deployments();
        _click(_get(Button.class, spec -> spec.withId("decisionEditor-deploy")));
        assertThat(deployments()).isEqualTo(before);
        assertThat(problems("decisionEditor")).isNotEmpty();

        typed(editor, table.replace("</decisionTable>", "<rule id=\"r1\"><inputEntry id=\"i1\"><text>\"a\"</text>"
                + "</inputEntry><outputEntry id=\"o1\"><text>\"yes\"</text></outputEntry></rule></decisionTable>"));
        _click(_get(Button.class, spec -> spec.withId("decisionEditor-save")));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM model_draft WHERE process_key = ? AND kind = 'DECISION'",
                Integer.class, key)).isEqualTo(1);
        _click(_get(Button.class, spec -> spec.withId("decisionEditor-deploy")));
        assertThat(deployments()).isEqualTo(before + 1);
        navigate("admin/library");
        assertThat(listed()).anySatisfy(e -> {
            assertThat(e.version().kind()).isEqualTo(ModelVersion.Kind.DECISION);
            assertThat(e.version().key()).isEqualTo(key);
            assertThat(e.version().name()).isEqualTo("新决策表");
        });
    }

    @Test
    void aVersionOfAnotherKindOrADraftOfAnotherKindDoesNotOpenAndNobodyButTheAdministratorGetsIn() {
        login("admin");
        String process = jdbc.queryForObject("SELECT ID_ FROM ACT_RE_PROCDEF WHERE KEY_ = 'trainingLeave' ORDER BY "
                + "VERSION_ DESC LIMIT 1", String.class);
        UI.getCurrent().navigate("admin/library/form", QueryParameters.of("from", process));
        assertThat(notificationTexts()).anySatisfy(t -> assertThat(t).contains("不存在"));
        assertThat(_get(FormEditor.class, spec -> spec.withId("formEditor")).content()).contains("\"id\" : \"form_");
        login("wangfang");
        expectMissingPage("admin/library/form");
        expectMissingPage("admin/library/decision");
    }
}
