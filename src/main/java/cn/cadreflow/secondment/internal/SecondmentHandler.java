package cn.cadreflow.secondment.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.org.OrgUnit;
import cn.cadreflow.org.Post;
import cn.cadreflow.secondment.Secondment;
import cn.cadreflow.secondment.SecondmentKind;
import cn.cadreflow.secondment.SecondmentSettings;
import cn.cadreflow.secondment.SecondmentStep;
import cn.cadreflow.secondment.SecondmentSteps;
import cn.cadreflow.security.AppGroups;
import cn.cadreflow.security.AppUser;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;
import cn.cadreflow.workflow.FormError;
import cn.cadreflow.workflow.ProcessHandler;

/**
 * The request's checks and record: who may ask for whom (the cadre for themself, HR for a cadre in scope), the
 * target post, the term within its kind's limits, the posts free and the sending unit staffed; then the row and the
 * variables the diagram routes on. The term's form steps (check-in, mid-term evaluation, return decision) are
 * checked and recorded here too.
 */
@Component
class SecondmentHandler implements ProcessHandler {

    static final String ID = "secondmentId";
    static final int TEXT_MAX = 1000;
    static final int REPORT_MAX = 2000;
    /** Ranks from lowest to highest: a promotion goes up this list. */
    static final List<String> RANKS = List.of("KEYUAN", "FUKE", "ZHENGKE", "FUCHU", "ZHENGCHU", "FUTING", "ZHENGTING");

    private final SecondmentMapper mapper;
    private final SecondmentChecks checks;
    private final SecondmentMoves moves;
    private final SecondmentSettings settings;
    private final CadreService cadres;
    private final OrgService org;
    private final UserService users;
    private final Clock clock;

