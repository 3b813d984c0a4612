package cn.cadreflow.tolerance.internal;

import static cn.cadreflow.tolerance.ToleranceStep.ACCEPTANCE;
import static cn.cadreflow.tolerance.ToleranceStep.APPEAL_REVIEW;
import static cn.cadreflow.tolerance.ToleranceStep.CADRE_USER;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.security.AppGroups;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;
import cn.cadreflow.tolerance.ToleranceCase;
import cn.cadreflow.workflow.FormError;
import cn.cadreflow.workflow.UserDirectory;

/**
 * The domain checks of the 容错纠错 forms, beyond the forms' own rules (required fields, lengths, options): who may
 * open a case about whom, and what each step needs. Fields that failed the form's rules are absent, so a check
 * whose inputs are missing is skipped.
 */
@Component
class CaseChecks {

    /** The steps an officer does on the case: never the cadre concerned (回避). */
    private static final Set<String> OFFICER_STEPS = Set.of(ACCEPTANCE, DECLINE_APPEAL_REVIEW, INVESTIGATION,
            COMMITTEE_DECISION, APPEAL_REVIEW, CORRECTION_PLAN, PLAN_VERIFICATION);

    private final CadreService cadres;
    private final UserService users;
    private final UserDirectory directory;
    private final Clock clock;

