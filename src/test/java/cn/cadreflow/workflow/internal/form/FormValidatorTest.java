package cn.cadreflow.workflow.internal.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.cadreflow.workflow.FormDefinition;

/** Server-side validation of the shipped training-leave form, whatever the browser sends. */
class FormValidatorTest {

    static FormDefinition form;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = FormValidatorTest.class.getResourceAsStream("/forms/training-leave.form")) {
            form = FormDefinition.parse(in);
        }
    }

    static Map<String, Object> valid() {
        Map<String, Object> v = new HashMap<>();
        v.put("courseName", "  数字政府专题班 ");
        v.put("organizer", "市委党校");
        v.put("trainingType", "FULL_TIME");
        v.put("startDate", "2030-03-01");
        v.put("endDate", "2030-03-03");
        v.put("hours", 24);
        v.put("location", "市委党校");
        v.put("reason", "参训");
        return v;
    }

    String errorsOf(Map<String, Object> submitted) {
        return FormValidator.validate(form, submitted, Map.of()).errors().stream()
                .map(e -> e.field() + ":" + e.messageKey()).sorted().toList().toString();
    }

    @Test
    void parsesTheFormJson() {
        assertThat(form.id()).isEqualTo("trainingLeave");
        assertThat(form.inputs()).extracting(FormDefinition.FormField::key)
                .contains("cadreName", "courseName", "startDate", "hours", "reason");
        FormDefinition.FormField start = form.inputs().stream().filter(f -> f.key().equals("startDate"))
                .findFirst().orElseThrow();
        assertThat(start.type()).isEqualTo("date");
        assertThat(start.label()).isEqualTo("开始日期");
    }

    @Test
    void acceptsAndNormalisesValidInput() {
        FormValidator.Result r = FormValidator.validate(form, valid(), Map.of());
        assertThat(r.errors()).isEmpty();
        assertThat(r.values()).containsEntry("courseName", "数字政府专题班").containsEntry("hours", 24.0);
    }

    @Test
    void reportsEachBrokenRule() {
        Map<String, Object> v = valid();
        v.put("courseName", " ");
        v.put("hours", 0);
        v.put("startDate", "2030-02-30");
        v.put("trainingType", "VACATION");
        v.put("reason", "很".repeat(1001));
        assertThat(errorsOf(v)).isEqualTo("[courseName:form.error.required, hours:form.error.min, "
                + "reason:form.error.maxLength, startDate:form.error.date, trainingType:form.error.option]");
        v = valid();
        v.put("hours", "many");
        assertThat(errorsOf(v)).isEqualTo("[hours:form.error.number]");
    }

    @Test
    void readOnlyFieldsTakeWhatTheSystemKnowsNotWhatWasSent() {
        Map<String, Object> v = valid();
        v.put("cadreName", "冒名顶替");
        v.put("somethingElse", "ignored");
        FormValidator.Result r = FormValidator.validate(form, v, Map.of("cadreName", "张伟"));
        assertThat(r.values()).containsEntry("cadreName", "张伟").doesNotContainKey("somethingElse");
    }
}
