package cn.cadreflow.cadre;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import cn.cadreflow.cadre.internal.CadreMapper;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.org.OrgUnit;
import cn.cadreflow.org.Post;
import cn.cadreflow.security.AppGroups;
import cn.cadreflow.security.AppRoles;
import cn.cadreflow.security.AppUser;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;
import cn.cadreflow.workflow.KnownDataProvider;

/**
 * Cadre files (干部档案) and what processes may know about a cadre without asking. Other modules read cadres
 * here, one by one or in batches ({@link #findAll}, {@link #idsInUnits}), never from the cadre table.
 */
@Service
public class CadreService implements KnownDataProvider {

    private final CadreMapper mapper;
    private final OrgService org;
    private final UserService users;
    private final MessageSource messages;

    public CadreService(CadreMapper mapper, OrgService org, UserService users, MessageSource messages) {
        this.mapper = mapper;
        this.org = org;
        this.users = users;
        this.messages = messages;
    }

    /** What a new cadre's record holds; the cadre starts ACTIVE. */
    public record NewCadre(String name, String gender, LocalDate birthDate, String ethnicity, LocalDate partyDate,
                           LocalDate workStartDate, String education, String rankCode, long unitId, Long postId,
                           String politicalStatus) {

        /** A cadre whose 政治面貌 follows from the party date: 中共党员 with one, 群众 without. */
        public NewCadre(String name, String gender, LocalDate birthDate, String ethnicity, LocalDate partyDate,
                        LocalDate workStartDate, String education, String rankCode, long unitId, Long postId) {
            this(name, gender, birthDate, ethnicity, partyDate, workStartDate, education, rankCode, unitId, postId,
                    partyDate == null ? "MASSES" : "CPC");
        }
    }

    public Optional<Cadre> find(long id) {
        return Optional.ofNullable(mapper.findById(id));
    }

    /** The cadres with these ids, by id (unknown ids are left out), in one query per {@value OrgService#BATCH} ids. */
    public Map<Long, Cadre> findAll(Collection<Long> ids) {
        Map<Long, Cadre> result = new HashMap<>();
        OrgService.batches(ids, batch -> mapper.findByIds(batch).forEach(c -> result.put(c.id(), c)));
        return result;
    }

    /** Ids of every cadre in the units (whatever their status), lowest first. */
    public List<Long> idsInUnits(Collection<Long> unitIds) {
        return unitIds.isEmpty() ? List.of() : mapper.idsInUnits(unitIds, false);
    }

    /** Ids of the active cadres in the units, lowest first. */
    public List<Long> activeIdsInUnits(Collection<Long> unitIds) {
        return unitIds.isEmpty() ? List.of() : mapper.idsInUnits(unitIds, true);
    }

    /**
     * The cadre, if this user may read their file: empty both for an unknown id and for a cadre out of the user's
     * reach, so the two cannot be told apart.
     */
    public Optional<Cadre> visible(long id, UserContext user) {
        return find(id).filter(c -> canView(user, c));
    }

    /**
     * May this user read this cadre's file? Their own, their led unit's, or any in their HR scope; an administrator
     * reads every file (read-only: the file changes nothing).
     */
    public boolean canView(UserContext user, Cadre cadre) {
        return cadre.id().equals(user.cadreId()) || user.ledUnitIds().contains(cadre.unitId())
                || readableUnits(user).contains(cadre.unitId());
    }

    /** Units whose cadres this user may list: their led units and their HR scope (an administrator: every unit). */
    public List<Long> listableUnits(UserContext user) {
        LinkedHashSet<Long> units = new LinkedHashSet<>(user.ledUnitIds());
        units.addAll(readableUnits(user));
        return List.copyOf(units);
    }

    /**
     * The units whose whole cadre files and 干部名册 this user reads: their HR scope, or for an administrator every
     * unit (an administrator reads, acting on cadres stays with HR).
     */
    public Set<Long> readableUnits(UserContext user) {
        if (!user.has(AppRoles.ADMIN)) {
            return user.hrUnitIds();
        }
        Set<Long> all = new HashSet<>(user.hrUnitIds());
        org.tree().units().forEach(u -> all.add(u.id()));
        return all;
    }

    public List<Cadre> list(Collection<Long> unitIds, String nameFilter, int offset, int limit) {
        return unitIds.isEmpty() ? List.of() : mapper.findByUnits(unitIds, nameFilter, offset, limit);
    }

