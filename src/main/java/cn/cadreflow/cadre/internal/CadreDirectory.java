package cn.cadreflow.cadre.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

import cn.cadreflow.cadre.Cadre;
import cn.cadreflow.cadre.CadreException;
import cn.cadreflow.cadre.CadreFormats;
import cn.cadreflow.cadre.CadreService;
import cn.cadreflow.org.OrgService;
import cn.cadreflow.org.OrgUnit;
import cn.cadreflow.org.Post;
import cn.cadreflow.security.AppUser;
import cn.cadreflow.security.UserContext;
import cn.cadreflow.security.UserService;

/**
 * 干部名册: the active cadres of an HR officer's scope, searched by name, unit, post or account, one unit (and the
 * units below it) at a time or the whole scope, and exported to Excel. An administrator reads the whole directory
 * (read-only, as everyone: it changes nothing). Only units of the user's scope
 * ({@link CadreService#readableUnits}) are ever read; a unit outside it is refused in the words used for a unit that
 * does not exist.
 */
@Service
public class CadreDirectory {

    /** The most rows an export writes; a larger list is cut there and says so in its last row. */
    public static final int EXPORT_MAX = 5000;
    /** The longest search text accepted. */
    public static final int SEARCH_MAX = 50;

    static final String[] COLUMNS = {"cadre.name", "cadre.gender", "directory.birth", "cadre.unit", "cadre.post",
        "cadre.rank", "cadre.politicalStatus", "directory.postSince", "cadre.education"};

    private final CadreMapper mapper;
    private final CadreService cadres;
    private final OrgService org;
    private final UserService users;
    private final MessageSource messages;

    public CadreDirectory(CadreMapper mapper, CadreService cadres, OrgService org, UserService users,
                          MessageSource messages) {
        this.mapper = mapper;
        this.cadres = cadres;
        this.org = org;
        this.users = users;
        this.messages = messages;
    }

    /** What the directory shows: the unit browsed (null for the whole scope) and the search text. */
    public record Query(Long unitId, String text) {
        public static final Query ALL = new Query(null, "");
    }

    /** A row of the directory, its unit and post named. */
    public record Entry(Cadre cadre, String unitName, String postName) {
    }

    /** The units of the user's scope, in the tree's order (parents before children, by sort order). */
    public List<OrgUnit> units(UserContext user) {
        OrgService.OrgTree tree = org.tree();
        return cadres.readableUnits(user).stream().map(id -> tree.unit(id).orElse(null)).filter(u -> u != null)
                .sorted(Comparator.comparingInt(OrgUnit::sortOrder).thenComparing(OrgUnit::code)).toList();
    }

    public List<Entry> search(UserContext user, Query query, int offset, int limit) {
        Collection<Long> units = units(user, query.unitId());
        if (units.isEmpty()) {
            return List.of();
        }
        return entries(mapper.directory(units, search(units, query.text()), offset, limit));
    }

    public int count(UserContext user, Query query) {
        Collection<Long> units = units(user, query.unitId());
        return units.isEmpty() ? 0 : mapper.countDirectory(units, search(units, query.text()));
    }

    /** The directory as the user sees it, as an .xlsx workbook: at most {@value #EXPORT_MAX} rows. */
    public byte[] exportXlsx(UserContext user, Query query, Locale locale) {
        int total = count(user, query);
        List<Entry> rows = search(user, query, 0, EXPORT_MAX);
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(text("directory.title", locale));
            Row header = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.length; i++) {
                header.createCell(i).setCellValue(text(COLUMNS[i], locale));
            }
            int n = 1;
            for (Entry e : rows) {
                Cadre c = e.cadre();
                String[] values = {c.name(), text("gender." + c.gender(), locale),
                    CadreFormats.yearMonth(c.birthDate(), locale), e.unitName(), e.postName(),
                    text("rank." + c.rankCode(), locale), text("political." + c.politicalStatus(), locale),
                    CadreFormats.yearMonth(c.postSince(), locale), text("education." + c.education(), locale)};
                Row row = sheet.createRow(n++);
                for (int i = 0; i < values.length; i++) {
                    row.createCell(i).setCellValue(values[i]);
                }
            }
            if (total > rows.size()) {
                sheet.createRow(n).createCell(0).setCellValue(text("directory.export.cut", locale, rows.size(), total));
            }
            for (int i = 0; i < COLUMNS.length; i++) {
                sheet.setColumnWidth(i, 16 * 256);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The units the query reads: the browsed unit and those below it, or the whole scope. */
    private Collection<Long> units(UserContext user, Long unitId) {
        Set<Long> scope = cadres.readableUnits(user);
        if (unitId == null) {
            return scope;
        }
        if (!scope.contains(unitId)) {
            throw new CadreException("directory.error.unitNotFound");
        }
        return org.tree().subtreeIds(List.of(unitId)).stream().filter(scope::contains).toList();
    }

    /** The search over these units: null for a blank text. */
    private CadreMapper.DirectorySearch search(Collection<Long> units, String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return null;
        }
        if (t.length() > SEARCH_MAX) {
            throw new CadreException("directory.error.searchTooLong", SEARCH_MAX);
        }
        OrgService.OrgTree tree = org.tree();
        List<Long> unitIds = units.stream().filter(id -> tree.unit(id).map(u -> u.name().contains(t)).orElse(false))
                .toList();
        List<Long> postIds = new ArrayList<>();
        OrgService.batches(mapper.postIdsInUnits(units), batch -> org.posts(batch).values().stream()
                .filter(p -> p.name().contains(t)).forEach(p -> postIds.add(p.id())));
        List<Long> cadreIds = users.find(t).map(AppUser::cadreId).stream().toList();
        return new CadreMapper.DirectorySearch(t, unitIds, postIds, cadreIds);
    }

    private List<Entry> entries(List<Cadre> cadres) {
        OrgService.OrgTree tree = org.tree();
        Map<Long, Post> posts = org.posts(cadres.stream().map(Cadre::postId).toList());
        return cadres.stream().map(c -> new Entry(c, tree.unit(c.unitId()).map(OrgUnit::name).orElse(""),
                c.postId() == null || !posts.containsKey(c.postId()) ? "" : posts.get(c.postId()).name())).toList();
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
