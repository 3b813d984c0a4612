package cn.cadreflow.tolerance;

import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.tolerance.internal.CaseMapper;

/**
 * 容错纠错 cases for the people who may read them (confidential, issue 9): the cadre concerned, HR over the cadre's
 * unit, administrators, and the officers of the case (who registered it, investigated it or reviewed the appeal).
 */
@Service
public class ToleranceCases {

    private final CaseMapper cases;
    private final CadreService cadres;

    ToleranceCases(CaseMapper cases, CadreService cadres) {
        this.cases = cases;
        this.cadres = cadres;
    }

    /** The case, when it exists and the viewer may read it; empty alike when it does not exist and when not. */
    public Optional<ToleranceCase> readable(UserContext viewer, long caseId) {
        ToleranceCase c = cases.find(caseId);
        if (c == null) {
            return Optional.empty();
        }
        boolean officer = viewer.username().equals(c.openedBy()) || viewer.username().equals(c.investigator())
                || viewer.username().equals(c.appealOfficer());
        boolean reads = officer || cadres.find(c.cadreId()).map(cadre -> ToleranceService.mayRead(viewer, cadre))
                .orElse(false);
        return reads ? Optional.of(c) : Optional.empty();
    }
}
