package cn.cadreflow.tolerance.internal;

import static cn.cadreflow.tolerance.ToleranceStep.ACCEPTANCE;
import static cn.cadreflow.tolerance.ToleranceStep.APPEAL_REVIEW;
import static cn.cadreflow.tolerance.ToleranceStep.COMMITTEE_DECISION;
import static cn.cadreflow.tolerance.ToleranceStep.CORRECTION_PLAN;
import static cn.cadreflow.tolerance.ToleranceStep.DECLINE_APPEAL_REVIEW;
import static cn.cadreflow.tolerance.ToleranceStep.DECLINE_NOTICE;
import static cn.cadreflow.tolerance.ToleranceStep.INVESTIGATION;
import static cn.cadreflow.tolerance.ToleranceStep.OUTCOME_NOTICE;
import static cn.cadreflow.tolerance.ToleranceStep.PLAN_VERIFICATION;
import static cn.cadreflow.tolerance.ToleranceStep.STATEMENT;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.org.OrgUnit;
import cn.cadreflow.security.UserService;
import cn.cadreflow.tolerance.ToleranceCase;
import cn.cadreflow.workflow.UserDirectory;

/**
 * What each step's read-only fields show of the case, as it stands when the task is shown and submitted. Process
 * data is kept in Chinese, the language of the records themselves.
 */
@Component
class CaseFacts {

    private static final Locale RECORDS = Locale.SIMPLIFIED_CHINESE;

    private final CadreService cadres;
    private final OrgService org;
    private final MessageSource messages;
    private final UserDirectory directory;
    private final UserService users;

    CaseFacts(CadreService cadres, OrgService org, MessageSource messages, UserDirectory directory,
              UserService users) {
        this.directory = directory;
        this.users = users;
        this.cadres = cadres;
        this.org = org;
        this.messages = messages;
    }

    Map<String, Object> forStep(String stepKey, ToleranceCase c) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("caseKindLabel", text("tolerance.case.kind." + c.kind().name()));
        facts.put("categoryLabel", text("tolerance.category." + c.category().name()));
        facts.put("matter", c.matter());
        facts.put("matterDate", c.matterDate().toString());
        switch (stepKey) {
            case ACCEPTANCE, DECLINE_APPEAL_REVIEW, INVESTIGATION -> {
                who(facts, c);
                facts.put("decisionTaken", c.decisionTaken());
                facts.put("loss", c.loss());
                facts.put("mitigation", c.mitigation());
                facts.put("declineAppeal", c.declineAppeal());
                if (INVESTIGATION.equals(stepKey)) {
                    facts.put("statementText", statementText(c));
                } else {
                    // 受理 picks the investigator among those 改派调查人员 offers (Investigators.candidates)
                    facts.put("investigatorOptions", Investigators.candidates(c, directory, users).stream()
                            .map(u -> Map.of("value", u.id(), "label", u.name())).toList());
                }
            }
            case DECLINE_NOTICE -> facts.put("acceptanceReason", c.acceptanceReason());
            case COMMITTEE_DECISION -> {
                who(facts, c);
                facts.put("findings", c.findings());
                facts.put("proposedOutcomeLabel", outcomeLabel(c.proposedOutcome()));
                facts.put("proposedReason", c.proposedReason());
            }
            case OUTCOME_NOTICE, APPEAL_REVIEW -> {
                who(facts, c);
                facts.put("findings", c.findings());
                facts.put("outcomeLabel", outcomeLabel(c.outcome()));
                facts.put("decisionNo", c.decisionNo());
                facts.put("decisionDate", c.decisionDate() == null ? null : c.decisionDate().toString());
                if (APPEAL_REVIEW.equals(stepKey)) {
                    facts.put("appealReason", c.appealReason());
                }
            }
            case CORRECTION_PLAN -> {
                who(facts, c);
                facts.put("outcomeLabel", outcomeLabel(c.finalOutcome()));
            }
            case PLAN_VERIFICATION -> {
                who(facts, c);
                facts.put("planOwner", c.planOwner());
                facts.put("planMeasures", c.planMeasures());
                facts.put("planDeadline", c.planDeadline() == null ? null : c.planDeadline().toString());
            }
            case STATEMENT -> {
                // a statement written early (提前陈述, on the case view while the lead waited for 受理): shown here
                // to be confirmed or edited
                if (c.statement() != null && !Boolean.TRUE.equals(c.statementRefused())) {
                    facts.put("statement", c.statement());
                }
            }
            default -> {
            }
        }
        return facts;
    }

    /** The cadre's statement, or the record that there is none. */
    String statementText(ToleranceCase c) {
        if (Boolean.TRUE.equals(c.statementRefused())) {
            return text("tolerance.case.statementRefused") + (c.statement() == null ? "" : "：" + c.statement());
        }
        return c.statement() == null ? text("tolerance.case.noStatement") : c.statement();
    }

    String outcomeLabel(String outcome) {
        return outcome == null ? null : text("tolerance.outcome." + outcome);
    }

    private void who(Map<String, Object> facts, ToleranceCase c) {
        Cadre cadre = cadres.find(c.cadreId()).orElse(null);
        facts.put("cadreName", cadre == null ? null : cadre.name());
        facts.put("unitName", org.unit(c.unitId()).map(OrgUnit::name).orElse(null));
    }

    private String text(String key) {
        return messages.getMessage(key, null, RECORDS);
    }
}
