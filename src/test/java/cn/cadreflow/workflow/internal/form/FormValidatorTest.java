package cn.cadreflow.workflow.internal.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
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

    @Test
    void textIsCountedAsBrowsersAndDatabasesCountIt() {
        Map<String, Object> v = valid();
        // 500 emoji are 1,000 UTF-16 units: as many as reason's column holds; one more is too many
        v.put("reason", "😀".repeat(500));
        assertThat(errorsOf(v)).isEqualTo("[]");
        v.put("reason", "😀".repeat(500) + "。");
        assertThat(errorsOf(v)).isEqualTo("[reason:form.error.maxLength]");
    }

    @Test
    void controlCharactersAndBrokenCharactersAreRefusedWhereverTheyAre() {
        for (String bad : List.of("培训\u0000班", "\u001B[31m专题班", "专题班\u000B", "\u007F", "专题\u0085班",
                "专题班\uD83D", "\uDE00专题班")) {
            Map<String, Object> v = valid();
            v.put("courseName", bad);
            assertThat(errorsOf(v)).as(bad).isEqualTo("[courseName:form.error.characters]");
        }
        Map<String, Object> v = valid();
        v.put("reason", "第一行\n第二行\r\n\t缩进 😀");
        assertThat(errorsOf(v)).isEqualTo("[]");
    }

    @Test
    void eachFieldTakesOnlyItsOwnType() {
        Map<String, Object> v = valid();
        v.put("courseName", 42);
        v.put("organizer", List.of("市委党校"));
        v.put("trainingType", List.of("FULL_TIME"));
        v.put("startDate", new java.util.Date());
        v.put("hours", Map.of("value", 24));
        v.put("location", true);
        assertThat(errorsOf(v)).isEqualTo("[courseName:form.error.text, hours:form.error.number, "
                + "location:form.error.text, organizer:form.error.text, startDate:form.error.date, "
                + "trainingType:form.error.option]");
    }

    @Test
    void numbersKeepToTheirDigitsAndNeverOverflow() {
        Map<String, Object> v = valid();
        v.put("hours", "24.05");
        assertThat(errorsOf(v)).isEqualTo("[hours:form.error.decimals]");
        v.put("hours", "24.50");
        assertThat(errorsOf(v)).isEqualTo("[]");
        for (Object bad : List.of(Double.NaN, Double.POSITIVE_INFINITY, "1e2147483647", "9".repeat(100_000))) {
            v.put("hours", bad);
            assertThat(errorsOf(v)).as(String.valueOf(bad).substring(0, 3)).startsWith("[hours:form.error.");
        }
        v.put("hours", new java.math.BigDecimal("1e99999"));
        assertThat(errorsOf(v)).isEqualTo("[hours:form.error.max]");
    }

    @Test
    void datesAreIsoAndWithinTheCentury() {
        Map<String, Object> v = valid();
        for (String bad : List.of("2030-3-1", "01/03/2030", "2030-02-29", "today")) {
            v.put("startDate", bad);
            assertThat(errorsOf(v)).as(bad).isEqualTo("[startDate:form.error.date]");
        }
        for (String far : List.of("2100-01-01", "1899-12-31", "+10000-01-01", "+999999999-12-31", "-0001-01-01")) {
            v.put("startDate", far);
            assertThat(errorsOf(v)).as(far).isEqualTo("[startDate:form.error.dateRange]");
        }
    }

    @Test
    void aCheckboxIsTickedOrNotAndAWholeNumberIsWhole() throws Exception {
        FormDefinition notice;
        try (InputStream in = FormValidatorTest.class.getResourceAsStream("/forms/annual-review-notice.form")) {
            notice = FormDefinition.parse(in);
        }
        assertThat(FormValidator.validate(notice, Map.of("requestRecheck", "true"), Map.of()).values())
                .containsEntry("requestRecheck", true);
        for (Object bad : List.of("yes", "1", "TRUE", 1, List.of(true))) {
            assertThat(FormValidator.validate(notice, Map.of("requestRecheck", bad), Map.of()).errors())
                    .extracting(e -> e.field() + ":" + e.messageKey()).containsExactly("requestRecheck:form.error.checkbox");
        }
        FormDefinition start;
        try (InputStream in = FormValidatorTest.class.getResourceAsStream("/forms/annual-review-start.form")) {
            start = FormDefinition.parse(in);
        }
        assertThat(FormValidator.validate(start, Map.of("campaignId", 1.5, "cadreId", "2.0"), Map.of()).errors())
                .extracting(e -> e.field() + ":" + e.messageKey()).containsExactly("campaignId:form.error.wholeNumber");
    }

    @Test
    void noTextIsLongerThanTheEngineKeepsWhateverTheFormSays() {
        FormDefinition unlimited = new FormDefinition("f", List.of(new FormDefinition.FormField("textarea", "note",
                "说明", null, false, false, null, null, null, 100_000, null, null, List.of())));
        assertThat(FormValidator.validate(unlimited, Map.of("note", "字".repeat(FormValidator.TEXT_MAX)), Map.of())
                .ok()).isTrue();
        assertThat(FormValidator.validate(unlimited, Map.of("note", "字".repeat(FormValidator.TEXT_MAX + 1)),
                Map.of()).errors()).extracting(e -> e.messageKey() + e.args()).containsExactly("form.error.maxLength[4000]");
    }
}
