package cn.cadreflow.appraisal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.org.Post;
import cn.cadreflow.security.AppUser;
import cn.cadreflow.training.TrainingRecord;

/**
 * What one batch of a campaign launch reads, loaded once for the batch instead of once per review: the cadres,
 * their posts, accounts, filed grades, evidence of the year and training ledgers (one query each), the org tree,
 * the campaign and its units, and whatever the starts ask again and again (the officer's groups and known data,
 * the leader groups' members, the rule settings), remembered for the batch. It lives only inside the batch's
 * transaction, on the launching thread ({@link AppraisalService#prepareLaunch}), so it never serves stale data
 * to anything else.
 */
final class LaunchBatch {

    final long campaignId;
    final Campaign campaign;
    final Set<Long> roots;
    final OrgService.OrgTree tree;
    final Map<Long, Cadre> cadres = new HashMap<>();
    final Map<Long, Post> posts = new HashMap<>();
    final Map<Long, AppUser> users = new HashMap<>();
    final Map<Long, List<AppraisalMapper.YearGrade>> grades = new HashMap<>();
    final Map<Long, List<Evidence>> evidence = new HashMap<>();
    final Map<Long, List<TrainingRecord>> ledgers = new HashMap<>();
    final Set<Long> reviewed;
    /** review id → cadre id, for the start listeners of the reviews this batch starts */
    final Map<Long, Long> reviewCadres = new HashMap<>();
    private final Map<Object, Object> remembered = new HashMap<>();

    LaunchBatch(AppraisalMapper mapper, OrgService org, long campaignId, int year, List<Long> cadreIds) {
        this.campaignId = campaignId;
        this.campaign = mapper.campaign(campaignId);
        this.roots = Set.copyOf(mapper.campaignUnits(campaignId));
        this.tree = org.tree();
        mapper.launchCadres(cadreIds).forEach(c -> cadres.put(c.id(), c));
        mapper.launchPosts(cadreIds).forEach(p -> posts.put(p.id(), p));
        mapper.launchUsers(cadreIds).forEach(u -> users.put(u.cadreId(), u));
        mapper.launchFiledGrades(cadreIds).forEach(g -> grades.computeIfAbsent(g.cadreId(), k -> new ArrayList<>())
                .add(new AppraisalMapper.YearGrade(g.reviewYear(), g.finalGrade())));
        mapper.launchEvidence(cadreIds, year).forEach(e -> evidence.computeIfAbsent(e.cadreId(),
                k -> new ArrayList<>()).add(e));
        mapper.launchLedger(cadreIds).forEach(t -> ledgers.computeIfAbsent(t.cadreId(), k -> new ArrayList<>())
                .add(t));
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
