package cn.cadreflow.annualreview.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.cadreflow.annualreview.internal.AppraisalReportMapper.GradeCount;

/** The grade chart as the HR officer reads it: whole people, and final grades apart from suggestions. */
class GradeChartTest {

    private static final Map<Long, String> UNITS = Map.of(1L, "青山镇", 2L, "柳林村");
    private final ObjectMapper json = new ObjectMapper();
    private ResourceBundleMessageSource messages;

    @BeforeEach
    void messages() {
        messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    private JsonNode chart(List<GradeCount> counts, Locale locale) throws Exception {
        return json.readTree(json.writeValueAsString(GradeChart.option(counts, UNITS::get, messages, locale)));
    }

    @Test
    void aFewPeopleAreCountedInWholeNumbers() throws Exception {
        JsonNode yAxis = chart(List.of(new GradeCount(1L, true, "优秀", 1)), Locale.CHINA).get("yAxis");
        assertThat(yAxis.get("type").asText()).isEqualTo("value");
        assertThat(yAxis.get("minInterval").asInt()).as("no tick between 0 and 1 person").isEqualTo(1);
    }

    @Test
    void finalGradesAndSuggestionsAreSeparateBarsWithTheirOwnNames() throws Exception {
        // 青山镇: one decided 优秀, two still suggested 优秀 and one suggested 称职; 柳林村: one decided 称职
        JsonNode option = chart(List.of(new GradeCount(1L, true, "优秀", 1), new GradeCount(1L, false, "优秀", 2),
                new GradeCount(1L, false, "称职", 1), new GradeCount(2L, true, "称职", 1)), Locale.CHINA);
        assertThat(option.get("xAxis").get("data").toString()).isEqualTo("[\"青山镇\",\"柳林村\"]");
        JsonNode excellentFinal = series(option, "优秀（已确定）");
        JsonNode excellentSuggested = series(option, "优秀（建议）");
        assertThat(excellentFinal.get("data").toString()).isEqualTo("[1,0]");
        assertThat(excellentSuggested.get("data").toString()).isEqualTo("[2,0]");
        assertThat(series(option, "称职（已确定）").get("data").toString()).isEqualTo("[0,1]");
        assertThat(series(option, "称职（建议）").get("data").toString()).isEqualTo("[1,0]");
        assertThat(excellentFinal.get("stack").asText()).as("suggestions are not stacked onto results")
                .isNotEqualTo(excellentSuggested.get("stack").asText());
        List<String> stacks = new ArrayList<>();
        option.get("series").forEach(s -> stacks.add(s.get("stack").asText()));
        assertThat(stacks).containsOnly(excellentFinal.get("stack").asText(), excellentSuggested.get("stack").asText());
        assertThat(option.get("title").get("subtext").asText()).contains("已确定", "建议");
    }

    @Test
    void theSeriesAreNamedInEnglishToo() throws Exception {
        JsonNode option = chart(List.of(new GradeCount(1L, false, "基本称职", 3)), Locale.ENGLISH);
        assertThat(series(option, "Basically competent (suggested)").get("data").toString()).isEqualTo("[3]");
        assertThat(series(option, "Basically competent (final)").get("data").toString()).isEqualTo("[0]");
    }

    private static JsonNode series(JsonNode option, String name) {
        for (JsonNode s : option.get("series")) {
            if (s.get("name").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no series " + name + " in " + option.get("series"));
    }
}
