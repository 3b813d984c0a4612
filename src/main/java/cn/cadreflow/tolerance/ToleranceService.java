package cn.cadreflow.tolerance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.org.OrgUnit;
import cn.cadreflow.security.AppRoles;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.tolerance.internal.ToleranceMapper;

/**
 * 容错认定结果: the outcomes of fault-tolerance reviews, recorded by an HR officer over the cadre's unit (the
 * committee's decisions, also those made on paper before the system), and read by the cadre file and the annual
 * review. A matter the committee tolerated (免责 or 从轻减轻) must not count against the cadre.
 */
@Service
public class ToleranceService {

    public static final int MATTER_MAX = 500;
    public static final int DECISION_NO_MAX = 100;
    /** More than a screenful of an officer's units; the newest decisions first. */
    public static final int LIST_LIMIT = 500;
    /** A rater's summary stays well within the 4,000 characters the engine stores in a text variable. */
    static final int SUMMARY_MAX = 3000;

    private final ToleranceMapper mapper;
    private final CadreService cadres;
    private final OrgService org;
    private final MessageSource messages;
    private final Clock clock;

    public ToleranceService(ToleranceMapper mapper, CadreService cadres, OrgService org, MessageSource messages,
                            Clock clock) {
        this.mapper = mapper;
        this.cadres = cadres;
        this.org = org;
        this.messages = messages;
        this.clock = clock;
    }

    /** What an officer enters for one outcome; any part may be missing until it is checked. */
    public record NewOutcome(Long cadreId, String matter, LocalDate matterDate, ToleranceOutcome.Outcome outcome,
                             LocalDate decisionDate, String decisionNo) {
    }

    /**
     * Records an outcome. Only an HR officer whose scope covers the cadre's unit may; bad input is refused with
     * every problem at once, and nothing is written.
     */
    @Transactional
    public ToleranceOutcome record(UserContext hr, NewOutcome input) {
        if (hr.hrUnitIds().isEmpty()) {
            throw new ToleranceException("tolerance.error.notHrOfficer");
        }
        Cadre cadre = input.cadreId() == null ? null : cadres.find(input.cadreId()).orElse(null);
        if (input.cadreId() != null && (cadre == null || !hr.hrUnitIds().contains(cadre.unitId()))) {
            throw new ToleranceException("tolerance.error.notHrOfUnit");
        }
        List<ToleranceException.Problem> problems = new ArrayList<>();
        if (cadre == null) {
            problems.add(ToleranceException.Problem.of("cadre", "tolerance.error.cadreRequired"));
        }
        problems.addAll(check(input));
        if (!problems.isEmpty()) {
            throw new ToleranceException(problems);
        }
        ToleranceMapper.OutcomeRow row = new ToleranceMapper.OutcomeRow();
        row.cadreId = cadre.id();
        row.matter = input.matter().strip();
        row.matterDate = input.matterDate();
        row.outcome = input.outcome();
        row.decisionDate = input.decisionDate();
        row.decisionNo = input.decisionNo().strip();
        row.recordedBy = hr.username();
        row.recordedAt = clock.instant();
        mapper.insert(row);
        return outcomes(List.of(mapper.outcome(row.id))).get(0);
    }

    /**
     * The outcome of a case of the 容错纠错 process goes to the register, as the committee (or the appeal) decided
     * it: the step recording it has checked it. Returns the new outcome's id.
     */
    long recordFromCase(long caseId, long cadreId, String matter, LocalDate matterDate,
                        ToleranceOutcome.Outcome outcome, LocalDate decisionDate, String decisionNo, String recordedBy) {
        ToleranceMapper.OutcomeRow row = new ToleranceMapper.OutcomeRow();
        row.cadreId = cadreId;
        row.matter = matter;
        row.matterDate = matterDate;
        row.outcome = outcome;
        row.decisionDate = decisionDate;
        row.decisionNo = decisionNo;
        row.recordedBy = recordedBy;
        row.recordedAt = clock.instant();
        row.source = ToleranceOutcome.Source.PROCESS;
        row.caseId = caseId;
        mapper.insert(row);
        return row.id;
    }

