package cn.cadreflow.org;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import cn.cadreflow.org.internal.OrgMapper;

/**
 * Reads the org tree. The tree is small (a province has tens of thousands of units at most) and
 * is read whole per call; callers that need it repeatedly keep the {@link OrgTree}.
 */
@Service
public class OrgService {

    /** Ids per query of a batch lookup: large sets are read in a few queries of this many ids. */
    public static final int BATCH = 1000;

    private final OrgMapper mapper;

    public OrgService(OrgMapper mapper) {
        this.mapper = mapper;
    }

    public Optional<OrgUnit> unit(long id) {
        return Optional.ofNullable(mapper.findUnit(id));
    }

    public Optional<Post> post(Long id) {
        return id == null ? Optional.empty() : Optional.ofNullable(mapper.findPost(id));
    }

    /** The units with these ids, by id, in one query per {@value #BATCH} ids. */
    public Map<Long, OrgUnit> units(Collection<Long> ids) {
        Map<Long, OrgUnit> result = new HashMap<>();
        batches(ids, batch -> mapper.findUnits(batch).forEach(u -> result.put(u.id(), u)));
        return result;
    }

    /** The posts with these ids, by id, in one query per {@value #BATCH} ids. */
    public Map<Long, Post> posts(Collection<Long> ids) {
        Map<Long, Post> result = new HashMap<>();
        batches(ids, batch -> mapper.findPosts(batch).forEach(p -> result.put(p.id(), p)));
        return result;
    }

    /** The posts of a unit, in their order. */
    public List<Post> postsOf(long unitId) {
        return mapper.findPostsOfUnit(unitId);
    }

    /**
     * Hands the distinct non-null ids to {@code read} in lists of at most {@value #BATCH}: what a batch lookup
     * ({@code findAll(ids)}) of any module reads per query.
     */
    public static <T> void batches(Collection<T> ids, Consumer<List<T>> read) {
        List<T> distinct = ids.stream().filter(Objects::nonNull).distinct().toList();
        for (int from = 0; from < distinct.size(); from += BATCH) {
            read.accept(distinct.subList(from, Math.min(distinct.size(), from + BATCH)));
        }
    }

    public boolean isEmpty() {
        return mapper.countUnits() == 0;
    }

    /** Records a unit (grassroots when the level is); returns its id. */
    public long addUnit(String code, String name, OrgLevel level, Long parentId, int minStaffing) {
        OrgMapper.OrgUnitRow row = new OrgMapper.OrgUnitRow();
        row.code = code;
        row.name = name;
        row.unitLevel = level;
        row.parentId = parentId;
        row.grassroots = level.isGrassroots();
        row.minStaffing = minStaffing;
        mapper.insertUnit(row);
        return row.id;
    }

    /** Records a post of a unit; returns its id. */
    public long addPost(long unitId, String name, boolean leading) {
        OrgMapper.PostRow row = new OrgMapper.PostRow();
        row.unitId = unitId;
        row.name = name;
        row.leadingPost = leading;
        mapper.insertPost(row);
        return row.id;
    }

    public OrgTree tree() {
        return new OrgTree(mapper.findAllUnits());
    }

    /**
     * Every unit's level by id: what a report summing moves per level needs of the tree, read in one narrow query
     * (a province's thousands of units cost a fraction of {@link #tree()}).
     */
    public Map<Long, OrgLevel> levels() {
        Map<Long, OrgLevel> levels = new HashMap<>();
        mapper.findUnitLevels().forEach(u -> levels.put(u.id(), u.unitLevel()));
        return levels;
    }

    /** An immutable snapshot of the org tree. */
    public static final class OrgTree {
        private final Map<Long, OrgUnit> byId;
        private final Map<Long, List<OrgUnit>> children;

        OrgTree(List<OrgUnit> units) {
            this.byId = units.stream().collect(Collectors.toMap(OrgUnit::id, Function.identity()));
            this.children = units.stream().filter(u -> u.parentId() != null)
                    .collect(Collectors.groupingBy(OrgUnit::parentId));
        }

        public Optional<OrgUnit> unit(long id) {
            return Optional.ofNullable(byId.get(id));
        }

        public Collection<OrgUnit> units() {
            return byId.values();
        }

        /** The given units and every unit below them. */
        public Set<Long> subtreeIds(Collection<Long> roots) {
            Set<Long> result = new LinkedHashSet<>();
            Deque<Long> todo = new ArrayDeque<>(roots);
            while (!todo.isEmpty()) {
                Long id = todo.pop();
                if (byId.containsKey(id) && result.add(id)) {
                    children.getOrDefault(id, List.of()).forEach(c -> todo.add(c.id()));
                }
            }
            return result;
        }

        /** "湘江市 / 清河县 / 青山镇": the unit's name with its ancestors, top first. */
        public String path(long id) {
            List<String> names = new ArrayList<>();
            OrgUnit unit = byId.get(id);
            while (unit != null) {
                names.add(0, unit.name());
                unit = unit.parentId() == null ? null : byId.get(unit.parentId());
            }
            return String.join(" / ", names);
        }
    }
}
