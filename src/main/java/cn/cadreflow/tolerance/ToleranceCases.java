package cn.cadreflow.tolerance;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.security.AppGroups;
import cn.cadreflow.security.AppRoles;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.tolerance.internal.CaseMapper;
import cn.cadreflow.workflow.UserDirectory;

/**
 * 容错纠错 cases for the people who may read them (confidential, issue 9): the cadre concerned, HR over the cadre's
 * unit, administrators, and the officers of the case (who registered it, investigated it or reviewed the appeal);
 * and, read-only, the head of the organisation department (组织部长) over the cadre's unit, to whom an overdue 受理
 * escalates.
 */
@Service
public class ToleranceCases {

    private final CaseMapper cases;
    private final CadreService cadres;
    private final UserDirectory directory;

    ToleranceCases(CaseMapper cases, CadreService cadres, UserDirectory directory) {
        this.cases = cases;
        this.cadres = cadres;
        this.directory = directory;
    }

    /** The case, when it exists and the viewer may read it; empty alike when it does not exist and when not. */
    public Optional<ToleranceCase> readable(UserContext viewer, long caseId) {
        ToleranceCase c = cases.find(caseId);
        if (c == null) {
            return Optional.empty();
        }
        boolean officer = viewer.username().equals(c.openedBy()) || viewer.username().equals(c.investigator())
                || viewer.username().equals(c.appealOfficer());
        String head = AppGroups.orgHeads(c.unitId());
        boolean reads = officer || directory.groupsOf(viewer.username()).stream().anyMatch(g -> g.id().equals(head))
                || cadres.find(c.cadreId()).map(cadre -> ToleranceService.mayRead(viewer, cadre))
                .orElse(false);
        return reads ? Optional.of(c) : Optional.empty();
    }

    /**
     * The cases a list shows this viewer, newest first: those of the cadres in their HR scope (the cadre's unit now,
     * the rule of {@link ToleranceService#mayRead}), and for a 组织部长 those opened in the units their scope covers
     * (the unit the case belongs to, the rule of {@link #readable}: a cadre who moved away takes no case out of it,
     * and brings none into another head's list). The cadre and a case's officers reach theirs through the task centre.
     */
    public List<ToleranceCase> listed(UserContext viewer) {
        Set<Long> headed = new LinkedHashSet<>();
        directory.groupsOf(viewer.username()).stream()
                .filter(g -> AppRoles.ORG_HEAD.equals(g.type()) && g.unitId() != null)
                .forEach(g -> headed.add(g.unitId()));
        List<Long> inScope = cadres.idsInUnits(viewer.hrUnitIds());
        Map<Long, ToleranceCase> found = new LinkedHashMap<>();
        if (!inScope.isEmpty()) {
            cases.ofCadres(inScope).forEach(c -> found.put(c.id(), c));
        }
        if (!headed.isEmpty()) {
            cases.ofUnits(headed).forEach(c -> found.putIfAbsent(c.id(), c));
        }
        return found.values().stream()
                .sorted(Comparator.comparing(ToleranceCase::openedAt).thenComparing(ToleranceCase::id).reversed())
                .toList();
    }
}
