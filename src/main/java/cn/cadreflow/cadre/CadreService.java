package cn.cadreflow.cadre;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.MessageSource;
import java.util.Locale;
import org.springframework.stereotype.Service;

import cn.cadreflow.org.OrgService;
import cn.cadreflow.org.OrgUnit;
import cn.cadreflow.org.Post;
import cn.cadreflow.security.AppGroups;
import cn.cadreflow.security.AppUser;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;
import cn.cadreflow.workflow.KnownDataProvider;

/** Cadre files (干部档案) and what processes may know about a cadre without asking. */
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

    public Optional<Cadre> find(long id) {
        return Optional.ofNullable(mapper.findById(id));
    }

    /** May this user read this cadre's file? Their own, their led unit's, or any in their HR scope. */
    public boolean canView(UserContext user, Cadre cadre) {
        return cadre.id().equals(user.cadreId()) || user.ledUnitIds().contains(cadre.unitId())
                || user.hrUnitIds().contains(cadre.unitId());
    }

    /** Units whose cadres this user may list: their led units and their HR scope. */
    public List<Long> listableUnits(UserContext user) {
        java.util.LinkedHashSet<Long> units = new java.util.LinkedHashSet<>(user.ledUnitIds());
        units.addAll(user.hrUnitIds());
        return List.copyOf(units);
    }

    public List<Cadre> list(Collection<Long> unitIds, String nameFilter, int offset, int limit) {
        return unitIds.isEmpty() ? List.of() : mapper.findByUnits(unitIds, nameFilter, offset, limit);
    }

    public int count(Collection<Long> unitIds, String nameFilter) {
        return unitIds.isEmpty() ? 0 : mapper.countByUnits(unitIds, nameFilter);
    }

    public List<PostHistoryEntry> postHistory(long cadreId) {
        return mapper.postHistory(cadreId);
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
