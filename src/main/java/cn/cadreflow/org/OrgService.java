package cn.cadreflow.org;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

/**
 * Reads the org tree. The tree is small (a province has tens of thousands of units at most) and
 * is read whole per call; callers that need it repeatedly keep the {@link OrgTree}.
 */
@Service
public class OrgService {

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

    public OrgTree tree() {
        return new OrgTree(mapper.findAllUnits());
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
