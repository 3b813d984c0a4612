package cn.cadreflow.tolerance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The deployed toleranceOutcome decision table over every combination of the findings (2^9): the first matching
 * rule decides, in the order of the 实施办法: not substantiated -> 澄清正名; private gain, collusion, a knowing
 * violation, acting after an explicit ban, or not for development -> 不予容错; otherwise 免责 when the decision was
 * collective, its legality reviewed and the loss limited, else 从轻减轻. Every combination gets one outcome and a
 * reason. The table is read from processes/ by the DMN engine alone (no history, so 512 evaluations stay quick);
 * ToleranceProcessTest drives the deployed one from the process.
 */
class ToleranceOutcomeDmnTest {

    static final List<String> CRITERIA = List.of("founded", "privateGain", "collusion", "pioneering", "notForbidden",
            "forDevelopment", "collectiveDecision", "legalReview", "lossLimited");

    static DmnEngine dmn;
    static DmnDecision table;

    @BeforeAll
    static void readTheTable() throws Exception {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = Files.newInputStream(Path.of("processes", "tolerance-outcome.dmn"))) {
            table = dmn.parseDecision(ToleranceStep.OUTCOME_DECISION, in);
        }
    }

    @Test
    void keepsItsHistoryForTenYears() throws Exception {
        assertThat(Files.readString(Path.of("processes", "tolerance-outcome.dmn")))
                .contains("camunda:historyTimeToLive=\"3650\"");
    }

    private static DmnDecisionRuleResult evaluate(VariableMap in) {
        return dmn.evaluateDecisionTable(table, in).getSingleResult();
    }

    @Test
    void everyCombinationOfTheFindingsGetsTheOutcomeOfItsFirstRuleWithAReason() {
        List<String> wrong = new ArrayList<>();
        for (int bits = 0; bits < 1 << CRITERIA.size(); bits++) {
            VariableMap in = Variables.createVariables();
            for (int i = 0; i < CRITERIA.size(); i++) {
                in.putValue(CRITERIA.get(i), yes(bits, i) ? "YES" : "NO");
            }
            DmnDecisionRuleResult result = evaluate(in);
            String expected = expected(bits);
            String reason = result.getEntry("proposedReason");
            if (!expected.equals(result.getEntry("proposedOutcome")) || reason == null || reason.isBlank()) {
                wrong.add(in + " -> " + result.getEntryMap());
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void theReasonNamesTheCriterionThatDecided() {
        assertThat(reason("privateGain", "YES")).contains("谋取私利");
        assertThat(reason("collusion", "YES")).contains("串通");
        assertThat(reason("pioneering", "NO")).contains("明知故犯");
        assertThat(reason("notForbidden", "NO")).contains("明令禁止");
        assertThat(reason("founded", "NO")).contains("澄清正名");
        assertThat(reason("lossLimited", "NO")).contains("从轻或减轻");
        assertThat(reason("none", "")).contains("免责");
    }

    private String reason(String criterion, String value) {
        VariableMap in = Variables.createVariables();
        for (String c : CRITERIA) {
            in.putValue(c, c.equals("privateGain") || c.equals("collusion") ? "NO" : "YES");
        }
        if (CRITERIA.contains(criterion)) {
            in.putValue(criterion, value);
        }
        return evaluate(in).getEntry("proposedReason");
    }

    private static boolean yes(int bits, int i) {
        return (bits & (1 << i)) != 0;
    }

    private static boolean yes(int bits, String criterion) {
        return yes(bits, CRITERIA.indexOf(criterion));
    }

    /** The rules of the 实施办法, written out independently of the table. */
    private static String expected(int bits) {
        if (!yes(bits, "founded")) {
            return "CLEARED";
        }
        if (yes(bits, "privateGain") || yes(bits, "collusion") || !yes(bits, "pioneering")
                || !yes(bits, "notForbidden") || !yes(bits, "forDevelopment")) {
            return "NOT_TOLERATED";
        }
        return yes(bits, "collectiveDecision") && yes(bits, "legalReview") && yes(bits, "lossLimited")
                ? "EXEMPT" : "MITIGATED";
    }
}
