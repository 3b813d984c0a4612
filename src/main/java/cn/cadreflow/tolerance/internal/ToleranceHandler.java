package cn.cadreflow.tolerance.internal;

import static cn.cadreflow.tolerance.ToleranceStep.ACCEPTANCE;
import static cn.cadreflow.tolerance.ToleranceStep.APPEAL_REVIEW;
import static cn.cadreflow.tolerance.ToleranceStep.CADRE_USER;
import static cn.cadreflow.tolerance.ToleranceStep.CASE_ID;
import static cn.cadreflow.tolerance.ToleranceStep.COMMITTEE_DECISION;
import static cn.cadreflow.tolerance.ToleranceStep.CORRECTION_PLAN;
import static cn.cadreflow.tolerance.ToleranceStep.DECLINE_APPEAL_REVIEW;
import static cn.cadreflow.tolerance.ToleranceStep.DECLINE_NOTICE;
import static cn.cadreflow.tolerance.ToleranceStep.INVESTIGATION;
import static cn.cadreflow.tolerance.ToleranceStep.OUTCOME_NOTICE;
import static cn.cadreflow.tolerance.ToleranceStep.PLAN_VERIFICATION;
import static cn.cadreflow.tolerance.ToleranceStep.STATEMENT;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.org.OrgUnit;
import cn.cadreflow.security.AppGroups;
import cn.cadreflow.security.AppUser;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;
import cn.cadreflow.tolerance.ToleranceCase;
import cn.cadreflow.tolerance.ToleranceCases;
import cn.cadreflow.tolerance.ToleranceOutcome.Outcome;
import cn.cadreflow.tolerance.ToleranceStep;
import cn.cadreflow.workflow.FormError;
import cn.cadreflow.workflow.ProcessHandler;

/**
 * The 容错纠错 process as the task centre drives it: the case opened from the start form (a cadre's 容错申请 or an
 * officer's 问责线索), the facts each step shows ({@link CaseFacts}), the checks of each submitted step
 * ({@link CaseChecks}) and what it records on the case.
 */
@Component
class ToleranceHandler implements ProcessHandler {

    private final CaseMapper cases;
    private final CaseChecks checks;
    private final CaseFacts facts;
    private final ToleranceCases readers;
    private final OrgService org;
    private final UserService users;
    private final Clock clock;