    CaseChecks(CadreService cadres, UserService users, UserDirectory directory, Clock clock) {
        this.cadres = cadres;
        this.users = users;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * A cadre applies about their own matter; an HR officer over the cadre's unit, or a discipline officer whose
     * scope covers it, registers a lead against someone else. A cadre out of reach reads as one that does not exist.
     */
    List<FormError> opening(String username, Map<String, Object> values) {
        List<FormError> errors = new ArrayList<>();
        UserContext user = users.context(username).orElse(null);
        Object kind = values.get("kind");
        if (user == null || kind == null) {
            return errors;
        }
        if (ToleranceCase.Kind.APPLICATION.name().equals(kind)) {
            if (user.cadreId() == null) {
                errors.add(FormError.of(null, "tolerance.case.error.notCadre"));
            } else if (values.get("cadreId") instanceof Number n && n.longValue() != user.cadreId()) {
                errors.add(FormError.of("cadreId", "tolerance.case.error.applicationForSelf"));
            }
        } else if (!(values.get("cadreId") instanceof Number n)) {
            errors.add(FormError.of("cadreId", "tolerance.case.error.cadreRequired"));
        } else {
            Cadre cadre = cadres.find(n.longValue()).orElse(null);
            if (cadre == null || !mayRegisterLead(user, cadre)) {
                errors.add(FormError.of("cadreId", "tolerance.case.error.cadreOutOfReach"));
            } else if (cadre.id().equals(user.cadreId())) {
                errors.add(FormError.of("cadreId", "tolerance.case.error.leadAgainstSelf"));
            }
        }
        if (values.get("matterDate") != null
                && LocalDate.parse(values.get("matterDate").toString()).isAfter(LocalDate.now(clock))) {
            errors.add(FormError.of("matterDate", "tolerance.error.matterDateFuture"));
        }
        return errors;
    }

    /** The cadre a checked start form is about. */
    Cadre concerned(String username, Map<String, Object> values) {
        long cadreId = ToleranceCase.Kind.APPLICATION.name().equals(values.get("kind"))
                ? users.context(username).orElseThrow().cadreId() : ((Number) values.get("cadreId")).longValue();
        return cadres.find(cadreId).orElseThrow();
    }

    private boolean mayRegisterLead(UserContext user, Cadre cadre) {
        return user.hrUnitIds().contains(cadre.unitId()) || isDisciplineOver(user.username(), cadre.unitId());
    }

    private boolean isDisciplineOver(String username, long unitId) {
        String group = AppGroups.disciplineOfficers(unitId);
        return directory.groupsOf(username).stream().anyMatch(g -> g.id().equals(group));
    }

    List<FormError> step(String stepKey, String username, Map<String, Object> values, ToleranceCase c,
                         Map<String, Object> variables) {
        List<FormError> errors = new ArrayList<>();
        if (OFFICER_STEPS.contains(stepKey) && username.equals(variables.get(CADRE_USER))) {
            errors.add(FormError.of(null, "tolerance.case.error.ownCase"));
            return errors;
        }
        switch (stepKey) {
            case ACCEPTANCE, DECLINE_APPEAL_REVIEW -> {
                if (DECLINE_APPEAL_REVIEW.equals(stepKey) && username.equals(c.declinedBy())) {
                    errors.add(FormError.of(null, "tolerance.case.error.sameOfficer"));
                }
                if ("ACCEPT".equals(values.get("acceptance"))) {
                    Object investigator = values.get("investigator");
                    if (investigator == null) {
                        errors.add(FormError.of("investigator", "tolerance.case.error.investigatorRequired"));
                    } else if (investigator.equals(variables.get(CADRE_USER))
                            || !directory.memberIds(AppGroups.disciplineOfficers(c.unitId())).contains(investigator)) {
                        errors.add(FormError.of("investigator", "tolerance.case.error.investigator"));
                    }
                }
            }
            case DECLINE_NOTICE -> requiredWhen(values, "appealDecline", "declineAppealReason", errors);
            case STATEMENT -> {
                boolean refused = Boolean.TRUE.equals(values.get("statementRefused"));
                boolean given = values.get("statement") != null;
                if (refused == given) {
                    errors.add(FormError.of("statement", given ? "tolerance.case.error.statementAndRefusal"
                            : "tolerance.case.error.statementOrRefusal"));
                }
            }
            case INVESTIGATION -> {
                if (c.statement() == null && !Boolean.TRUE.equals(c.statementRefused())
                        && values.get("statementRefusal") == null) {
                    errors.add(FormError.of("statementRefusal", "tolerance.case.error.statementMissing"));
                }
            }
            case COMMITTEE_DECISION -> committee(values, c, errors);
            case OUTCOME_NOTICE -> requiredWhen(values, "appeal", "appealReason", errors);
            case APPEAL_REVIEW -> {
                if (username.equals(c.investigator())) {
                    errors.add(FormError.of(null, "tolerance.case.error.sameOfficer"));
                }
                if ("REVISE".equals(values.get("appealResult"))) {
                    Object revised = values.get("revisedOutcome");
                    if (revised == null) {
                        errors.add(FormError.of("revisedOutcome", "tolerance.case.error.revisedOutcomeRequired"));
                    } else if (revised.equals(c.outcome())) {
                        errors.add(FormError.of("revisedOutcome", "tolerance.case.error.revisedOutcomeSame"));
                    }
                }
            }
            case CORRECTION_PLAN -> {
                if (values.get("planDeadline") != null
                        && LocalDate.parse(values.get("planDeadline").toString()).isBefore(LocalDate.now(clock))) {
                    errors.add(FormError.of("planDeadline", "tolerance.case.error.deadlinePast"));
                }
            }
            default -> {
            }
        }
        return errors;
    }

    /** The committee may differ from the proposal only with a written reason; its date is a real one. */
    private void committee(Map<String, Object> values, ToleranceCase c, List<FormError> errors) {
        Object outcome = values.get("outcome");
        if (outcome != null && !outcome.equals(c.proposedOutcome()) && values.get("differReason") == null) {
            errors.add(FormError.of("differReason", "tolerance.case.error.differReasonRequired"));
        }
        if (values.get("decisionDate") != null) {
            LocalDate date = LocalDate.parse(values.get("decisionDate").toString());
            if (date.isAfter(LocalDate.now(clock))) {
                errors.add(FormError.of("decisionDate", "tolerance.error.decisionDateFuture"));
            } else if (date.isBefore(c.matterDate())) {
                errors.add(FormError.of("decisionDate", "tolerance.error.decisionBeforeMatter"));
            }
        }
    }

    private static void requiredWhen(Map<String, Object> values, String flag, String field, List<FormError> errors) {
        if (Boolean.TRUE.equals(values.get(flag)) && values.get(field) == null) {
            errors.add(FormError.of(field, "tolerance.case.error.appealReasonRequired"));
        }
    }
}
