package cn.cadreflow.annualreview;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.cadreflow.CadreFlowTest;

/** The deployed annualReviewGrade decision table at and around every boundary. */
@CadreFlowTest
class AnnualReviewGradeDmnTest {

    @Autowired
    DecisionService decisions;
    @Autowired
    RepositoryService repository;

    @Test
    void isDeployedWithAHistoryTimeToLive() {
        DecisionDefinition d = repository.createDecisionDefinitionQuery().decisionDefinitionKey(AnnualReviewStep.GRADE_DECISION)
                .latestVersion().singleResult();
        assertThat(d).isNotNull();
        assertThat(d.getHistoryTimeToLive()).isEqualTo(3650);
    }

    @ParameterizedTest
    @CsvSource({
            "100, 100, 优秀, 数字化能力得分达到60分",
            "90, 60, 优秀, 数字化能力得分达到60分",
            "90, 59.99, 称职, 不建议评为优秀",
            "95, 0, 称职, 不建议评为优秀",
            "89.99, 100, 称职, 75分至90分",
            "75, 80, 称职, 75分至90分",
            "74.99, 80, 基本称职, 60分至75分",
            "60, 10, 基本称职, 60分至75分",
            "59.99, 100, 不称职, 低于60分",
            "0, 0, 不称职, 低于60分"})
    void suggestsTheGradeWithItsReason(double total, double digital, String grade, String reasonPart) {
        DmnDecisionRuleResult result = decisions.evaluateDecisionTableByKey(AnnualReviewStep.GRADE_DECISION,
                Variables.createVariables().putValue("totalScore", total).putValue("digitalScore", digital))
                .getSingleResult();
        assertThat((String) result.get("suggestedGrade")).isEqualTo(grade);
        assertThat((String) result.get("suggestedReason")).contains(reasonPart);
    }
}