    public int count(Collection<Long> unitIds, String nameFilter) {
        return unitIds.isEmpty() ? 0 : mapper.countByUnits(unitIds, nameFilter);
    }

    /** The cadre's posts, oldest first, for a user who may read the cadre's file (for anyone else: none). */
    public List<PostHistoryEntry> postHistory(long cadreId, UserContext user) {
        if (visible(cadreId, user).isEmpty()) {
            return List.of();
        }
        OrgService.OrgTree tree = org.tree();
        return mapper.postHistory(cadreId).stream().map(h -> new PostHistoryEntry(h.id(), h.cadreId(), h.unitId(),
                tree.unit(h.unitId()).map(OrgUnit::name).orElse(""), h.postName(), h.startDate(), h.endDate()))
                .toList();
    }

    /** Records a cadre; returns the id. */
    public long add(NewCadre cadre) {
        CadreMapper.CadreRow row = new CadreMapper.CadreRow();
        row.name = cadre.name();
        row.gender = cadre.gender();
        row.birthDate = cadre.birthDate();
        row.ethnicity = cadre.ethnicity();
        row.partyDate = cadre.partyDate();
        row.workStartDate = cadre.workStartDate();
        row.education = cadre.education();
        row.rankCode = cadre.rankCode();
        row.unitId = cadre.unitId();
        row.postId = cadre.postId();
        row.politicalStatus = cadre.politicalStatus();
        mapper.insert(row);
        return row.id;
    }

    /** Adds a line to the cadre's post history (任职经历); {@code end} null for the post held now. */
    public void addPostHistory(long cadreId, long unitId, String postName, LocalDate start, LocalDate end) {
        mapper.insertPostHistory(cadreId, unitId, postName, start, end);
    }

    /**
     * Ends the cadre's open lines of the post history for this post of this unit on {@code end} (a secondment's
     * temporary post when they return, their home post when they move for good).
     */
    public void endPostHistory(long cadreId, long unitId, String postName, LocalDate end) {
        mapper.endPostHistory(cadreId, unitId, postName, end, null);
    }

    /**
     * As {@link #endPostHistory(long, long, String, LocalDate)}, the line renamed {@code endedAs} (at most 100
     * characters) to say how it ended: a secondment's line "挂职锻炼：副县长（召回）" when the cadre was called back.
     */
    public void endPostHistory(long cadreId, long unitId, String postName, LocalDate end, String endedAs) {
        mapper.endPostHistory(cadreId, unitId, postName, end, endedAs);
    }

    /** The cadre now holds this post of this unit (a transfer, a promotion): their record says so from now on. */
    public void moveTo(long cadreId, long unitId, long postId, String rankCode) {
        mapper.moveTo(cadreId, unitId, postId, rankCode);
    }

    /** Ids of the active cadres whose post this is. */
    public List<Long> activeIdsInPost(long postId) {
        return mapper.activeIdsInPost(postId);
    }

    /** A cadre's open line of the post history: the post they hold now and since when. */
    public record Tenure(long cadreId, long unitId, String postName, LocalDate since) {
    }

    /**
     * The open post-history lines of the active cadres of these units that began on or before {@code since}: who
     * has held the same post that long, longest first.
     */
    public List<Tenure> heldSince(Collection<Long> unitIds, LocalDate since) {
        return unitIds.isEmpty() ? List.of() : mapper.heldSince(unitIds, since);
    }

    @Override
    public Map<String, Object> knownData(String username) {
        Optional<Cadre> cadre = users.find(username).map(AppUser::cadreId).flatMap(this::find);
        if (cadre.isEmpty()) {
            return Map.of();
        }
        Cadre c = cadre.get();
        Map<String, Object> known = new HashMap<>();
        known.put("cadreId", c.id());
        known.put("cadreName", c.name());
        known.put("unitId", c.unitId());
        known.put("unitName", org.unit(c.unitId()).map(OrgUnit::name).orElse(""));
        known.put("postName", org.post(c.postId()).map(Post::name).orElse(""));
        // file data is kept in Chinese, the language of the records themselves
        known.put("rankName", messages.getMessage("rank." + c.rankCode(), null, c.rankCode(),
                Locale.SIMPLIFIED_CHINESE));
        known.put("unitLeaderGroup", AppGroups.unitLeaders(c.unitId()));
        known.put("hrGroup", AppGroups.hrOfficers(c.unitId()));
        return known;
    }
}
