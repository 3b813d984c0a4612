package cn.cadreflow.annualreview;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.cadreflow.annualreview.internal.AppraisalMapper;
import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.org.OrgUnit;

/**
 * The training needs raised by filed reviews (weak digital-capability indicators; OPEN until a completed course
 * targeting the capability closes them, {@link #closeByCapability}), with whose they are: the
 * cadres and their units are read from their modules in one batch each.
 */
@Service
public class TrainingNeeds {

    private final AppraisalMapper mapper;
    private final CadreService cadres;
    private final OrgService org;

    public TrainingNeeds(AppraisalMapper mapper, CadreService cadres, OrgService org) {
        this.mapper = mapper;
        this.cadres = cadres;
        this.org = org;
    }

    /** The cadre's training needs, newest first. */
    public List<TrainingNeed> ofCadre(long cadreId) {
        return withNames(mapper.trainingNeedsOfCadre(cadreId));
    }

    /**
     * The training needs of these cadres, per cadre (newest first; a cadre without any is absent), read in batches of
     * ids: for plans and reports over many cadres. Scope is the caller's.
     */
    public Map<Long, List<TrainingNeed>> ofCadres(Collection<Long> cadreIds) {
        List<AppraisalMapper.NeedRow> rows = new java.util.ArrayList<>();
        OrgService.batches(cadreIds, batch -> rows.addAll(mapper.trainingNeedsOfCadres(batch)));
        Map<Long, List<TrainingNeed>> byCadre = new java.util.LinkedHashMap<>();
        withNames(rows).forEach(n -> byCadre.computeIfAbsent(n.cadreId(), k -> new java.util.ArrayList<>()).add(n));
        return byCadre;
    }

    /** Open training needs of the cadres in the units (an HR officer's scope), newest first, at most {@code limit}. */
    public List<TrainingNeed> open(Collection<Long> unitIds, int limit) {
        List<Long> inUnits = cadres.idsInUnits(unitIds);
        return inUnits.isEmpty() ? List.of() : withNames(mapper.openTrainingNeeds(inUnits, limit));
    }

    /**
     * The cadre completed a course targeting these capabilities (by name, as the frameworks and the catalogue name
     * them): the cadre's open needs of those capabilities are closed (status {@code CLOSED}); returns how many.
     */
    @Transactional
    public int closeByCapability(long cadreId, Collection<String> capabilityNames) {
        List<String> names = capabilityNames.stream().filter(n -> n != null && !n.isBlank()).map(String::strip)
                .distinct().toList();
        return names.isEmpty() ? 0 : mapper.closeTrainingNeeds(cadreId, names);
    }

    private List<TrainingNeed> withNames(List<AppraisalMapper.NeedRow> needs) {
        Map<Long, Cadre> byId = cadres.findAll(needs.stream().map(AppraisalMapper.NeedRow::cadreId).toList());
        Map<Long, OrgUnit> units = org.units(byId.values().stream().map(Cadre::unitId).toList());
        return needs.stream().map(n -> {
            Cadre c = byId.get(n.cadreId());
            OrgUnit unit = c == null ? null : units.get(c.unitId());
            return new TrainingNeed(n.id(), n.cadreId(), c == null ? null : c.name(), unit == null ? null : unit.name(),
                    n.capabilityCode(), n.capabilityName(), n.sourceReviewId(), n.reviewYear(), n.status(),
                    n.createdAt());
        }).toList();
    }
}