    SecondmentHandler(SecondmentMapper mapper, SecondmentChecks checks, SecondmentMoves moves,
                      SecondmentSettings settings, CadreService cadres, OrgService org, UserService users,
                      Clock clock) {
        this.mapper = mapper;
        this.checks = checks;
        this.moves = moves;
        this.settings = settings;
        this.cadres = cadres;
        this.org = org;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public String processKey() {
        return SecondmentSteps.PROCESS_KEY;
    }

    /** HR may start a request about a cadre: the officer's own data only prefills the form. */
    @Override
    public boolean keepsStarterData() {
        return false;
    }

    @Override
    public String subjectVariable() {
        return "cadreUser";
    }

    @Override
    public List<FormError> validate(String username, Map<String, Object> values) {
        List<FormError> errors = new ArrayList<>();
        Long existing = number(values.get(ID));
        Secondment before = existing == null ? null : mapper.find(existing);
        Cadre cadre = before != null ? cadres.find(before.cadreId()).orElse(null) : subject(username, values);
        if (cadre == null) {
            errors.add(FormError.of("cadreId", "secondment.error.cadreNotFound"));
            return errors;
        }
        Post target = org.post(number(values.get("targetPostId"))).orElse(null);
        if (values.get("targetPostId") != null && target == null) {
            errors.add(FormError.of("targetPostId", "secondment.error.postNotFound"));
        } else if (target != null && target.unitId().equals(cadre.unitId())) {
            errors.add(FormError.of("targetPostId", "secondment.error.sameUnit"));
        }
        LocalDate start = date(values.get("startDate"));
        LocalDate end = date(values.get("endDate"));
        SecondmentKind kind = kind(values.get("kind"));
        if (start == null || end == null || kind == null) {
            return errors;
        }
        if (start.isBefore(LocalDate.now(clock))) {
            errors.add(FormError.of("startDate", "secondment.error.startInPast"));
        }
        Optional<FormError> term = TermRule.check(start, end, settings.term(kind));
        if (term.isPresent()) {
            errors.add(term.get());
            return errors;
        }
        if (mapper.countOverlapping(cadre.id(), start, end, existing) > 0) {
            errors.add(FormError.of("startDate", "secondment.error.overlap"));
        }
        if (target != null && !target.unitId().equals(cadre.unitId())) {
            checks.postFree("targetPostId", target.id(), cadre.id(), start, end, existing).ifPresent(errors::add);
        }
        if (cadre.postId() != null && !mapper.holdsOn(cadre.postId(), start, end, existing).isEmpty()) {
            errors.add(FormError.of("startDate", "secondment.error.homePostHeld"));
        }
        checks.staffing(cadre.unitId(), cadre.id(), start, end, existing).ifPresent(errors::add);
        return errors;
    }

    @Override
    @Transactional
    public Map<String, Object> onStart(String username, Map<String, Object> values) {
        Cadre cadre = subject(username, values);
        SecondmentMapper.Row row = row(values);
        row.cadreId = cadre.id();
        row.homeUnitId = cadre.unitId();
        row.homePostId = cadre.postId();
        row.requestedBy = username;
        row.status = Secondment.Status.PENDING_SENDING;
        mapper.insert(row);
        checks.prepareLocks(mapper.find(row.id));
        Map<String, Object> vars = new HashMap<>(routing(cadre, row.targetUnitId));
        vars.put(ID, row.id);
        vars.put("businessKey", "GZ-" + row.id);
        return vars;
    }

    @Override
    @Transactional
    public void onResubmit(Map<String, Object> variables) {
        SecondmentMapper.Row row = row(variables);
        row.id = number(variables.get(ID));
        row.status = Secondment.Status.PENDING_SENDING;
        mapper.update(row);
        checks.prepareLocks(mapper.find(row.id));
    }

    @Override
    @Transactional
    public void onTerminated(Map<String, Object> variables) {
        moves.terminated((Number) variables.get(ID));
    }

    @Override
    public Map<String, Object> stepData(String stepKey, Map<String, Object> variables) {
        Long id = number(variables.get(ID));
        Secondment s = id == null ? null : mapper.find(id);
        if (s == null || !SecondmentStep.RETURN_DECISION.equals(stepKey)) {
            return Map.of();
        }
        return Map.of("endDate", s.endDate().toString(), "extended", s.extended());
    }

    @Override
    public List<FormError> validateStep(String stepKey, String username, Map<String, Object> values,
                                        Map<String, Object> variables) {
        if (!SecondmentStep.RETURN_DECISION.equals(stepKey)) {
            return List.of();
        }
        return ReturnDecisionCheck.check(moves.secondment((Number) variables.get(ID)), values, settings, checks,
                cadres, org, RANKS);
    }

    @Override
    @Transactional
    public Map<String, Object> onStepSubmitted(String stepKey, String username, Map<String, Object> values,
                                               Map<String, Object> variables) {
        Number id = (Number) variables.get(ID);
        switch (stepKey) {
            case SecondmentStep.CHECK_IN -> moves.report(id, "CHECK_IN", null, text(values, "report"), username);
            case SecondmentStep.MID_TERM_EVALUATION -> moves.report(id, "MID_TERM", text(values, "rating"),
                    text(values, "evaluation"), username);
            case SecondmentStep.RETURN_DECISION -> moves.report(id, "DECISION", text(values, "decision"),
                    text(values, "decisionNote"), username);
            default -> {
                // no other form step
            }
        }
        return Map.of();
    }

    /** The variables the diagram routes on: the subject, and the groups of the two units. */
    private Map<String, Object> routing(Cadre cadre, long targetUnitId) {
        Map<String, Object> vars = new HashMap<>();
        vars.put("cadreId", cadre.id());
        vars.put("cadreName", cadre.name());
        vars.put("cadreUser", users.findByCadre(cadre.id()).map(AppUser::username).orElse(null));
        vars.put("unitId", cadre.unitId());
        vars.put("sendingLeaderGroup", AppGroups.unitLeaders(cadre.unitId()));
        vars.put("receivingLeaderGroup", AppGroups.unitLeaders(targetUnitId));
        vars.put("hrGroup", AppGroups.hrOfficers(cadre.unitId()));
        vars.put("unitName", org.unit(cadre.unitId()).map(OrgUnit::name).orElse(""));
        vars.put("postName", org.post(cadre.postId()).map(Post::name).orElse(""));
        vars.put("targetUnitName", org.unit(targetUnitId).map(OrgUnit::name).orElse(""));
        return vars;
    }

    /**
     * Whom the request is about: the cadre named on the form when the starter is HR over the cadre's unit, else the
     * starter's own cadre. Null when neither: an unknown cadre and one out of reach read the same.
     */
    private Cadre subject(String username, Map<String, Object> values) {
        UserContext actor = users.context(username).orElse(null);
        if (actor == null) {
            return null;
        }
        Long asked = number(values.get("cadreId"));
        if (asked == null || asked.equals(actor.cadreId())) {
            return actor.cadreId() == null ? null : cadres.find(actor.cadreId()).orElse(null);
        }
        return cadres.find(asked).filter(c -> actor.hrUnitIds().contains(c.unitId())).orElse(null);
    }

    private SecondmentMapper.Row row(Map<String, Object> v) {
        SecondmentMapper.Row row = new SecondmentMapper.Row();
        row.kind = kind(v.get("kind"));
        Post target = org.post(number(v.get("targetPostId"))).orElseThrow();
        row.targetPostId = target.id();
        row.targetUnitId = target.unitId();
        row.startDate = date(v.get("startDate"));
        row.endDate = date(v.get("endDate"));
        row.reason = text(v, "reason");
        row.at = Instant.now(clock);
        return row;
    }

    static String text(Map<String, Object> values, String key) {
        Object v = values.get(key);
        return v == null ? null : v.toString().strip();
    }

    static Long number(Object v) {
        return v instanceof Number n ? Long.valueOf(n.longValue()) : null;
    }

    static LocalDate date(Object v) {
        return v == null || v.toString().isBlank() ? null : LocalDate.parse(v.toString());
    }

    static SecondmentKind kind(Object v) {
        if (v == null) {
            return null;
        }
        try {
            return SecondmentKind.valueOf(v.toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