    private List<ToleranceException.Problem> check(NewOutcome input) {
        List<ToleranceException.Problem> problems = new ArrayList<>();
        LocalDate today = LocalDate.now(clock);
        if (input.matter() == null || input.matter().isBlank()) {
            problems.add(ToleranceException.Problem.of("matter", "tolerance.error.matterRequired"));
        } else if (input.matter().strip().length() > MATTER_MAX) {
            problems.add(ToleranceException.Problem.of("matter", "tolerance.error.matterTooLong", MATTER_MAX));
        }
        if (input.matterDate() == null) {
            problems.add(ToleranceException.Problem.of("matterDate", "tolerance.error.matterDateRequired"));
        } else if (input.matterDate().isAfter(today)) {
            problems.add(ToleranceException.Problem.of("matterDate", "tolerance.error.matterDateFuture"));
        }
        if (input.outcome() == null) {
            problems.add(ToleranceException.Problem.of("outcome", "tolerance.error.outcomeRequired"));
        }
        if (input.decisionDate() == null) {
            problems.add(ToleranceException.Problem.of("decisionDate", "tolerance.error.decisionDateRequired"));
        } else if (input.decisionDate().isAfter(today)) {
            problems.add(ToleranceException.Problem.of("decisionDate", "tolerance.error.decisionDateFuture"));
        } else if (input.matterDate() != null && input.decisionDate().isBefore(input.matterDate())) {
            problems.add(ToleranceException.Problem.of("decisionDate", "tolerance.error.decisionBeforeMatter"));
        }
        if (input.decisionNo() == null || input.decisionNo().isBlank()) {
            problems.add(ToleranceException.Problem.of("decisionNo", "tolerance.error.decisionNoRequired"));
        } else if (input.decisionNo().strip().length() > DECISION_NO_MAX) {
            problems.add(ToleranceException.Problem.of("decisionNo", "tolerance.error.decisionNoTooLong",
                    DECISION_NO_MAX));
        }
        return problems;
    }

    /**
     * Who may read a cadre's fault-tolerance matters (confidential, issue 9): the cadre, the HR officers over the
     * cadre's unit and administrators. The officers of a running case read it through the task centre.
     */
    public static boolean mayRead(UserContext viewer, Cadre cadre) {
        return viewer.has(AppRoles.ADMIN) || cadre.id().equals(viewer.cadreId())
                || viewer.hrUnitIds().contains(cadre.unitId());
    }

    /** The cadre's outcomes, newest decision first (the cadre file). */
    public List<ToleranceOutcome> ofCadre(long cadreId) {
        return outcomes(mapper.ofCadre(cadreId));
    }

    /** The outcomes of the cadres in the officer's HR scope, newest decision first. */
    public List<ToleranceOutcome> inScope(UserContext hr) {
        List<Long> inScope = cadres.idsInUnits(hr.hrUnitIds());
        return inScope.isEmpty() ? List.of() : outcomes(mapper.ofCadres(inScope, LIST_LIMIT));
    }

    /**
     * The matters tolerated (免责 or 从轻减轻) or cleared (澄清正名) that belong to a review year: those that happened in the year and
     * those decided in it. 不予容错 never counts.
     */
    public List<ToleranceOutcome> tolerated(long cadreId, int year) {
        return outcomes(mapper.tolerated(cadreId, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1)));
    }

    /** The stored outcomes with whose they are: the cadres and their units read in one batch each. */
    private List<ToleranceOutcome> outcomes(List<ToleranceMapper.OutcomeRecord> stored) {
        if (stored.isEmpty()) {
            return List.of();
        }
        Map<Long, Cadre> byId = cadres.findAll(stored.stream().map(ToleranceMapper.OutcomeRecord::cadreId).toList());
        Map<Long, OrgUnit> units = org.units(byId.values().stream().map(Cadre::unitId).toList());
        return stored.stream().map(o -> {
            Cadre c = byId.get(o.cadreId());
            OrgUnit unit = c == null ? null : units.get(c.unitId());
            return new ToleranceOutcome(o.id(), o.cadreId(), c == null ? null : c.name(), c == null ? null : c.unitId(),
                    unit == null ? null : unit.name(), o.matter(), o.matterDate(), o.outcome(), o.decisionDate(),
                    o.decisionNo(), o.recordedBy(), o.recordedAt(), o.source(), o.caseId());
        }).toList();
    }

    /**
     * What a rater reads about the year's tolerated matters: one line per matter (what, when, outcome, 认定文号
     * and date), then the rule that they must not count against the cadre; or a line saying there are none.
     */
    public String summary(long cadreId, int year, Locale locale) {
        List<ToleranceOutcome> matters = tolerated(cadreId, year);
        if (matters.isEmpty()) {
            return messages.getMessage("tolerance.review.none", new Object[] {year}, locale);
        }
        String rule = messages.getMessage("tolerance.review.rule", null, locale);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < matters.size(); i++) {
            ToleranceOutcome o = matters.get(i);
            String line = messages.getMessage("tolerance.review.item", new Object[] {String.valueOf(i + 1), o.matter(),
                    o.matterDate().toString(), messages.getMessage("tolerance.outcome." + o.outcome().name(), null,
                    locale), o.decisionNo(), o.decisionDate().toString()}, locale) + "\n";
            if (text.length() + line.length() + rule.length() > SUMMARY_MAX) {
                // the rest are in the cadre file; the text stays within what a process variable holds
                text.append(messages.getMessage("tolerance.review.more", new Object[] {matters.size() - i}, locale))
                        .append('\n');
                break;
            }
            text.append(line);
        }
        return text.append(rule).toString();
    }
}