    ToleranceHandler(CaseMapper cases, CaseChecks checks, CaseFacts facts, ToleranceCases readers, OrgService org,
                     UserService users, Clock clock) {
        this.cases = cases;
        this.readers = readers;
        this.checks = checks;
        this.facts = facts;
        this.org = org;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public String processKey() {
        return ToleranceStep.PROCESS_KEY;
    }

    @Override
    public List<FormError> validate(String username, Map<String, Object> values) {
        return checks.opening(username, values);
    }

    @Override
    @Transactional
    public Map<String, Object> onStart(String username, Map<String, Object> values) {
        Cadre cadre = checks.concerned(username, values);
        CaseMapper.NewCase row = new CaseMapper.NewCase();
        row.cadreId = cadre.id();
        row.unitId = cadre.unitId();
        row.kind = ToleranceCase.Kind.valueOf(values.get("kind").toString());
        row.category = ToleranceCase.Category.valueOf(values.get("category").toString());
        row.openedBy = username;
        row.matter = values.get("matter").toString();
        row.matterDate = LocalDate.parse(values.get("matterDate").toString());
        row.decisionTaken = values.get("decisionTaken").toString();
        row.loss = values.get("loss").toString();
        row.mitigation = text(values.get("mitigation"));
        row.at = clock.instant();
        cases.insert(row);
        Map<String, Object> out = new HashMap<>();
        out.put(CASE_ID, row.id);
        out.put("businessKey", "RC-" + row.id);
        out.put(CADRE_USER, users.findByCadre(cadre.id()).filter(AppUser::enabled).map(AppUser::username)
                .orElse(null));
        out.put("cadreName", cadre.name());
        out.put("unitName", org.unit(cadre.unitId()).map(OrgUnit::name).orElse(null));
        out.put("hrGroup", AppGroups.hrOfficers(cadre.unitId()));
        out.put("kind", row.kind.name());
        out.put("declineAppealed", false);
        return out;
    }

    /** The cadre is picked, never typed: 发起申请 opens {@link ToleranceOpenView}. */
    @Override
    public String startRoute() {
        return ToleranceOpenView.ROUTE;
    }

    /**
     * A 组织部长 told of an overdue 受理 (督办) cannot open the task: the case view, read-only, when the case is one of
     * the units he heads ({@link ToleranceCases#readable}).
     */
    @Override
    public Optional<String> readerRoute(String processInstanceId, String username) {
        ToleranceCase c = cases.ofInstance(processInstanceId);
        UserContext viewer = users.context(username).orElse(null);
        if (c == null || viewer == null) {
            return Optional.empty();
        }
        return readers.readable(viewer, c.id()).map(r -> ToleranceCaseView.ROUTE + r.id());
    }

    /** An officer's 问责线索 is about someone else: the starter's own data has no place in it. */
    @Override
    public boolean keepsStarterData() {
        return false;
    }

    /** The case is about the cadre concerned: no officer's step is offered to that cadre (回避). */
    @Override
    public String subjectVariable() {
        return CADRE_USER;
    }

    @Override
    public Map<String, Object> stepData(String stepKey, Map<String, Object> variables) {
        if (!(variables.get(CASE_ID) instanceof Number id)) {
            return Map.of();
        }
        return facts.forStep(stepKey, cases.find(id.longValue()));
    }

    @Override
    public void onResubmit(Map<String, Object> variables) {
        // the process has no revise step
    }

    @Override
    @Transactional
    public void onTerminated(Map<String, Object> variables) {
        cases.status(((Number) variables.get(CASE_ID)).longValue(), ToleranceCase.Status.TERMINATED,
                clock.instant());
    }

    @Override
    public List<FormError> validateStep(String stepKey, String username, Map<String, Object> values,
                                        Map<String, Object> variables) {
        ToleranceCase c = cases.find(((Number) variables.get(CASE_ID)).longValue());
        return checks.step(stepKey, username, values, c, variables);
    }

    @Override
    @Transactional
    public Map<String, Object> onStepSubmitted(String stepKey, String username, Map<String, Object> values,
                                               Map<String, Object> variables) {
        long id = ((Number) variables.get(CASE_ID)).longValue();
        ToleranceCase c = cases.find(id);
        Map<String, Object> out = new HashMap<>();
        switch (stepKey) {
            case ACCEPTANCE, DECLINE_APPEAL_REVIEW -> {
                boolean accepted = "ACCEPT".equals(values.get("acceptance"));
                String investigator = accepted ? text(values.get("investigator")) : null;
                cases.accept(id, accepted, username, text(values.get("acceptanceReason")), investigator,
                        clock.instant());
                if (!accepted) {
                    cases.declined(id, username, clock.instant());
                }
                out.put("accepted", accepted);
                out.put("investigator", investigator);
            }
            case DECLINE_NOTICE -> {
                boolean appealed = Boolean.TRUE.equals(values.get("appealDecline"));
                if (appealed) {
                    cases.declineAppeal(id, text(values.get("declineAppealReason")), clock.instant());
                }
                out.put("declineAppealed", appealed);
            }
            case STATEMENT -> {
                boolean refused = Boolean.TRUE.equals(values.get("statementRefused"));
                cases.statement(id, refused ? null : text(values.get("statement")), refused, clock.instant());
            }
            case INVESTIGATION -> {
                if (c.statement() == null && !Boolean.TRUE.equals(c.statementRefused())) {
                    // no statement: the officer's record of the refusal stands in its place
                    cases.statement(id, text(values.get("statementRefusal")), true, clock.instant());
                }
                cases.findings(id, new CaseMapper.Findings(text(values.get("findings")), username,
                        text(values.get("founded")), text(values.get("pioneering")),
                        text(values.get("notForbidden")), text(values.get("forDevelopment")),
                        text(values.get("collectiveDecision")), text(values.get("legalReview")),
                        text(values.get("lossLimited")), text(values.get("privateGain")),
                        text(values.get("collusion"))), clock.instant());
            }
            case COMMITTEE_DECISION -> {
                String outcome = values.get("outcome").toString();
                String differ = outcome.equals(c.proposedOutcome()) ? null : text(values.get("differReason"));
                cases.decision(id, outcome, text(values.get("decisionNo")),
                        LocalDate.parse(values.get("decisionDate").toString()), differ, username, clock.instant());
                out.put("needsPlan", CaseRules.needsPlan(Outcome.valueOf(outcome),
                        Boolean.TRUE.equals(values.get("wantsPlan"))));
            }
            case OUTCOME_NOTICE -> {
                if (Boolean.TRUE.equals(values.get("appeal"))) {
                    cases.appeal(id, text(values.get("appealReason")), clock.instant());
                }
            }
            case APPEAL_REVIEW -> {
                String outcome = "REVISE".equals(values.get("appealResult"))
                        ? values.get("revisedOutcome").toString() : c.outcome();
                cases.appealDecided(id, username, outcome, text(values.get("appealOpinion")), clock.instant());
                out.put("needsPlan", CaseRules.needsPlan(Outcome.valueOf(outcome),
                        Boolean.TRUE.equals(variables.get("wantsPlan"))));
            }
            case CORRECTION_PLAN -> cases.plan(id, text(values.get("planOwner")), text(values.get("planMeasures")),
                    LocalDate.parse(values.get("planDeadline").toString()), clock.instant());
            case PLAN_VERIFICATION -> {
                boolean verified = Boolean.TRUE.equals(values.get("verified"));
                cases.verified(id, verified ? username : null, text(values.get("verificationNote")),
                        verified ? clock.instant() : null, clock.instant());
            }
            default -> {
            }
        }
        return out;
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
