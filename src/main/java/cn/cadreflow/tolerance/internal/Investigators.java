package cn.cadreflow.tolerance.internal;

import static cn.cadreflow.tolerance.ToleranceStep.INVESTIGATION;
import static cn.cadreflow.tolerance.ToleranceStep.STATEMENT;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cadreflow.security.AppGroups;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;
import cn.cadreflow.tolerance.ToleranceCase;
import cn.cadreflow.tolerance.ToleranceException;
import cn.cadreflow.workflow.InstanceCommands;
import cn.cadreflow.workflow.UserDirectory;
import cn.cadreflow.workflow.UserDirectory.DirectoryUser;

/**
 * 改派调查人员: HR over the cadre's unit hands an open case's investigation to another discipline officer whose scope
 * covers that unit, with a reason. The open 调查核实 (and a 听取本人陈述 the investigator holds) moves to the new
 * officer, the case names them, and the timeline keeps who, when and why. A case out of the officer's reach reads as
 * one that does not exist.
 */
@Service
public class Investigators {

    /** The reason, as the trail keeps it. */
    public static final int REASON_MAX = 2000;
    private static final Set<ToleranceCase.Status> OPEN = Set.of(ToleranceCase.Status.STATEMENT,
            ToleranceCase.Status.INVESTIGATION);

    private final CaseMapper cases;
    private final UserDirectory directory;
    private final UserService users;
    private final InstanceCommands commands;
    private final Clock clock;

    Investigators(CaseMapper cases, UserDirectory directory, UserService users, InstanceCommands commands,
                  Clock clock) {
        this.cases = cases;
        this.directory = directory;
        this.users = users;
        this.commands = commands;
        this.clock = clock;
    }

    /** Whether this HR officer may hand the case's investigation on now: over its unit, the investigation open. */
    public boolean mayReassign(UserContext hr, ToleranceCase c) {
        return c != null && hr.hrUnitIds().contains(c.unitId()) && OPEN.contains(c.status())
                && c.investigator() != null && c.processInstanceId() != null;
    }

    /**
     * The discipline officers the case may go to: those over the cadre's unit, other than the investigator now and
     * the cadre concerned (回避), by name.
     */
    public List<DirectoryUser> candidates(ToleranceCase c) {
        return candidates(c, directory, users);
    }

    /** {@link #candidates(ToleranceCase)}, also for 受理's picker (which names the first investigator). */
    static List<DirectoryUser> candidates(ToleranceCase c, UserDirectory directory, UserService users) {
        String cadreUser = users.findByCadre(c.cadreId()).map(u -> u.username()).orElse(null);
        return directory.memberIds(AppGroups.disciplineOfficers(c.unitId())).stream()
                .filter(id -> !id.equals(c.investigator()) && !id.equals(cadreUser))
                .map(directory::user).flatMap(Optional::stream)
                .sorted(Comparator.comparing(DirectoryUser::name)).toList();
    }

    /**
     * Hands the investigation to {@code target}. Refused, with nothing changed, for a case out of reach or missing
     * (alike), an investigation no longer open, a target who is not one of {@link #candidates}, or a missing or
     * over-long reason.
     */
    @Transactional
    public void reassign(UserContext hr, long caseId, String target, String reason) {
        ToleranceCase c = cases.find(caseId);
        if (c == null || !hr.hrUnitIds().contains(c.unitId())) {
            throw new ToleranceException("tolerance.reassign.error.notFound");
        }
        if (!mayReassign(hr, c)) {
            throw new ToleranceException("tolerance.reassign.error.notOpen");
        }
        String text = reason == null ? "" : reason.strip();
        if (target == null || candidates(c).stream().noneMatch(u -> u.id().equals(target))) {
            throw new ToleranceException(List.of(ToleranceException.Problem.of("investigator",
                    target == null ? "tolerance.reassign.error.targetRequired" : "tolerance.reassign.error.target")));
        }
        if (text.isEmpty()) {
            throw new ToleranceException(List.of(ToleranceException.Problem.of("reason",
                    "tolerance.reassign.error.reasonRequired")));
        }
        if (text.length() > REASON_MAX) {
            throw new ToleranceException(List.of(ToleranceException.Problem.of("reason",
                    "tolerance.reassign.error.reasonTooLong", REASON_MAX)));
        }
        if (!commands.reassign(c.processInstanceId(), List.of(INVESTIGATION, STATEMENT), c.investigator(), target,
                Map.of("investigator", target), hr.username(), text)) {
            throw new ToleranceException("tolerance.reassign.error.notOpen");
        }
        cases.investigator(caseId, Objects.requireNonNull(target), clock.instant());
    }
}
