package cn.cadreflow.secondment.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.org.OrgUnit;
import cn.cadreflow.org.Post;
import cn.cadreflow.secondment.Secondment;
import cn.cadreflow.secondment.SecondmentSettings;
import cn.cadreflow.workflow.FormError;

/**
 * The return decision's checks: an extension once, within its kind's limit, with the unit still staffed and the
 * posts still free; a promotion to a free post of a grassroots unit at a higher rank.
 */
final class ReturnDecisionCheck {

    private ReturnDecisionCheck() {
    }

    static List<FormError> check(Secondment s, Map<String, Object> values, SecondmentSettings settings,
                                 SecondmentChecks checks, CadreService cadres, OrgService org, List<String> ranks) {
        List<FormError> errors = new ArrayList<>();
        Secondment.Decision decision;
        try {
            decision = Secondment.Decision.valueOf(String.valueOf(values.get("decision")));
        } catch (IllegalArgumentException e) {
            return errors; // the form's own rule (one of the options) has said so
        }
        switch (decision) {
            case EXTEND -> {
                LocalDate newEnd = SecondmentHandler.date(values.get("newEndDate"));
                TermRule.checkExtension(s.endDate(), s.extended(), newEnd, settings.term(s.kind()))
                        .ifPresent(errors::add);
                if (errors.isEmpty()) {
                    LocalDate from = s.endDate().plusDays(1);
                    checks.staffing(s.homeUnitId(), s.cadreId(), from, newEnd, s.id()).ifPresent(e ->
                            errors.add(FormError.of("newEndDate", e.messageKey(), e.args().toArray())));
                    checks.postFree("newEndDate", s.targetPostId(), s.cadreId(), from, newEnd, s.id())
                            .ifPresent(errors::add);
                }
            }
            case PROMOTE -> {
                Post post = org.post(SecondmentHandler.number(values.get("newPostId"))).orElse(null);
                OrgUnit unit = post == null ? null : org.unit(post.unitId()).orElse(null);
                if (post == null) {
                    errors.add(FormError.of("newPostId", "secondment.error.postNotFound"));
                } else if (unit == null || !unit.grassroots()) {
                    errors.add(FormError.of("newPostId", "secondment.error.notGrassroots"));
                } else {
                    LocalDate from = s.endDate().plusDays(1);
                    checks.postFree("newPostId", post.id(), s.cadreId(), from,
                            from.plusYears(SecondmentChecks.FOR_GOOD_YEARS), s.id()).ifPresent(errors::add);
                }
                Cadre cadre = cadres.find(s.cadreId()).orElseThrow();
                Object rank = values.get("newRank");
                if (rank == null || ranks.indexOf(rank.toString()) <= ranks.indexOf(cadre.rankCode())) {
                    errors.add(FormError.of("newRank", "secondment.error.notHigherRank"));
                }
            }
            default -> {
                // a return home, or a transfer to the post already filled, needs nothing more
            }
        }
        return errors;
    }
}
