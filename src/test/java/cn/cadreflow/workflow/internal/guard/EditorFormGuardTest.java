package cn.cadreflow.workflow.internal.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.cadreflow.workflow.ModelProblem;

/**
 * Forms as the form-js editor (1.23.0) writes them: every field the editor's restricted palette offers, with the
 * properties its restricted properties panel offers and the row it puts each field in, passes; each component and
 * property the editor hides (so the task view need not draw it) is refused by the server all the same, with the
 * component it is about.
 */
class EditorFormGuardTest {

    /** What the editor saves: each field in a row of its own, auto width; the palette's eight field types. */
    static final String FORM = """
            {
              "components": [
                { "label": "姓名", "type": "textfield", "layout": { "row": "Row_1", "columns": null },
                  "id": "Field_1", "key": "name", "validate": { "required": true, "minLength": 2, "maxLength": 20,
                  "pattern": "[\\\\u4e00-\\\\u9fa5]+" }, "readonly": false },
                { "label": "说明", "type": "textarea", "layout": { "row": "Row_2", "columns": null },
                  "id": "Field_2", "key": "remark", "disabled": true },
                { "label": "学时", "type": "number", "layout": { "row": "Row_3", "columns": null },
                  "id": "Field_3", "key": "hours", "decimalDigits": 1, "validate": { "min": 0, "max": 99 } },
                { "subtype": "date", "dateLabel": "日期", "type": "datetime",
                  "layout": { "row": "Row_4", "columns": null }, "id": "Field_4", "key": "day" },
                { "label": "类别", "values": [ { "label": "甲", "value": "a" } ], "type": "select",
                  "layout": { "row": "Row_5", "columns": null }, "id": "Field_5", "key": "kind" },
                { "label": "结果", "values": [ { "label": "是", "value": "yes" } ], "type": "radio",
                  "layout": { "row": "Row_6", "columns": null }, "id": "Field_6", "key": "result" },
                { "label": "确认", "type": "checkbox", "layout": { "row": "Row_7", "columns": null },
                  "id": "Field_7", "key": "agreed" },
                { "text": "# 说明", "type": "text", "layout": { "row": "Row_8", "columns": null }, "id": "Field_8" }
              ],
              "type": "default",
              "id": "editorForm",
              "schemaVersion": 19
            }
            """;

    static ModelGuard guard;

    @BeforeAll
    static void setUp() throws Exception {
        guard = GuardFixtures.guard();
    }

    /** The guard refuses the form with this problem about this component, said in Chinese and English. */
    static void refusedFile(String file, String content, String key, String elementId, String zh, String en) {
        List<ModelProblem> problems = guard.check(file, content.getBytes(StandardCharsets.UTF_8));
        ModelProblem problem = problems.stream().filter(p -> p.key().equals(key) && p.elementId().equals(elementId))
                .findFirst().orElseThrow(() -> new AssertionError(key + " on " + elementId + " not in " + problems));
        ModelGuardTest.shown(problem, elementId, zh, en);
    }

    @Test
    void aFormTheRestrictedEditorWritesIsAccepted() {
        assertThat(guard.check("editorForm.form", FORM.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void componentsTheEditorHidesAreRefused() {
        for (String type : new String[] {"group", "dynamiclist", "button", "html", "image", "iframe", "table",
                "taglist", "checklist", "expression", "spacer", "separator", "filepicker", "documentPreview"}) {
            refusedFile("f.form", FORM.replace("\"type\": \"textarea\"", "\"type\": \"" + type + "\""),
                    "guard.form.type", "Field_2", type, type);
        }
        refusedFile("f.form", FORM.replace("\"subtype\": \"date\"", "\"subtype\": \"datetime\""), "guard.form.type",
                "Field_4", "datetime", "datetime");
    }

    @Test
    void propertiesTheEditorHidesAreRefused() {
        String[][] hidden = {
                {"\"defaultValue\": \"x\"", "defaultValue"},
                {"\"conditional\": { \"hide\": \"=true\" }", "conditional"},
                {"\"appearance\": { \"prefixAdorner\": \"¥\" }", "appearance"},
                {"\"properties\": { \"a\": \"b\" }", "properties"},
                {"\"searchable\": true", "searchable"},
                {"\"increment\": \"1\"", "increment"},
                {"\"serializeToString\": true", "serializeToString"},
                {"\"valuesExpression\": \"=[]\"", "valuesExpression"},
                {"\"disallowPassedDates\": true", "disallowPassedDates"},
                {"\"versionTag\": \"v1\"", "versionTag"},
        };
        for (String[] h : hidden) {
            refusedFile("f.form", FORM.replace("\"id\": \"Field_5\",", "\"id\": \"Field_5\", " + h[0] + ","),
                    "guard.form.property", "Field_5", h[1], h[1]);
        }
        // a select may take its options from the step's data (valuesKey, a plain name); nothing else may
        refusedFile("f.form", FORM.replace("\"id\": \"Field_1\",", "\"id\": \"Field_1\", \"valuesKey\": \"options\","),
                "guard.form.property", "Field_1", "valuesKey", "valuesKey");
        refusedFile("f.form", FORM.replace("\"id\": \"Field_5\",", "\"id\": \"Field_5\", \"valuesKey\": \"=x\","),
                "guard.form.property", "Field_5", "valuesKey", "valuesKey");
        refusedFile("f.form", FORM.replace("\"maxLength\": 20,", "\"maxLength\": 20, \"validationType\": \"email\","),
                "guard.form.property", "Field_1", "validationType", "validationType");
        refusedFile("f.form", FORM.replace("\"maxLength\": 20,", "\"maxLength\": 20, \"patternErrorMessage\": \"x\","),
                "guard.form.property", "Field_1", "patternErrorMessage", "patternErrorMessage");
    }

    @Test
    void aLayoutTheTaskViewDoesNotDrawIsRefused() {
        refusedFile("f.form", FORM.replace("\"row\": \"Row_2\"", "\"row\": \"Row_1\""), "guard.form.layout",
                "Field_2", "每行只能放一个字段", "one field per row");
        refusedFile("f.form", FORM.replace("\"row\": \"Row_3\", \"columns\": null", "\"row\": \"Row_3\", \"columns\": 8"),
                "guard.form.layout", "Field_3", "列宽", "column width");
        refusedFile("f.form", FORM.replace("\"row\": \"Row_3\", \"columns\": null",
                        "\"row\": \"Row_3\", \"columns\": null, \"align\": \"left\""),
                "guard.form.property", "Field_3", "align", "align");
    }
}
