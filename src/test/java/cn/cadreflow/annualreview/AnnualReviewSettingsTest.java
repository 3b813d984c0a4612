package cn.cadreflow.annualreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.cadreflow.CadreFlowTest;

/** The shipped reference data and the checks on editing it. */
@CadreFlowTest
class AnnualReviewSettingsTest {

    @Autowired
    AppraisalSettings settings;

    @Test
    void shipsTheThreeFrameworksAsNamedInTheBrief() {
        assertThat(settings.items("GRASSROOTS11")).extracting(FrameworkItem::name).containsExactly(
                "政治领导能力", "组织协调能力", "行政执行能力", "法治示范能力", "信息技术运用能力", "群众工作能力",
                "信访工作能力", "统战工作能力", "运用媒体的能力", "推动发展的能力", "应急处突能力");
        assertThat(settings.items("MODERN8")).extracting(FrameworkItem::name).containsExactly(
                "战略决策", "执行落实", "风险防控", "公共服务", "法治化", "数字化", "协同共治", "持续学习与适应");
        assertThat(settings.items("DIGITAL7")).extracting(FrameworkItem::name).containsExactly(
                "数字胜任力", "数字沟通", "数字社交技能", "数字团队构建", "数字变革管理", "数字科技技能", "数字信任");
        for (Framework f : settings.frameworks()) {
            assertThat(settings.items(f.code()).stream().map(FrameworkItem::weight).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .as(f.code()).isEqualByComparingTo("100");
        }
        assertThat(settings.indicators().stream().map(DigitalIndicator::weight).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("100");
        assertThat(settings.rules()).containsEntry("excellent.quota.percent", "20")
                .containsEntry("excellent.quota.max.percent", "25").containsEntry("notice.working.days", "5")
                .containsEntry("digital.weak.threshold", "60").containsEntry("merit.consecutive.excellent", "3");
    }

    @Test
    void frameworkWeightsMustCoverEveryItemAndSumTo100() {
        List<FrameworkItem> items = settings.items("DIGITAL7");
        Map<String, BigDecimal> weights = items.stream()
                .collect(Collectors.toMap(FrameworkItem::code, FrameworkItem::weight));
        Map<String, BigDecimal> wrong = new HashMap<>(weights);
        wrong.put("D_TRUST", BigDecimal.valueOf(20));
        assertThatThrownBy(() -> settings.updateFrameworkWeights("DIGITAL7", wrong))
                .extracting(e -> ((AppraisalException) e).key()).isEqualTo("appraisal.error.weightsSum");
        Map<String, BigDecimal> missing = new HashMap<>(weights);
        missing.remove("D_TRUST");
        assertThatThrownBy(() -> settings.updateFrameworkWeights("DIGITAL7", missing))
                .extracting(e -> ((AppraisalException) e).key()).isEqualTo("appraisal.error.weightsIncomplete");
        Map<String, BigDecimal> moved = new HashMap<>(weights);
        moved.put("D_TRUST", weights.get("D_TRUST").add(BigDecimal.ONE));
        moved.put("D_TECH", weights.get("D_TECH").subtract(BigDecimal.ONE));
        settings.updateFrameworkWeights("DIGITAL7", moved);
        assertThat(settings.items("DIGITAL7")).filteredOn(i -> i.code().equals("D_TRUST")).singleElement()
                .extracting(FrameworkItem::weight).isEqualTo(new BigDecimal("15.00"));
        settings.updateFrameworkWeights("DIGITAL7", weights);
    }

    @Test
    void rulesAreCheckedTogether() {
        assertThatThrownBy(() -> settings.updateRules(Map.of("weight.self", "20")))
                .extracting(e -> ((AppraisalException) e).key()).isEqualTo("appraisal.error.weightsSum");
        assertThatThrownBy(() -> settings.updateRules(Map.of("excellent.quota.percent", "30")))
                .extracting(e -> ((AppraisalException) e).key()).isEqualTo("appraisal.error.quotaRange");
        assertThatThrownBy(() -> settings.updateRules(Map.of("notice.working.days", "五")))
                .extracting(e -> ((AppraisalException) e).key()).isEqualTo("appraisal.error.ruleNotNumber");
        assertThatThrownBy(() -> settings.updateRules(Map.of("nope", "1")))
                .extracting(e -> ((AppraisalException) e).key()).isEqualTo("appraisal.error.unknownRule");
        settings.updateRules(Map.of("weight.self", "15", "weight.peer", "25"));
        assertThat(settings.rules()).containsEntry("weight.self", "15");
        settings.updateRules(Map.of("weight.self", "10", "weight.peer", "30"));
    }
}
