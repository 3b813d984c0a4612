package cn.cadreflow.annualreview;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import cn.cadreflow.annualreview.internal.AppraisalMapper;
import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.security.AppUser;
import cn.cadreflow.security.UserService;

/**
 * What one batch of a campaign launch reads, loaded once for the batch instead of once per review: the cadres
 * and their accounts (a batch lookup each, from their modules), the org tree, the campaign and its units, and what the starts' checks ask
 * again and again (the officer's groups, whether a unit is in scope), remembered for the batch. It lives only inside the batch's
 * transaction, on the launching thread ({@link AppraisalService#prepareLaunch}), so it never serves stale data
 * to anything else.
 */
final class LaunchBatch {

    final long campaignId;
    final Campaign campaign;
    final Set<Long> roots;
    final OrgService.OrgTree tree;
    final Map<Long, Cadre> cadres = new HashMap<>();
    final Map<Long, AppUser> users = new HashMap<>();
    final Set<Long> reviewed;
    /** review id → cadre id, for the start listeners of the reviews this batch starts */
    final Map<Long, Long> reviewCadres = new HashMap<>();
    private final Map<Object, Object> remembered = new HashMap<>();

    LaunchBatch(AppraisalMapper mapper, OrgService org, CadreService cadreService, UserService userService,
                long campaignId, List<Long> cadreIds) {
        this.campaignId = campaignId;
        this.campaign = mapper.campaign(campaignId);
        this.roots = Set.copyOf(mapper.campaignUnits(campaignId));
        this.tree = org.tree();
        cadres.putAll(cadreService.findAll(cadreIds));
        userService.findByCadres(cadreIds).forEach(u -> users.put(u.cadreId(), u));
        this.reviewed = new HashSet<>(mapper.launchReviewed(campaignId, cadreIds));
    }

    boolean covers(long campaignId, long cadreId) {
        return this.campaignId == campaignId && cadres.containsKey(cadreId);
    }

    Optional<Cadre> cadre(long cadreId) {
        return Optional.ofNullable(cadres.get(cadreId));
    }

    Optional<AppUser> user(long cadreId) {
        return Optional.ofNullable(users.get(cadreId));
    }

    /** A value computed once per batch under the key. */
    @SuppressWarnings("unchecked")
    <T> T remember(Object key, Function<Object, T> compute) {
        Object value = remembered.get(key);
        if (value == null && !remembered.containsKey(key)) {
            value = compute.apply(key);
            remembered.put(key, value);
        }
        return (T) value;
    }
}
